"""Ideas: searched as the web list does, read with every answer of the form, and submitted
by authenticated people with the same validation as the web form."""

import datetime

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from bashke.api.auth import BearerToken
from bashke.api.idempotency import idempotent
from bashke.api.permissions import ask
from bashke.api.routers.plans import institution_data, language_of
from bashke.api.schemas import Error, Id, Language, Limit, Offset, ValidationErrorOut
from bashke.consultation.forms.ideas import IdeaForm
from bashke.consultation.models import Channel, Idea
from bashke.consultation.models.ideas import ANSWER_FIELDS, OGP_VALUES
from bashke.consultation.outcomes import with_outcome
from bashke.consultation.services import ideas as services
from bashke.consultation.views.ideas import filtered_ideas
from bashke.core.web import client_ip
from bashke.plans.models import ActionPlan, Component, PolicyGoal

router = Router(tags=["ideas"])


class IdeaListQuery(Schema):
    q: str | None = Field(None, max_length=200, description="Words to find, in any case and "
                          "with or without diacritics (“shendetesi” finds “shëndetësi”).")
    goal: Id | None = Field(None, description="Policy goal id.")
    component: Id | None = Field(None, description="Component id.")
    value: str | None = Field(None, description="OGP value the idea improves: transparency, "
                              "participation, accountability or technology.")
    channel: Channel | None = None
    status: str | None = None
    sector: str | None = Field(None, description="Sector of the submitter.")
    sort: str | None = Field(None, description="newest (default), supported or discussed.")
    lang: Language | None = None
    limit: Limit = 20
    offset: Offset = 0


class IdeaSummary(Schema):
    id: int
    url: str
    title: str
    language: str
    goal: int | None
    component: int | None
    component_title: str | None
    channel: str
    status: str
    decision: str | None = Field(None, description="What was decided on the idea (included, "
                                 "merged, deferred, not_included); null while it awaits a "
                                 "response. The reasoned response: /ideas/{id}/decision.")
    submitted_at: datetime.datetime
    public_name: str
    hidden: bool
    hidden_reason: str
    support_count: int
    comment_count: int


class IdeaPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[IdeaSummary]


class ValueAnswer(Schema):
    value: str
    label: str
    improves: bool | None
    explanation: str


class IdeaDetail(IdeaSummary):
    plan: str
    goal_title: str | None
    overall_idea: str | None
    problem: str | None
    solution: str | None
    objective_impact: str | None
    beneficiaries: str | None
    ogp_values: list[ValueAnswer]
    agencies: list[dict]
    other_agencies: str | None
    meeting: int | None
    revisions: int
    updated_at: datetime.datetime


class IdeaIn(Schema):
    title: str = Field(..., max_length=200)
    component: Id | None = Field(None, description="Component id (GET /plans/{slug}).")
    goal: Id | None = Field(None, description="Policy goal id; filled from the component "
                             "when left out.")
    language: Language = "sq"
    overall_idea: str
    problem: str = ""
    solution: str = ""
    objective_impact: str = ""
    beneficiaries: str = ""
    improves_transparency: bool | None = None
    transparency_explanation: str = ""
    improves_participation: bool | None = None
    participation_explanation: str = ""
    improves_accountability: bool | None = None
    accountability_explanation: str = ""
    improves_technology: bool | None = None
    technology_explanation: str = ""
    agencies: list[Id] = Field(default_factory=list, description="Institution ids.")
    other_agencies: str = ""
    on_behalf_of_organisation: bool = Field(False, description="Submit for your own "
                                            "organisation (its name is then published).")
    publish_name: bool = False


def _plan(request, slug):
    plan = ActionPlan.objects.prefetch_related("stages").filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    return plan


def summary(idea) -> dict:
    hidden = idea.is_hidden
    return {
        "id": idea.pk, "url": idea.get_absolute_url(),
        "title": "" if hidden else idea.title, "language": idea.language,
        "goal": idea.goal_id, "component": idea.component_id,
        "component_title": idea.component.title if idea.component else None,
        "channel": idea.channel, "status": idea.status,
        "decision": getattr(idea, "decision_kind", None), "submitted_at": idea.submitted_at,
        "public_name": idea.public_name, "hidden": hidden, "hidden_reason": idea.hidden_reason,
        "support_count": idea.support_count, "comment_count": idea.comment_count,
    }


def detail(idea) -> dict:
    hidden = idea.is_hidden
    # A hidden idea keeps its place and the moderators' reason; its answers are withheld.
    answer = (lambda name: None) if hidden else (lambda name: getattr(idea, name))
    return {
        **summary(idea),
        "plan": idea.plan.slug,
        "goal_title": idea.goal.title if idea.goal else None,
        **{name: answer(name) for name in ANSWER_FIELDS},
        "ogp_values": [] if hidden else [
            {"value": prefix, "label": str(label), "improves": improves,
             "explanation": explanation}
            for prefix, label, improves, explanation in idea.ogp_values()],
        "agencies": [] if hidden else [institution_data(a) for a in idea.agencies.all()],
        "other_agencies": answer("other_agencies"),
        "meeting": idea.meeting_id,
        "revisions": len(idea.revisions.all()),
        "updated_at": idea.updated_at,
    }


def _detail_queryset():
    return (with_outcome(Idea.objects.for_list().select_related("plan").with_counts())
            .prefetch_related("agencies", "revisions"))


@router.get("/plans/{slug}/ideas", response={200: IdeaPage, 404: Error, 422: ValidationErrorOut},
            summary="Search the ideas of a plan", operation_id="list_ideas")
def list_ideas(request: HttpRequest, response: HttpResponse, slug: str,
               query: Query[IdeaListQuery]):
    """The same search, filters and sorting as the plan's public list of ideas."""
    plan = _plan(request, slug)
    goals = list(PolicyGoal.objects.filter(plan=plan))
    components = list(Component.objects.filter(goal__plan=plan))
    data = {key: value for key, value in query.dict().items()
            if value is not None and key not in {"limit", "offset", "lang"}}
    form, ideas = filtered_ideas(plan, data, goals, components)
    if data and not form.is_valid():
        raise HttpError(422, "; ".join(f"{field}: {' '.join(errors)}"
                                       for field, errors in form.errors.items()))
    count = ideas.count()
    page = list(ideas[query.offset:query.offset + query.limit])
    with translation.override(language_of(request, response, query.lang)):
        items = [summary(idea) for idea in page]
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}


@router.get("/ideas/{idea_id}", response={200: IdeaDetail, 404: Error},
            summary="One idea with every answer", operation_id="get_idea")
def get_idea(request: HttpRequest, response: HttpResponse, idea_id: Id,
             lang: Language | None = None):
    idea = _detail_queryset().filter(pk=idea_id).first()
    if idea is None:
        raise HttpError(404, f"No idea has the id {idea_id}.")
    ask(request, "plans.view_plan", idea.plan)
    with translation.override(language_of(request, response, lang)):
        return detail(idea)


@router.post("/plans/{slug}/ideas", auth=BearerToken(),
             response={201: IdeaDetail, 404: Error, 409: Error, 422: Error, 429: Error},
             summary="Put forward an idea", operation_id="submit_idea")
@idempotent
def submit_idea(request: HttpRequest, response: HttpResponse, slug: str, payload: IdeaIn):
    """Validated exactly as the web form: refused outside the plan's idea stage (409),
    with field errors (422), or when the account submits too often (429). With an
    `Idempotency-Key` header a retry returns the first answer instead of a second idea."""
    plan = _plan(request, slug)
    data = _form_data(payload)
    form = IdeaForm(data, plan=plan, user=request.user)
    if not form.is_valid():
        raise HttpError(422, "; ".join(f"{field}: {' '.join(errors)}"
                                       for field, errors in form.errors.items()))
    try:
        idea = services.submit_idea(plan, actor=request.user, answers=form.answers(),
                                    agencies=form.cleaned_data["agencies"], channel=Channel.API,
                                    client_address=client_ip(request))
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except services.ConsultationClosed as error:
        raise HttpError(409, " ".join(error.messages)) from None
    except services.TooManySubmissions as error:
        raise HttpError(429, " ".join(error.messages)) from None
    except DjangoValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None
    return Status(201, detail(_detail_queryset().get(pk=idea.pk)))


def _form_data(payload: IdeaIn) -> dict:
    """The JSON body as the web form would post it."""
    data = payload.dict()
    form = {name: data[name] or "" for name in ["title", "language", *ANSWER_FIELDS,
                                                 "other_agencies"]}
    form["goal"] = data["goal"] or ""
    form["component"] = data["component"] or ""
    for prefix, _label in OGP_VALUES:
        improves = data[f"improves_{prefix}"]
        form[f"improves_{prefix}"] = {True: "yes", False: "no"}.get(improves, "")
        form[f"{prefix}_explanation"] = data[f"{prefix}_explanation"]
    form["on_behalf"] = "organisation" if data["on_behalf_of_organisation"] else "person"
    if data["publish_name"]:
        form["publish_name"] = "on"
    query = QueryDict(mutable=True)
    query.update(form)
    query.setlist("agencies", [str(pk) for pk in data["agencies"]])
    return query
