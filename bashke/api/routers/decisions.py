"""The API for decisions on ideas, reasoned responses, the forum, and the co-creation report.

Reading is public: every decision and its reasons are published, and so is the forum's
membership (OGP standard 1) — names, organisations and sectors, never an account or an
e-mail address. Deciding needs a token of the plan's coordinator or of a leader or
secretariat member of the idea's component (``assessment.decide``)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from bashke.api.auth import BearerToken
from bashke.api.idempotency import idempotent
from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Id, Language, LanguageQuery, Limit, Offset
from bashke.assessment.models import Decision, DecisionKind, ForumDecision
from bashke.assessment.services import decisions as services
from bashke.assessment.services import forum as forum_services
from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Meeting, MeetingKind
from bashke.consultation.outcomes import awaiting_response
from bashke.drafting import tree
from bashke.drafting.report import _fed_by_idea
from bashke.exports import views_report
from bashke.plans.models import ActionPlan

router = Router(tags=["decisions"])
DecisionKindValue = DecisionKind


class FedOut(Schema):
    kind: str = Field(..., description="`measure` or `activity`.")
    number: str = Field(..., examples=["1.1.2"])
    title: str


class DecisionOut(Schema):
    idea: int
    idea_title: str
    idea_url: str
    kind: DecisionKindValue
    kind_label: str
    response: str = Field(..., description="The reasoned response in the language asked "
                                           "for, or the other when only that one is written.")
    response_sq: str
    response_en: str
    merged_into: int | None = Field(..., description="The idea this one is merged into.")
    decided_at: datetime.datetime
    version: int = Field(..., description="Send it back as `expected_version` to change the "
                                          "decision without overwriting someone else's.")
    fed: list[FedOut] | None = Field(None, description="The measures and activities the idea "
                                                       "fed (on one idea's decision only).")


class DecisionPage(Schema):
    count: int
    awaiting_response: int = Field(..., description="Ideas still without a decision.")
    by_kind: dict[str, int]
    limit: int
    offset: int
    items: list[DecisionOut]


class DecisionListQuery(Schema):
    kind: DecisionKindValue | None = None
    lang: Language | None = None
    limit: Limit = 50
    offset: Offset = 0


class DecisionIn(Schema):
    kind: DecisionKindValue
    response_sq: str = Field("", max_length=5000)
    response_en: str = Field("", max_length=5000)
    merged_into: Id | None = Field(None, description="Required with `merged`: the idea of "
                                                     "the same plan this one is merged into.")
    expected_version: int | None = Field(None, ge=0, description="The version you read (0 "
                                         "for no decision yet); a different one now is a 409.")



def _plan(request, slug):
    plan = ActionPlan.objects.filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    return plan


def _idea(request, idea_id):
    idea = Idea.objects.select_related("plan").filter(pk=idea_id, hidden_at__isnull=True).first()
    if idea is None:
        raise HttpError(404, f"No idea has the number {idea_id}.")
    ask(request, "plans.view_plan", idea.plan)
    return idea


def decision_data(request, decision, fed=None) -> dict:
    idea = decision.idea
    return {
        "idea": idea.pk, "idea_title": idea.title,
        "idea_url": request.build_absolute_uri(idea.get_absolute_url()),
        "kind": decision.kind, "kind_label": decision.get_kind_display(),
        "response": decision.response, "response_sq": decision.response_sq,
        "response_en": decision.response_en, "merged_into": decision.merged_into_id,
        "decided_at": decision.decided_at, "version": decision.version,
        "fed": None if fed is None else [
            {"kind": item.kind, "number": item.number, "title": item.title} for item in fed],
    }


@router.get("/plans/{slug}/decisions", response={200: DecisionPage, 404: Error},
            summary="The decisions on a plan's ideas", operation_id="list_decisions")
def list_decisions(request: HttpRequest, response: HttpResponse, slug: str,
                   query: Query[DecisionListQuery]):
    """Every decision with its reasoned response, the oldest idea first; and how many ideas
    still await one."""
    plan = _plan(request, slug)
    decisions = Decision.objects.filter(idea__plan=plan, idea__hidden_at__isnull=True)
    by_kind = {kind: 0 for kind in DecisionKind.values}
    for kind in decisions.values_list("kind", flat=True).order_by():
        by_kind[kind] += 1
    if query.kind:
        decisions = decisions.filter(kind=query.kind)
    count = decisions.count()
    page = list(decisions.select_related("idea__plan").order_by("idea__submitted_at", "idea_id")
                [query.offset:query.offset + query.limit])
    awaiting = awaiting_response(Idea.objects.filter(plan=plan)).count()
    with translation.override(language_of(request, response, query.lang)):
        items = [decision_data(request, decision) for decision in page]
    return {"count": count, "awaiting_response": awaiting, "by_kind": by_kind,
            "limit": query.limit, "offset": query.offset, "items": items}


@router.get("/ideas/{idea_id}/decision", response={200: DecisionOut, 404: Error},
            summary="The decision on an idea", operation_id="get_decision")
def get_decision(request: HttpRequest, response: HttpResponse, idea_id: Id,
                 query: Query[LanguageQuery]):
    """404 while the idea awaits a response."""
    idea = _idea(request, idea_id)
    decision = Decision.objects.filter(idea=idea).first()
    if decision is None:
        raise HttpError(404, "No decision has been taken on this idea yet.")
    decision.idea = idea
    fed = _fed_by_idea(tree.build(idea.plan)).get(idea.pk, [])
    with translation.override(language_of(request, response, query.lang)):
        return decision_data(request, decision, fed)


@router.post("/ideas/{idea_id}/decision", auth=BearerToken(),
             response={200: DecisionOut, 201: DecisionOut, 403: Error, 404: Error, 409: Error,
                       422: Error},
             summary="Decide on an idea, with its reasoned response", operation_id="decide")
@idempotent
def decide(request: HttpRequest, response: HttpResponse, idea_id: Id, payload: DecisionIn):
    """Creates the decision (201) or changes it (200). A response is required for every
    decision but `included`; `merged` names the idea merged into. With `expected_version`
    a decision changed meanwhile by someone else is a 409, never overwritten. With an
    `Idempotency-Key` header a retry returns the first answer."""
    idea = _idea(request, idea_id)
    merged_into = None
    if payload.merged_into is not None:
        merged_into = Idea.objects.filter(pk=payload.merged_into).first()
        if merged_into is None:
            raise HttpError(422, f"merged_into: no idea has the number {payload.merged_into}.")
    existed = Decision.objects.filter(idea=idea).exists()
    try:
        decision = services.decide(idea, actor=request.user, kind=payload.kind,
                                   response_sq=payload.response_sq,
                                   response_en=payload.response_en, merged_into=merged_into,
                                   expected_version=payload.expected_version)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except services.Conflict as error:
        raise HttpError(409, " ".join(error.messages)) from None
    except DjangoValidationError as error:
        raise HttpError(422, "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            if hasattr(error, "error_dict") else " ".join(error.messages)) from None
    decision.idea = idea
    return Status(200 if existed else 201, decision_data(request, decision))


# The forum ------------------------------------------------------------------------------------

class ForumMemberOut(Schema):
    name: str
    organisation: str
    sector: str
    joined_on: datetime.date


class ForumBalance(Schema):
    total: int
    government: int
    non_government: int
    government_share: int | None = Field(..., description="Per cent of the members.")
    non_government_share: int | None
    by_sector: dict[str, int]


class ForumMeetingOut(Schema):
    id: int
    title: str
    starts_at: datetime.datetime
    url: str


class ForumDecisionOut(Schema):
    kind: str
    decided_on: datetime.date
    title: str
    text: str
    meeting: int | None


class ForumOut(Schema):
    has_forum: bool = Field(..., description="False: the plan has no multi-stakeholder forum, "
                                             "which OGP requires.")
    balance: ForumBalance
    members: list[ForumMemberOut] = Field(..., description="Current members: public, as OGP "
                                                           "asks; no account or e-mail.")
    meetings: list[ForumMeetingOut]
    decisions: list[ForumDecisionOut]


@router.get("/plans/{slug}/forum", response={200: ForumOut, 404: Error},
            summary="A plan's multi-stakeholder forum", operation_id="get_forum")
def get_forum(request: HttpRequest, response: HttpResponse, slug: str,
              query: Query[LanguageQuery]):
    plan = _plan(request, slug)
    members = list(forum_services.members_on(plan))
    meetings = Meeting.objects.for_plan(plan).public().filter(kind=MeetingKind.FORUM).order_by(
        "starts_at", "id")
    decisions = ForumDecision.objects.filter(plan=plan)
    with translation.override(language_of(request, response, query.lang)):
        return {
            "has_forum": forum_services.has_forum(plan),
            "balance": forum_services.balance_of(members),
            "members": [{"name": m.name, "sector": m.sector, "joined_on": m.joined_on,
                         "organisation": m.organisation_name or (
                             m.organisation.name if m.organisation else "")}
                        for m in members],
            "meetings": [{"id": m.pk, "title": m.title, "starts_at": m.starts_at,
                          "url": request.build_absolute_uri(m.get_absolute_url())}
                         for m in meetings],
            "decisions": [{"kind": d.kind, "decided_on": d.decided_on, "title": d.title,
                           "text": d.text, "meeting": d.meeting_id} for d in decisions],
        }


# The co-creation report ------------------------------------------------------------------------

@router.get("/plans/{slug}/export/co-creation-report.docx",
            response={200: None, 404: Error},
            summary="The co-creation report as a Word document",
            operation_id="cocreation_report_docx",
            openapi_extra={"responses": {200: {
                "description": "The .docx file",
                "content": {views_report.DOCX: {"schema": {"type": "string",
                                                           "format": "binary"}}}}}})
def cocreation_report_docx(request: HttpRequest, slug: str, lang: Language = "sq"):
    """The same document as the report page's download: every contribution grouped by
    component, with its decision, reasons and the measures and activities it fed."""
    plan = _plan(request, slug)
    return views_report.docx_response(plan, lang)
