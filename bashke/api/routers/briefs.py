"""Consultation: the examples library, a plan's published briefs with their documents, and
the stakeholder input summary (the same numbers as the web page).

Built as plain data inside ``translation.override``, as routers/plans.py does; queries are
fixed per request whatever the number of examples, briefs, documents or ideas.
"""

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of, pair
from bashke.api.schemas import Error, LanguageQuery, Limit, Offset, ValidationErrorOut
from bashke.consultation.models import Brief, BriefKind, Example, ExampleTheme
from bashke.consultation.views.summary import build_summary, plan_components
from bashke.plans.models import ActionPlan

router = Router(tags=["briefs"])


# Schemas ---------------------------------------------------------------------------------

class ExampleQuery(LanguageQuery):
    theme: ExampleTheme | None = Field(None, description="Only examples of this theme.")
    # One "example", not "examples": a parameter's examples must be a map in OpenAPI.
    country: str | None = Field(None, min_length=2, max_length=2,
                                json_schema_extra={"example": "FR"},
                                description="Only examples of this country (ISO 3166-1 "
                                            "alpha-2 code, either case).")
    limit: Limit = 50
    offset: Offset = 0


class ExampleOut(Schema):
    slug: str
    url: str
    country_code: str
    country: str
    country_sq: str
    country_en: str
    place: str
    place_sq: str
    place_en: str
    period: str = Field(..., examples=["2019–2021"])
    start_year: int
    end_year: int
    theme: ExampleTheme
    theme_label: str
    title: str
    title_sq: str
    title_en: str
    summary: str
    summary_sq: str
    summary_en: str
    source_url: str


class ExamplePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ExampleOut]


class BriefDocumentOut(Schema):
    id: int
    title: str
    title_sq: str
    title_en: str
    file_name: str
    kind: str = Field(..., examples=["pdf"])
    content_type: str
    size: int = Field(..., description="In bytes.")
    url: str = Field(..., description="Downloads the file.")


class BriefOut(Schema):
    id: int
    url: str
    kind: BriefKind
    kind_label: str
    component: str | None = Field(..., description="The component's slug; null for a brief "
                                                   "on the whole plan.")
    title: str
    title_sq: str
    title_en: str
    body: str = Field(..., description="Markdown-light text.")
    body_sq: str
    body_en: str
    updated_at: datetime.datetime
    sent_to: list[str] = Field(..., description="For a methodological package: the slugs of "
                                                "the components whose leaders received it.")
    sent_at: datetime.datetime | None
    documents: list[BriefDocumentOut]


class SummaryQuery(LanguageQuery):
    component: str | None = Field(None, description="A component's slug: that component "
                                                    "only.")


class SummaryCount(Schema):
    key: str | None = Field(..., description="The value counted (null: not known).")
    label: str
    count: int


class SummaryPeriod(Schema):
    start: datetime.date
    count: int


class SummaryIdea(Schema):
    id: int
    title: str
    url: str
    component: str | None
    submitted_at: datetime.datetime


class SummarySupportedIdea(SummaryIdea):
    support_count: int
    comment_count: int


class InputSummaryOut(Schema):
    plan: str
    component: str | None
    total: int = Field(..., description="Ideas counted: withdrawn and hidden ones are not.")
    by_component: list[SummaryCount] = Field(..., description="Empty for a component's summary.")
    by_ogp_value: list[SummaryCount]
    by_channel: list[SummaryCount]
    by_sector: list[SummaryCount]
    period: str = Field(..., examples=["week"], description="`week` or `month`.")
    over_time: list[SummaryPeriod]
    most_supported: list[SummarySupportedIdea]
    open_questions_count: int = Field(..., description="Ideas still awaiting a response: no "
                                                       "decision published on them yet.")
    open_questions: list[SummaryIdea] = Field(..., description="The longest-waiting of them.")


# Endpoints -------------------------------------------------------------------------------

def _absolute(request, path):
    return request.build_absolute_uri(path)


@router.get("/examples", response={200: ExamplePage, 422: ValidationErrorOut},
            summary="Examples from other countries", operation_id="list_examples")
def list_examples(request: HttpRequest, response: HttpResponse, query: Query[ExampleQuery]):
    """Commitments from other OGP members' action plans, by theme, newest first."""
    ask(request, "core.view_public")
    examples = Example.objects.published()
    if query.theme:
        examples = examples.filter(theme=query.theme)
    if query.country:
        examples = examples.filter(country_code=query.country.upper())
    count = examples.count()
    page = list(examples.in_order()[query.offset:query.offset + query.limit])
    with translation.override(language_of(request, response, query.lang)):
        items = [{
            "slug": e.slug, "url": _absolute(request, e.get_absolute_url()),
            "country_code": e.country_code, **pair(e, "country"), **pair(e, "place"),
            "period": e.period, "start_year": e.start_year, "end_year": e.end_year,
            "theme": e.theme, "theme_label": e.get_theme_display(), **pair(e, "title"),
            **pair(e, "summary"), "source_url": e.source_url,
        } for e in page]
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}


@router.get("/plans/{slug}/briefs", response={200: list[BriefOut], 404: Error},
            summary="A plan's briefs", operation_id="list_plan_briefs")
def list_briefs(request: HttpRequest, response: HttpResponse, slug: str,
                query: Query[LanguageQuery]):
    """The plan's published briefs (the whole plan's first, then each component's), each
    with its documents and, for the methodological package, to whom it was sent."""
    plan = ActionPlan.objects.filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    briefs = list(Brief.objects.for_plan(plan).published().for_page().in_order())
    with translation.override(language_of(request, response, query.lang)):
        return [{
            "id": b.pk, "url": _absolute(request, b.get_absolute_url()), "kind": b.kind,
            "kind_label": b.get_kind_display(),
            "component": b.component.slug if b.component else None,
            **pair(b, "title"), **pair(b, "body"), "updated_at": b.updated_at,
            "sent_to": [c.slug for c in b.sent_to.all()], "sent_at": b.sent_at,
            "documents": [{
                "id": d.pk, **pair(d, "title"), "file_name": d.download_name, "kind": d.kind,
                "content_type": d.content_type, "size": d.size,
                "url": _absolute(request, d.get_absolute_url()),
            } for d in b.documents.all()],
        } for b in briefs]


def _idea(request, idea):
    return {"id": idea.pk, "title": idea.title,
            "url": _absolute(request, idea.get_absolute_url()),
            "component": idea.component.slug if idea.component else None,
            "submitted_at": idea.submitted_at}


@router.get("/plans/{slug}/input-summary",
            response={200: InputSummaryOut, 404: Error, 422: ValidationErrorOut},
            summary="Summary of the stakeholder input", operation_id="get_input_summary")
def input_summary(request: HttpRequest, response: HttpResponse, slug: str,
                  query: Query[SummaryQuery]):
    """Ideas counted by component, OGP value, channel and the submitter's sector, per week
    (or month), the most supported ideas and the ideas still waiting for an answer."""
    plan = ActionPlan.objects.filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    components = plan_components(plan)
    component = None
    if query.component:
        component = next((c for c in components if c.slug == query.component), None)
        if component is None:
            raise HttpError(404, f"The plan has no component '{query.component}'.")
    with translation.override(language_of(request, response, query.lang)):
        summary = build_summary(plan, component, components)
        return {
            "plan": plan.slug, "component": component.slug if component else None,
            "total": summary.total,
            "by_component": [{"key": c.slug if c else None,
                              "label": c.title if c else _no_component(), "count": n}
                             for c, n in summary.by_component],
            "by_ogp_value": [{"key": k, "label": label, "count": n}
                             for k, label, n in summary.by_value],
            "by_channel": [{"key": k, "label": label, "count": n}
                           for k, label, n in summary.by_channel],
            "by_sector": [{"key": k, "label": label, "count": n}
                          for k, label, n in summary.by_sector],
            "period": summary.period,
            "over_time": [{"start": day, "count": n} for day, n in summary.over_time],
            "most_supported": [{**_idea(request, i), "support_count": i.support_count,
                                "comment_count": i.comment_count}
                               for i in summary.top_supported],
            "open_questions_count": summary.open_count,
            "open_questions": [_idea(request, i) for i in summary.open_questions],
        }


def _no_component():
    return translation.gettext("No component chosen")

