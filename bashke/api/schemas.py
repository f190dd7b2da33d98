"""What the API returns, as ninja schemas: the OpenAPI document is generated from these."""

import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema

from bashke.accounts.models import Sector
from bashke.plans.models import Institution, Jurisdiction, PlanStatus, Role, StageKind

Language = Literal["sq", "en"]
StageState = Literal["past", "current", "upcoming"]
MAX_LIMIT = 100

# Every integer that reaches the database from outside is one of these: a number past what
# a column (BIGINT, as every id here) or OFFSET holds makes the driver raise, a 500, where
# the caller deserves a 422 that names the parameter and the bound.
DB_INT_MAX = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=DB_INT_MAX)]
Offset = Annotated[int, Field(ge=0, le=DB_INT_MAX, description="How many items to skip.")]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]


# Errors ----------------------------------------------------------------------------------

class Error(Schema):
    detail: str = Field(..., examples=["No action plan has the slug 'albania-1999'."])


class ValidationErrorItem(Schema):
    type: str
    loc: list[str | int] = Field(..., examples=[["query", "lang"]])
    msg: str = Field(..., examples=["Input should be 'sq' or 'en'"])
    ctx: dict[str, Any] | None = None


class ValidationErrorOut(Schema):
    detail: list[ValidationErrorItem]


class Unprocessable(Schema):
    """Every 422: a list of items when the request does not fit the schema (which
    parameter, what was expected), one sentence when it fits but cannot be accepted (an
    unknown component, a form answer missing)."""
    detail: str | list[ValidationErrorItem] = Field(..., examples=[
        "component: Select a valid choice."])


# Query parameters ------------------------------------------------------------------------

class LanguageQuery(Schema):
    lang: Language | None = Field(
        None, description="Language of the `title`-style convenience fields and labels "
                          "(`sq` or `en`). Without it, the Accept-Language header decides, "
                          "else Albanian. Both languages are always returned as `*_sq` and "
                          "`*_en` too.")


class PlanListQuery(LanguageQuery):
    # One "example", not "examples": a parameter's examples must be a map in OpenAPI.
    jurisdiction: str | None = Field(None, description="Only plans of this jurisdiction (slug).",
                                     json_schema_extra={"example": "albania"})
    status: PlanStatus | None = Field(None, description="Only plans with this status.")
    limit: Limit = 50
    offset: Offset = 0


# Building blocks -------------------------------------------------------------------------

class JurisdictionOut(Schema):
    slug: str
    name: str
    name_sq: str
    name_en: str
    kind: Jurisdiction.Kind
    country_code: str


class InstitutionOut(Schema):
    id: int
    name: str
    name_sq: str
    name_en: str
    acronym: str
    kind: Institution.Kind
    kind_label: str


class StageSummary(Schema):
    kind: StageKind
    kind_label: str
    title: str = Field(..., description="The stage's own title, else its kind's label.")
    title_sq: str
    title_en: str
    start: datetime.date
    end: datetime.date


class PlanSummary(Schema):
    slug: str
    number: int
    title: str
    title_sq: str
    title_en: str
    jurisdiction: JurisdictionOut
    start: datetime.date
    end: datetime.date
    status: PlanStatus
    status_label: str
    previous: str | None = Field(..., description="Slug of the plan this one follows.")
    next: str | None = Field(..., description="Slug of the plan that follows this one.")
    current_stage: StageSummary | None = Field(
        ..., description="The stage under way today (the one open to the public if several "
                         "are), derived from the dates.")
    next_stage: StageSummary | None


class PlanPage(Schema):
    count: int = Field(..., description="Plans matching the filters, on all pages.")
    limit: int
    offset: int
    items: list[PlanSummary]


# One plan --------------------------------------------------------------------------------

class ComponentOut(Schema):
    slug: str
    position: int
    title: str
    title_sq: str
    title_en: str
    description: str
    description_sq: str
    description_en: str
    leaders: list[InstitutionOut]
    secretariat: list[InstitutionOut]


class PolicyGoalOut(Schema):
    number: int
    numeral: str = Field(..., examples=["II"])
    title: str
    title_sq: str
    title_en: str
    description: str
    description_sq: str
    description_en: str
    components: list[ComponentOut]


class StageOut(StageSummary):
    description: str
    description_sq: str
    description_en: str
    responsible: InstitutionOut | None
    state: StageState = Field(..., description="As of today: past, current or upcoming.")


class DateRange(Schema):
    start: datetime.date
    end: datetime.date


class WarningOut(Schema):
    code: Literal["gap", "length", "drafting_window", "short_implementation"]
    message: str
    breach: bool = Field(..., description="A breach of an OGP rule, not only a departure "
                                          "from practice.")


class PlanDetail(PlanSummary):
    summary: str
    summary_sq: str
    summary_en: str
    today: datetime.date = Field(..., description="The day the stage states are as of.")
    drafting_window: DateRange = Field(
        ..., description="The last six months of this plan, when its successor should be "
                         "co-created.")
    gap_days: int | None = Field(
        ..., description="Days without a plan between the previous plan's end and this "
                         "start; 0 when continuous, null without a previous plan.")
    goals: list[PolicyGoalOut]
    stages: list[StageOut]
    warnings: list[WarningOut]


# The caller ------------------------------------------------------------------------------

class OrganisationOut(Schema):
    slug: str
    name: str
    acronym: str


class RoleOut(Schema):
    plan: str = Field(..., description="The plan's slug.")
    role: Role
    component: str | None = Field(..., description="The component's slug, for component "
                                                   "leaders and secretariat members.")


class MeOut(Schema):
    id: int
    display_name: str
    sector: Sector
    organisation: OrganisationOut | None
    roles: list[RoleOut]
