"""Reading the action plan table: the whole plan in the seed's columns, and one measure with
the fields of OGP's commitment template. Public; those who draft a component see its edit
links and its SMART warnings beside each item. Both pages read the table through
:func:`bashke.drafting.tree.build`, in a fixed number of queries."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Meeting
from bashke.core.permissions import require
from bashke.drafting import smart, tree
from bashke.drafting.models import Measure
from bashke.drafting.models.versions import is_approved
from bashke.plans.models import ActionPlan
from bashke.plans.rules import components_run_by


def plan_or_404(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def drafting_context(request, plan):
    """Which components the visitor may draft now (none once the plan is approved): one
    query for the roles, one for the approval."""
    approved = is_approved(plan)
    runs = set() if approved else components_run_by(request.user, plan)
    return {"approved": approved, "runs": runs}


class Drafts:
    """``drafts[component_id]`` in templates: whether the visitor drafts that component."""

    def __init__(self, runs):
        self.runs = runs

    def __getitem__(self, component_id):
        return component_id in self.runs

    def __bool__(self):
        return bool(self.runs)


def table_page(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "drafting.view_table", plan)
    table = tree.build(plan)
    context = drafting_context(request, plan)
    report = smart.check(table)
    return render(request, "drafting/table/table.html", {
        "plan": plan, "table": table, "report": report, "drafts": Drafts(context["runs"]),
        "approved": context["approved"],
    })


def _locate(table, measure_id):
    for goal in table.goals:
        for objective in goal.objectives:
            for measure in objective.measures:
                if measure.id == measure_id:
                    return goal, objective, measure
    raise Http404


def measure_page(request, slug, pk):
    measure_row = get_object_or_404(
        Measure.objects.select_related("objective__component__goal__plan"),
        objective__component__goal__plan__slug=slug, pk=pk)
    component = measure_row.objective.component
    plan = component.goal.plan
    require(request.user, "drafting.view_table", plan)
    # The whole table, so that the measure carries its number in the plan.
    table = tree.build(plan)
    goal, objective, measure = _locate(table, measure_row.pk)
    report = smart.check(table)
    idea_ids = set(measure.source_ideas)
    for activity in measure.activities:
        idea_ids.update(activity.source_ideas)
    ideas = {idea.pk: idea for idea in Idea.objects.filter(pk__in=idea_ids, plan=plan)
             .select_related("plan")}
    meeting = (Meeting.objects.filter(pk=measure.evidence_meeting, plan=plan).public().first()
               if measure.evidence_meeting else None)
    context = drafting_context(request, plan)
    activities = [(activity, report.of(f"activity:{activity.id}"),
                   [ideas[i] for i in activity.source_ideas if i in ideas])
                  for activity in measure.activities]
    return render(request, "drafting/table/measure.html", {
        "plan": plan, "table": table, "goal": goal, "objective": objective,
        "measure": measure, "component": component, "warnings": report.of(f"measure:{measure.id}"),
        "activities": activities, "meeting": meeting,
        "source_ideas": [ideas[i] for i in measure.source_ideas if i in ideas],
        "may_draft": component.pk in context["runs"], "approved": context["approved"],
    })
