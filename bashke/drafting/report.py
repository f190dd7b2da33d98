"""The co-creation report — "we asked, you said, we did" — as plain data: every contribution
of the plan, grouped by component, with its decision, the reasoning and the measures and
activities it fed (numbered as the plan's table numbers them, through ``tree``), the counts
per decision and how many ideas still lack a response.

One reader for the page, the .docx, the .csv and the API; a fixed number of queries
whatever the number of ideas (the ideas with their decisions in one, the table in
``tree.build``'s six, the components in one).
"""

from dataclasses import dataclass, field

from bashke.assessment.models import DecisionKind
from bashke.consultation.models import Idea, IdeaStatus
from bashke.core.text import pick
from bashke.drafting import tree
from bashke.plans.models import Component


@dataclass
class Fed:
    """A measure or activity an idea fed: its number in the table and its title."""

    kind: str  # "measure" or "activity"
    number: str
    title_sq: str
    title_en: str

    @property
    def title(self):
        return pick(self, "title")


@dataclass
class ReportRow:
    idea: Idea
    kind: str  # a DecisionKind value, "" while awaiting, "withdrawn" for withdrawn ideas
    label: str
    response_sq: str = ""
    response_en: str = ""
    merged_into: Idea | None = None
    fed: list[Fed] = field(default_factory=list)

    @property
    def response(self):
        return pick(self, "response")

    @property
    def awaiting(self):
        return self.kind == ""


@dataclass
class ReportGroup:
    component: Component | None
    rows: list[ReportRow] = field(default_factory=list)


@dataclass
class CoCreationReport:
    plan: object
    groups: list[ReportGroup] = field(default_factory=list)
    counts: list = field(default_factory=list)  # [(kind, label, count)]
    total: int = 0
    awaiting: int = 0
    withdrawn: int = 0

    def rows(self):
        return [row for group in self.groups for row in group.rows]


def _fed_by_idea(table):
    fed = {}
    for measure in table.measures():
        for idea_id in measure.source_ideas:
            fed.setdefault(idea_id, []).append(
                Fed("measure", measure.number, measure.title_sq, measure.title_en))
        for activity in measure.activities:
            for idea_id in activity.source_ideas:
                fed.setdefault(idea_id, []).append(
                    Fed("activity", activity.number, activity.title_sq, activity.title_en))
    return fed


def build_report(plan) -> CoCreationReport:
    components = list(Component.objects.filter(goal__plan=plan).select_related("goal")
                      .order_by("goal__number", "position", "id"))
    ideas = list(Idea.objects.filter(plan=plan, hidden_at__isnull=True)
                 .select_related("component", "organisation", "author", "decision",
                                 "decision__merged_into")
                 .order_by("submitted_at", "id"))
    fed = _fed_by_idea(tree.build(plan))
    labels = dict(DecisionKind.choices)
    report = CoCreationReport(plan=plan)
    groups = {component.pk: ReportGroup(component) for component in components}
    loose = ReportGroup(None)
    counts = {kind: 0 for kind in DecisionKind.values}
    for idea in ideas:
        idea.plan = plan  # for its address, without a join
        decision = getattr(idea, "decision", None)
        if decision is not None:
            row = ReportRow(idea, decision.kind, str(labels[decision.kind]),
                            decision.response_sq, decision.response_en,
                            decision.merged_into)
            counts[decision.kind] += 1
        elif idea.status == IdeaStatus.WITHDRAWN:
            row = ReportRow(idea, "withdrawn", str(IdeaStatus.WITHDRAWN.label))
            report.withdrawn += 1
        else:
            row = ReportRow(idea, "", "")
            report.awaiting += 1
        if row.merged_into is not None:
            row.merged_into.plan = plan
        row.fed = fed.get(idea.pk, [])
        groups.get(idea.component_id, loose).rows.append(row)
        report.total += 1
    report.groups = [group for group in [*groups.values(), loose] if group.rows]
    report.counts = [(kind, str(labels[kind]), counts[kind]) for kind in DecisionKind.values]
    return report
