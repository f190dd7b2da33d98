"""The schemas of the action plan table's API (bashke/api/routers/drafting.py): what it
answers and what it takes. Amounts are thousand lek, exact decimals."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from bashke.api.schemas import Id

Amount = Decimal | None


class MoneyOut(Schema):
    cost: Decimal = Field(..., description="Indicative cost, thousand lek (known costs only).")
    state_budget: Decimal
    foreign_financing: Decimal
    gap: Decimal = Field(..., description="Financing gap: cost − state budget − foreign "
                                          "financing, of the activities whose cost is known.")


class InstitutionRefOut(Schema):
    id: int
    name: str
    name_sq: str
    name_en: str
    acronym: str


class SmartWarningOut(Schema):
    criterion: str = Field(..., description="specific, measurable, answerable, time_bound or "
                                            "milestones.")
    label: str
    message: str


class ActivityOut(Schema):
    id: int
    number: str
    version: int = Field(..., description="Send it back with a change (PATCH).")
    title: str
    title_sq: str
    title_en: str
    responsible: InstitutionRefOut | None
    other_responsible: list[InstitutionRefOut]
    start: datetime.date | None
    end: datetime.date | None
    cost: Decimal | None
    state_budget: Decimal | None
    foreign_financing: Decimal | None
    financing_gap: Decimal | None
    indicator_sq: str
    indicator_en: str
    target_sq: str
    target_en: str
    source_ideas: list[int]
    warnings: list[SmartWarningOut]


class MeasureSummary(Schema):
    id: int
    number: str
    version: int
    ogp_id: str
    title: str
    title_sq: str
    title_en: str
    lead_institution: InstitutionRefOut | None
    totals: MoneyOut
    warnings: list[SmartWarningOut]
    activities: list[ActivityOut]


class ObjectiveOut(Schema):
    id: int
    number: str
    component: str = Field(..., description="The component's slug.")
    title: str
    title_sq: str
    title_en: str
    totals: MoneyOut
    measures: list[MeasureSummary]


class GoalOut(Schema):
    number: int
    numeral: str
    title: str
    title_sq: str
    title_en: str
    totals: MoneyOut
    objectives: list[ObjectiveOut]


class ActionPlanOut(Schema):
    plan: str
    start: datetime.date
    end: datetime.date
    totals: MoneyOut
    warnings: int = Field(..., description="SMART warnings in the whole table.")
    goals: list[GoalOut]


class MeasureDetail(MeasureSummary):
    plan: str
    objective: int
    objective_number: str
    component: str
    texts: dict[str, str] = Field(..., description="The commitment template's fields, "
                                                   "`<field>_sq` and `<field>_en`.")
    other_government_actors: str
    civil_society_actors: str
    private_sector_actors: str
    relevant_values: list[str]
    evidence_meeting: int | None
    source_ideas: list[int]


class ActivityIn(Schema):
    title_sq: str = Field("", max_length=1000)
    title_en: str = Field("", max_length=1000)
    responsible: Id | None = Field(None, description="An institution's id.")
    other_responsible: list[Id] = Field(default_factory=list)
    start: datetime.date | None = None
    end: datetime.date | None = None
    cost: Amount = Field(None, description="Thousand lek, at most two decimals.")
    state_budget: Amount = None
    foreign_financing: Amount = None
    indicator_sq: str = ""
    indicator_en: str = ""
    target_sq: str = ""
    target_en: str = ""


class ActivityPatch(Schema):
    version: int = Field(..., ge=0, description="The version the change was made to.")
    title_sq: str | None = Field(None, max_length=1000)
    title_en: str | None = Field(None, max_length=1000)
    responsible: Id | None = None
    other_responsible: list[Id] | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    cost: Amount = None
    state_budget: Amount = None
    foreign_financing: Amount = None
    indicator_sq: str | None = None
    indicator_en: str | None = None
    target_sq: str | None = None
    target_en: str | None = None
