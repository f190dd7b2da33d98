"""The criteria sheet and the assessment of ideas.

Reading is public: a plan's criteria, and per idea the aggregates of the assessors'
submitted scores (combined score, spread, disagreement, how many). Each assessor's own
scores come with them only where the caller may see them: everyone once the sheet is
closed, the plan's coordinators always, an assessor for the ideas they have submitted
their own assessment of. Writing is for assessors, with a token: their scores of one idea,
as a draft or submitted, checked against the version they loaded.

Queries are fixed per request, whatever the number of ideas or assessors.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from bashke.api.auth import BearerToken
from bashke.api.idempotency import idempotent
from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Id, Language, LanguageQuery, Limit, Offset, ValidationErrorOut
from bashke.assessment.models import Assessment, CriterionScore, Meets, SheetStatus
from bashke.assessment.rules.scoring import ALL, ideas_with_visible_scores
from bashke.assessment.services import ranking
from bashke.assessment.services import scoring as services
from bashke.assessment.services.criteria import Conflict, ensure_sheet
from bashke.consultation.models import Idea
from bashke.plans.models import ActionPlan, Component

router = Router(tags=["assessment"])


class TokenIfSent(BearerToken):
    """Reading is public, but a caller who sends a token is who they say: a coordinator or
    an assessor sees the individual scores they may see. A bad token is still a 401."""

    def __call__(self, request: HttpRequest):
        if not request.headers.get(self.header, "").strip():
            return True
        return super().__call__(request)


# The OpenAPI document names a scheme after its class: this is the same bearer token, and
# the operation says that it is optional ("security": [{}, …]).
TokenIfSent.__name__ = BearerToken.__name__
OPTIONAL_TOKEN = {"security": [{}, {BearerToken.__name__: []}]}



class CriterionOut(Schema):
    code: str = Field(..., description="Stable key, e.g. `measurable`.")
    position: int
    group: str
    group_sq: str
    group_en: str
    title: str
    title_sq: str
    title_en: str
    guidance: str
    guidance_sq: str
    guidance_en: str
    weight: Decimal = Field(..., description="0: explained, not counted.")


class SheetOut(Schema):
    plan: str
    status: SheetStatus
    status_label: str
    scale_min: int
    scale_max: int
    disagreement_margin: Decimal
    opened_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    version: int
    criteria: list[CriterionOut]


class AssessmentQuery(Schema):
    component: str | None = Field(None, max_length=80, description="Component slug.")
    criterion: str | None = Field(None, max_length=40,
                                  description="Rank by this criterion's mean score (code).")
    min_score: Decimal | None = Field(None, ge=0, le=1000, decimal_places=3,
                                      description="Only ideas scoring at least this.")
    disagreement: bool = Field(False, description="Only ideas whose assessors disagree.")
    lang: Language | None = None
    limit: Limit = 50
    offset: Offset = 0


class ScoreOut(Schema):
    criterion: str
    meets: Meets | None
    score: int | None
    evidence: str


class IndividualOut(Schema):
    assessor: int = Field(..., description="1, 2, … in the order they submitted.")
    total: Decimal | None
    submitted_at: datetime.datetime
    scores: list[ScoreOut]


class IdeaAssessmentOut(Schema):
    idea: int
    title: str
    url: str
    component: str | None
    rank: int | None = Field(..., description="Place among the ideas matching the filters; "
                                              "null when nobody has assessed it.")
    combined: Decimal | None
    criterion_mean: Decimal | None = Field(None, description="With `criterion` only.")
    spread: Decimal | None
    disagreement: bool
    assessments: int = Field(..., description="Submitted assessments.")
    individual: list[IndividualOut] | None = Field(
        ..., description="Each submitted assessment, where the caller may see them; else "
                         "null.")


class AssessmentPage(Schema):
    plan: str
    status: SheetStatus
    scale_min: int
    scale_max: int
    disagreement_margin: Decimal
    count: int
    limit: int
    offset: int
    items: list[IdeaAssessmentOut]


class ScoreIn(Schema):
    criterion: str = Field(..., max_length=40, description="The criterion's code.")
    meets: Meets | None = None
    score: int | None = Field(None, ge=0, le=1000)
    evidence: str = Field("", max_length=5000)


class AssessmentIn(Schema):
    version: int = Field(0, ge=0, le=2**31 - 1, description="The version you loaded; 0 for "
                                                            "a new assessment.")
    submit: bool = Field(False, description="Submit (final) rather than save a draft.")
    scores: list[ScoreIn] = Field(..., max_length=100)


class MyAssessmentOut(Schema):
    idea: int
    version: int
    total: Decimal | None
    submitted_at: datetime.datetime | None
    scores: list[ScoreOut]


def _plan(slug):
    plan = ActionPlan.objects.filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    return plan


@router.get("/plans/{slug}/criteria", response={200: SheetOut, 404: Error,
                                                 422: ValidationErrorOut},
            summary="The plan's criteria sheet", operation_id="get_plan_criteria")
def get_criteria(request: HttpRequest, response: HttpResponse, slug: str,
                 query: Query[LanguageQuery]):
    """The criteria assessors score ideas against, with their weights and guidance in both
    languages, the score scale and the margin past which assessors disagree."""
    plan = _plan(slug)
    ask(request, "plans.view_plan", plan)
    sheet = ensure_sheet(plan)
    criteria = list(sheet.criteria.all())
    with translation.override(language_of(request, response, query.lang)):
        return {
            "plan": plan.slug, "status": sheet.status,
            "status_label": sheet.get_status_display(),
            "scale_min": sheet.scale_min, "scale_max": sheet.scale_max,
            "disagreement_margin": sheet.disagreement_margin,
            "opened_at": sheet.opened_at, "closed_at": sheet.closed_at,
            "version": sheet.version,
            "criteria": [{
                "code": c.code, "position": c.position, "group": c.group,
                "group_sq": c.group_sq, "group_en": c.group_en, "title": c.title,
                "title_sq": c.title_sq, "title_en": c.title_en, "guidance": c.guidance,
                "guidance_sq": c.guidance_sq, "guidance_en": c.guidance_en,
                "weight": c.weight} for c in criteria],
        }


def _scores(assessment, codes):
    return [{"criterion": codes[s.criterion_id], "meets": s.meets or None, "score": s.score,
             "evidence": s.evidence} for s in assessment.scores.all()]


def _individual(sheet, ideas, codes):
    """{idea id: [individual]} for ``ideas``, in one query (and one for their scores)."""
    found = {}
    rows = (Assessment.objects.filter(sheet=sheet, idea__in=ideas, submitted_at__isnull=False)
            .order_by("submitted_at", "id")
            .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects.order_by(
                "criterion__position", "criterion_id"))))
    for assessment in rows:
        mine = found.setdefault(assessment.idea_id, [])
        mine.append({"assessor": len(mine) + 1, "total": assessment.total,
                     "submitted_at": assessment.submitted_at,
                     "scores": _scores(assessment, codes)})
    return found


@router.get("/plans/{slug}/assessments", auth=TokenIfSent(), openapi_extra=OPTIONAL_TOKEN,
            response={200: AssessmentPage, 401: Error, 404: Error, 422: ValidationErrorOut},
            summary="Ideas ranked by their assessment", operation_id="list_plan_assessments")
def list_assessments(request: HttpRequest, response: HttpResponse, slug: str,
                     query: Query[AssessmentQuery]):
    """The plan's ideas, best scored first, with the aggregates of the submitted
    assessments; filters as on the ranking page. `individual` holds each assessor's scores
    (numbered, not named) where the caller may see them."""
    plan = _plan(slug)
    ask(request, "plans.view_plan", plan)
    sheet = ensure_sheet(plan)
    criteria = {c.code: c for c in sheet.criteria.all()}
    component = None
    if query.component:
        component = Component.objects.filter(goal__plan=plan, slug=query.component).first()
        if component is None:
            raise HttpError(422, f"component: the plan has no component '{query.component}'.")
    if query.criterion and query.criterion not in criteria:
        raise HttpError(422, f"criterion: the sheet has no criterion '{query.criterion}'.")
    filters = ranking.Filters(component=component, min_score=query.min_score,
                              criterion=criteria.get(query.criterion),
                              disagreement=query.disagreement)
    ideas = ranking.ranked_ideas(sheet, filters)
    count = ideas.count()
    page = list(ideas[query.offset:query.offset + query.limit])
    visible = ideas_with_visible_scores(request.user, plan, sheet.status)
    shown = [idea for idea in page if visible is ALL or idea.pk in visible]
    codes = {c.pk: code for code, c in criteria.items()}
    individual = _individual(sheet, shown, codes) if shown else {}
    with translation.override(language_of(request, response, query.lang)):
        items = [{
            "idea": idea.pk, "title": idea.title,
            "url": request.build_absolute_uri(idea.get_absolute_url()),
            "component": idea.component.slug if idea.component else None,
            "rank": query.offset + index + 1 if idea.assessed else None,
            "combined": ranking.rounded(idea.combined),
            "criterion_mean": ranking.rounded(getattr(idea, "criterion_mean", None)),
            "spread": ranking.rounded(idea.spread), "disagreement": ranking.disagrees(sheet, idea),
            "assessments": idea.assessed,
            "individual": individual.get(idea.pk, []) if idea in shown else None,
        } for index, idea in enumerate(page)]
    return {"plan": plan.slug, "status": sheet.status, "scale_min": sheet.scale_min,
            "scale_max": sheet.scale_max, "disagreement_margin": sheet.disagreement_margin,
            "count": count, "limit": query.limit, "offset": query.offset, "items": items}


@router.post("/ideas/{idea_id}/assessment", auth=BearerToken(),
             response={200: MyAssessmentOut, 201: MyAssessmentOut, 403: Error, 404: Error,
                       409: Error, 422: Error},
             summary="Save my assessment of an idea", operation_id="save_my_assessment")
@idempotent
def save_assessment(request: HttpRequest, idea_id: Id, payload: AssessmentIn):
    """For the idea's assessors while assessment is open: per criterion, whether the idea
    meets it, a score on the sheet's scale and the evidence. `version` is the version you
    loaded (0 for a new assessment): a stale one is a 409 and overwrites nothing. 201 when
    the assessment is new, 200 when updated; `submit: true` makes it final."""
    idea = Idea.objects.visible().select_related("plan").filter(pk=idea_id).first()
    if idea is None:
        raise HttpError(404, f"No idea has the id {idea_id}.")
    ask(request, "assessment.assess_idea", idea,
        "Only the assessors of this idea's component can score it.")
    scores = {}
    for item in payload.scores:
        if item.criterion in scores:
            raise HttpError(422, f"scores: the criterion '{item.criterion}' is given twice.")
        scores[item.criterion] = {"meets": item.meets or "", "score": item.score,
                                  "evidence": item.evidence}
    creating = not Assessment.objects.filter(idea=idea, assessor=request.user).exists()
    try:
        assessment = services.save_assessment(idea, actor=request.user, scores=scores,
                                              version=payload.version, submit=payload.submit)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except Conflict as error:
        raise HttpError(409, " ".join(error.messages)) from None
    except DjangoValidationError as error:
        if getattr(error, "code", None) in ("not_open", "closed", "submitted"):
            raise HttpError(409, " ".join(error.messages)) from None
        raise HttpError(422, " ".join(error.messages)) from None
    codes = dict(assessment.sheet.criteria.values_list("pk", "code"))
    body = {"idea": idea.pk, "version": assessment.version, "total": assessment.total,
            "submitted_at": assessment.submitted_at,
            "scores": _scores(assessment, codes)}
    return Status(201 if creating else 200, body)
