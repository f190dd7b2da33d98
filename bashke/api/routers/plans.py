"""Action plans, read-only and public.

Each response is built as plain data inside ``translation.override``, so the convenience
fields (``title``, labels, warnings) come in the requested language while the ``*_sq`` and
``*_en`` pairs are always both there. Queries are fixed per request, whatever the number of
plans on the page or goals, components and stages in a plan.
"""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Query, Router
from ninja.errors import HttpError, ValidationError

from bashke.api.permissions import ask
from bashke.api.schemas import (
    Error,
    LanguageQuery,
    PlanDetail,
    PlanListQuery,
    PlanPage,
    ValidationErrorOut,
)
from bashke.core.text import CONTENT_LANGUAGES
from bashke.plans import continuity, cycle
from bashke.plans.models import ActionPlan, Component, Jurisdiction, PolicyGoal, Stage

router = Router(tags=["plans"])


def language_of(request: HttpRequest, response: HttpResponse, asked: str | None) -> str:
    """The language asked for, else the one LocaleMiddleware negotiated from the
    Accept-Language header (or the site's cookie), else Albanian; said in the response."""
    negotiated = (getattr(request, "LANGUAGE_CODE", "") or "")[:2]
    language = asked or (negotiated if negotiated in CONTENT_LANGUAGES else "sq")
    # LocaleMiddleware would otherwise name the negotiated language, not the one served.
    response["Content-Language"] = language
    return language


def plans_in_order():
    # Ends on the primary key so that limit/offset pages neither repeat nor skip a plan.
    return ActionPlan.objects.select_related("jurisdiction", "previous", "next").order_by(
        "jurisdiction__kind", "jurisdiction__name_en", "jurisdiction__slug", "-start", "pk")


# Plain data from loaded objects (no queries below this line) ----------------------------

def pair(instance, field: str) -> dict:
    return {field: getattr(instance, field), f"{field}_sq": getattr(instance, f"{field}_sq"),
            f"{field}_en": getattr(instance, f"{field}_en")}


def jurisdiction_data(jurisdiction: Jurisdiction) -> dict:
    return {"slug": jurisdiction.slug, **pair(jurisdiction, "name"), "kind": jurisdiction.kind,
            "country_code": jurisdiction.country_code}


def institution_data(institution) -> dict | None:
    if institution is None:
        return None
    return {"id": institution.pk, **pair(institution, "name"), "acronym": institution.acronym,
            "kind": institution.kind, "kind_label": institution.get_kind_display()}


def stage_summary(stage: Stage | None) -> dict | None:
    if stage is None:
        return None
    return {"kind": stage.kind, "kind_label": stage.get_kind_display(), "title": stage.heading,
            "title_sq": stage.title_sq, "title_en": stage.title_en, "start": stage.start,
            "end": stage.end}


def following_slug(plan: ActionPlan) -> str | None:
    # A reverse one-to-one loaded by select_related: missing means there is none.
    following = getattr(plan, "next", None)
    return following.slug if following else None


def plan_summary(plan: ActionPlan, timeline: cycle.Timeline) -> dict:
    return {
        "slug": plan.slug,
        "number": plan.number,
        **pair(plan, "title"),
        "jurisdiction": jurisdiction_data(plan.jurisdiction),
        "start": plan.start,
        "end": plan.end,
        "status": plan.status,
        "status_label": plan.get_status_display(),
        "previous": plan.previous.slug if plan.previous else None,
        "next": following_slug(plan),
        "current_stage": stage_summary(timeline.headline_stage),
        "next_stage": stage_summary(timeline.next),
    }


def component_data(component: Component) -> dict:
    return {
        "slug": component.slug,
        "position": component.position,
        **pair(component, "title"),
        **pair(component, "description"),
        "leaders": [institution_data(i) for i in component.leaders.all()],
        "secretariat": [institution_data(i) for i in component.secretariat.all()],
    }


def plan_detail(plan: ActionPlan, timeline: cycle.Timeline) -> dict:
    window_start, window_end = plan.drafting_window
    return {
        **plan_summary(plan, timeline),
        **pair(plan, "summary"),
        "today": timeline.day,
        "drafting_window": {"start": window_start, "end": window_end},
        "gap_days": plan.gap_days,
        "goals": [{
            "number": goal.number,
            "numeral": goal.numeral,
            **pair(goal, "title"),
            **pair(goal, "description"),
            "components": [component_data(c) for c in goal.components.all()],
        } for goal in plan.goals.all()],
        "stages": [{
            **stage_summary(stage),
            **pair(stage, "description"),
            "responsible": institution_data(stage.responsible),
            "state": state,
        } for stage, state, _is_next in timeline.rows()],
        "warnings": [{"code": w.code, "message": str(w.message), "breach": w.breach}
                     for w in continuity.timeline_warnings(plan, timeline.stages)],
    }


# Endpoints -------------------------------------------------------------------------------

@router.get("/plans", response={200: PlanPage, 422: ValidationErrorOut},
            summary="List action plans", operation_id="list_plans")
def list_plans(request: HttpRequest, response: HttpResponse, query: Query[PlanListQuery]):
    """Action plans, grouped by jurisdiction and newest first, one page at a time
    (`limit`, `offset`). Filter with `jurisdiction` (a slug) and `status`."""
    ask(request, "core.view_public")
    plans = plans_in_order()
    if query.jurisdiction:
        plans = plans.filter(jurisdiction__slug=query.jurisdiction)
    if query.status:
        plans = plans.filter(status=query.status)
    count = plans.count()
    if query.jurisdiction and count == 0 and not Jurisdiction.objects.filter(
            slug=query.jurisdiction).exists():
        raise ValidationError([{
            "type": "unknown_jurisdiction", "loc": ["query", "jurisdiction"],
            "msg": f"No jurisdiction has the slug '{query.jurisdiction}'.",
        }])
    page = list(plans.prefetch_related(Prefetch("stages", queryset=Stage.objects.in_order()))
                [query.offset:query.offset + query.limit])
    day = cycle.today()
    with translation.override(language_of(request, response, query.lang)):
        items = [plan_summary(plan, cycle.Timeline.of(plan, plan.stages.all(), day))
                 for plan in page]
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}


@router.get("/plans/{slug}", response={200: PlanDetail, 404: Error, 422: ValidationErrorOut},
            summary="One action plan", operation_id="get_plan")
def get_plan(request: HttpRequest, response: HttpResponse, slug: str,
             query: Query[LanguageQuery]):
    """A plan with its policy goals and their components (with leading and secretariat
    institutions), its stages (each past, current or upcoming as of today), the drafting
    window for its successor, and warnings where its timeline departs from OGP practice."""
    plan = plans_in_order().prefetch_related(
        Prefetch("goals", queryset=PolicyGoal.objects.order_by("number").prefetch_related(
            Prefetch("components", queryset=Component.objects.order_by("position", "id")
                     .prefetch_related("leaders", "secretariat")))),
        Prefetch("stages", queryset=Stage.objects.in_order().select_related("responsible")),
    ).filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    with translation.override(language_of(request, response, query.lang)):
        return plan_detail(plan, cycle.Timeline.of(plan, plan.stages.all(), cycle.today()))
