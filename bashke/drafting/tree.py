"""The action plan table as plain data: policy goal ► specific objective ► measure ► activity,
numbered from their order and with the money rolled up at every level.

One reader for everyone who shows the table — the drafting pages, the frozen versions (a
version's snapshot is :func:`to_json` of the tree and :func:`from_json` reads it back, so a
version shows exactly as it was), the comparison of two versions, the exports and the API.
:func:`build` reads the live table in a fixed number of queries, whatever its size.
"""

import datetime
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal

from django.db.models import Prefetch

from bashke.core.text import Bilingual
from bashke.drafting.models import Activity, Measure, Objective
from bashke.plans import calendar
from bashke.plans.models import Component, Institution, PolicyGoal

ZERO = Decimal("0")
# The measure's fields of OGP's commitment template, in both languages.
MEASURE_TEXTS = ("problem", "status_quo", "description", "how_it_helps", "transparency",
                 "participation", "accountability", "technology", "additional_information")
OGP_VALUES = ("transparency", "participation", "accountability", "technology")


@dataclass
class Money:
    """Thousand lek. ``cost`` and ``gap`` add only the activities whose cost is known."""

    cost: Decimal = ZERO
    state_budget: Decimal = ZERO
    foreign_financing: Decimal = ZERO
    gap: Decimal = ZERO

    def add(self, other):
        self.cost += other.cost
        self.state_budget += other.state_budget
        self.foreign_financing += other.foreign_financing
        self.gap += other.gap


@dataclass
class InstitutionRef(Bilingual):
    bilingual_fields = ("name",)

    id: int
    name_sq: str
    name_en: str
    acronym: str = ""

    @property
    def short(self):
        return self.acronym or self.name

    @classmethod
    def of(cls, institution):
        if institution is None:
            return None
        return cls(institution.pk, institution.name_sq, institution.name_en, institution.acronym)


@dataclass
class ActivityRow(Bilingual):
    bilingual_fields = ("title", "indicator", "target")

    id: int
    number: str
    title_sq: str
    title_en: str
    responsible: InstitutionRef | None
    other_responsible: list[InstitutionRef]
    start: datetime.date | None
    end: datetime.date | None
    cost: Decimal | None
    state_budget: Decimal | None
    foreign_financing: Decimal | None
    indicator_sq: str
    indicator_en: str
    target_sq: str
    target_en: str
    source_ideas: list[int] = field(default_factory=list)
    version: int = 1

    @property
    def gap(self):
        if self.cost is None:
            return None
        return self.cost - (self.state_budget or ZERO) - (self.foreign_financing or ZERO)

    @property
    def money(self):
        if self.cost is None:
            return Money(ZERO, self.state_budget or ZERO, self.foreign_financing or ZERO, ZERO)
        return Money(self.cost, self.state_budget or ZERO, self.foreign_financing or ZERO,
                     self.gap)


@dataclass
class MeasureRow(Bilingual):
    bilingual_fields = ("title", *MEASURE_TEXTS)

    id: int
    number: str
    title_sq: str
    title_en: str
    ogp_id: str
    lead_institution: InstitutionRef | None
    other_government_actors: str
    civil_society_actors: str
    private_sector_actors: str
    texts: dict[str, str]  # "<field>_<lang>" of MEASURE_TEXTS
    evidence_meeting: int | None
    source_ideas: list[int] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    totals: Money = field(default_factory=Money)
    version: int = 1

    def __getattr__(self, name):
        texts = self.__dict__.get("texts", {})
        if name in texts:
            return texts[name]
        return super().__getattr__(name)

    @property
    def relevant_values(self):
        """The OGP values this measure says it is relevant to (an explanation is written)."""
        return [value for value in OGP_VALUES
                if self.texts.get(f"{value}_sq") or self.texts.get(f"{value}_en")]


@dataclass
class ObjectiveRow(Bilingual):
    bilingual_fields = ("title", "description")

    id: int
    number: str
    title_sq: str
    title_en: str
    description_sq: str
    description_en: str
    component_id: int
    measures: list[MeasureRow] = field(default_factory=list)
    totals: Money = field(default_factory=Money)
    version: int = 1


@dataclass
class ComponentRef(Bilingual):
    bilingual_fields = ("title",)

    id: int
    slug: str
    title_sq: str
    title_en: str


@dataclass
class GoalRow(Bilingual):
    bilingual_fields = ("title",)

    id: int
    number: int
    title_sq: str
    title_en: str
    components: list[ComponentRef] = field(default_factory=list)
    objectives: list[ObjectiveRow] = field(default_factory=list)
    totals: Money = field(default_factory=Money)

    @property
    def numeral(self):
        return calendar.roman(self.number)


@dataclass
class PlanTable:
    plan_id: int
    slug: str
    start: datetime.date
    end: datetime.date
    goals: list[GoalRow] = field(default_factory=list)
    totals: Money = field(default_factory=Money)

    def objectives(self):
        return [objective for goal in self.goals for objective in goal.objectives]

    def measures(self):
        return [measure for objective in self.objectives() for measure in objective.measures]

    def activities(self):
        return [activity for measure in self.measures() for activity in measure.activities]

    def rows(self):
        """Every item as ("kind:id", item), in table order: the keys comments and the
        comparison of versions use."""
        for goal in self.goals:
            for objective in goal.objectives:
                yield f"objective:{objective.id}", objective
                for measure in objective.measures:
                    yield f"measure:{measure.id}", measure
                    for activity in measure.activities:
                        yield f"activity:{activity.id}", activity


# Reading the live table ---------------------------------------------------------------------

def build(plan, component_ids=None) -> PlanTable:
    """The plan's table as it is now, in six queries. ``component_ids`` keeps only the
    objectives of those components (numbers stay those of the whole plan)."""
    goals = list(PolicyGoal.objects.filter(plan=plan).order_by("number", "id"))
    components = list(Component.objects.filter(goal__plan=plan)
                      .order_by("goal__number", "position", "id"))
    activities = Activity.objects.select_related("responsible").prefetch_related(
        Prefetch("other_responsible", queryset=Institution.objects.order_by("name_en")),
        "source_ideas").order_by("position", "id")
    measures = Measure.objects.select_related("lead_institution").prefetch_related(
        Prefetch("activities", queryset=activities), "source_ideas").order_by("position", "id")
    objectives = list(Objective.objects.filter(component__goal__plan=plan)
                      .prefetch_related(Prefetch("measures", queryset=measures)))
    return assemble(plan, goals, components, objectives, component_ids)


def _component_order(components):
    return {component.pk: index for index, component in enumerate(components)}


def assemble(plan, goals, components, objectives, component_ids=None) -> PlanTable:
    order = _component_order(components)
    goal_of = {component.pk: component.goal_id for component in components}
    objectives = sorted(objectives, key=lambda o: (order.get(o.component_id, 0), o.position,
                                                   o.pk))
    table = PlanTable(plan.pk, plan.slug, plan.start, plan.end)
    by_goal = {}
    for goal in goals:
        row = GoalRow(goal.pk, goal.number, goal.title_sq, goal.title_en)
        row.components = [ComponentRef(c.pk, c.slug, c.title_sq, c.title_en)
                          for c in components if c.goal_id == goal.pk]
        by_goal[goal.pk] = row
        table.goals.append(row)
    # Objectives are numbered within their policy goal, as the seed's table is laid out: one
    # table per policy goal, each starting at "1 OBJEKTIVI SPECIFIK".
    counted = {}
    for objective in objectives:
        goal_id = goal_of[objective.component_id]
        counted[goal_id] = counted.get(goal_id, 0) + 1
        row = _objective_row(objective, str(counted[goal_id]))
        if component_ids is not None and objective.component_id not in component_ids:
            continue
        goal = by_goal[goal_id]
        goal.objectives.append(row)
        goal.totals.add(row.totals)
        table.totals.add(row.totals)
    return table


def _objective_row(objective, number):
    row = ObjectiveRow(objective.pk, number, objective.title_sq, objective.title_en,
                       objective.description_sq, objective.description_en,
                       objective.component_id, version=objective.version)
    for index, measure in enumerate(measure_list(objective), 1):
        measure_row = _measure_row(measure, f"{number}.{index}")
        row.measures.append(measure_row)
        row.totals.add(measure_row.totals)
    return row


def measure_list(objective):
    return sorted(objective.measures.all(), key=lambda m: (m.position, m.pk))


def _measure_row(measure, number):
    texts = {f"{name}_{lang}": getattr(measure, f"{name}_{lang}")
             for name in MEASURE_TEXTS for lang in ("sq", "en")}
    row = MeasureRow(
        measure.pk, number, measure.title_sq, measure.title_en, measure.ogp_id,
        InstitutionRef.of(measure.lead_institution), measure.other_government_actors,
        measure.civil_society_actors, measure.private_sector_actors, texts,
        measure.evidence_meeting_id,
        sorted(idea.pk for idea in measure.source_ideas.all()), version=measure.version)
    activities = sorted(measure.activities.all(), key=lambda a: (a.position, a.pk))
    for index, activity in enumerate(activities, 1):
        activity_row = _activity_row(activity, f"{number}.{index}")
        row.activities.append(activity_row)
        row.totals.add(activity_row.money)
    return row


def _activity_row(activity, number):
    return ActivityRow(
        activity.pk, number, activity.title_sq, activity.title_en,
        InstitutionRef.of(activity.responsible),
        [InstitutionRef.of(i) for i in activity.other_responsible.all()],
        activity.start, activity.end, activity.cost, activity.state_budget,
        activity.foreign_financing, activity.indicator_sq, activity.indicator_en,
        activity.target_sq, activity.target_en,
        sorted(idea.pk for idea in activity.source_ideas.all()), version=activity.version)


# A version's snapshot -------------------------------------------------------------------------

SNAPSHOT_FORMAT = 1


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def to_json(table: PlanTable) -> dict:
    """The table as JSON-ready data (what a version stores)."""
    return {"format": SNAPSHOT_FORMAT, **_plain(asdict(table))}


def _decimal(value):
    return None if value is None else Decimal(value)


def _date(value):
    return None if value is None else datetime.date.fromisoformat(value)


def _money(data):
    return Money(*(Decimal(data[f.name]) for f in fields(Money)))


def _institution(data):
    return None if data is None else InstitutionRef(**data)


def from_json(data: dict) -> PlanTable:
    """A table back from :func:`to_json`'s data."""
    table = PlanTable(data["plan_id"], data["slug"], _date(data["start"]), _date(data["end"]),
                      totals=_money(data["totals"]))
    for goal in data["goals"]:
        row = GoalRow(goal["id"], goal["number"], goal["title_sq"], goal["title_en"],
                      [ComponentRef(**c) for c in goal["components"]],
                      totals=_money(goal["totals"]))
        for objective in goal["objectives"]:
            objective_row = ObjectiveRow(
                **{k: v for k, v in objective.items() if k not in ("measures", "totals")},
                totals=_money(objective["totals"]))
            for measure in objective["measures"]:
                plain = {k: v for k, v in measure.items()
                         if k not in ("activities", "totals", "lead_institution")}
                measure_row = MeasureRow(**plain,
                                         lead_institution=_institution(measure["lead_institution"]),
                                         totals=_money(measure["totals"]))
                for activity in measure["activities"]:
                    plain = {k: v for k, v in activity.items()
                             if k not in ("responsible", "other_responsible")}
                    for key in ("cost", "state_budget", "foreign_financing"):
                        plain[key] = _decimal(plain[key])
                    for key in ("start", "end"):
                        plain[key] = _date(plain[key])
                    measure_row.activities.append(ActivityRow(
                        **plain, responsible=_institution(activity["responsible"]),
                        other_responsible=[_institution(i) for i in
                                           activity["other_responsible"]]))
                objective_row.measures.append(measure_row)
            row.objectives.append(objective_row)
        table.goals.append(row)
    return table
