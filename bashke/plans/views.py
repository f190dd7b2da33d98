from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from bashke.core import history
from bashke.core.access import asks
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.plans import continuity
from bashke.plans import history as plan_history_labels
from bashke.plans.cycle import Timeline, pick_current_plan, today
from bashke.plans.models import ActionPlan, Component, Jurisdiction, PolicyGoal, Stage

HISTORY_PAGE_SIZE = 50


@asks("core.view_public")
def home(request):
    day = today()
    jurisdictions = Jurisdiction.objects.prefetch_related(
        Prefetch("plans", queryset=ActionPlan.objects.order_by("-start").prefetch_related(
            Prefetch("stages", queryset=Stage.objects.in_order()))),
    )
    sections = []
    for jurisdiction in jurisdictions:
        plans = list(jurisdiction.plans.all())
        current = pick_current_plan(plans, day)
        sections.append({
            "jurisdiction": jurisdiction,
            "plans": plans,
            "current": current,
            # OGP expects every member to be implementing a plan at all times.
            "without_plan_since": None if any(p.start <= day <= p.end for p in plans)
            else max((p.end for p in plans if p.end < day), default=None),
            "timeline": Timeline.of(current, current.stages.all(), day) if current else None,
        })
    # A jurisdiction with a stage under way comes first: that is where a visitor can act.
    sections.sort(key=lambda section: not (section["timeline"]
                                           and section["timeline"].headline_stage))
    return render(request, "plans/home.html", {"sections": sections, "today": day})


def plan_detail(request, slug):
    plan = get_object_or_404(
        ActionPlan.objects.select_related("jurisdiction", "previous").prefetch_related(
            Prefetch("goals", queryset=PolicyGoal.objects.order_by("number").prefetch_related(
                Prefetch("components", queryset=Component.objects.order_by("position", "id")
                         .prefetch_related("leaders", "secretariat")))),
            Prefetch("stages", queryset=Stage.objects.in_order().select_related("responsible")),
        ),
        slug=slug,
    )
    require(request.user, "plans.view_plan", plan)
    stages = list(plan.stages.all())
    following = ActionPlan.objects.filter(previous=plan).only("slug", "title_sq", "title_en",
                                                              "start", "end").first()
    return render(request, "plans/plan_detail.html", {
        "plan": plan,
        "timeline": Timeline.of(plan, stages),
        "warnings": continuity.timeline_warnings(plan, stages),
        "following": following,
    })


def plan_history(request, slug):
    plan = get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)
    require(request.user, "plans.view_history", plan)
    entries = AuditEntry.objects.for_scope(plan.audit_scope).newest_first()
    page_obj = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    lines = history.describe(page_obj.object_list,
                             plan_history_labels.actor_labels(plan, page_obj.object_list))
    return render(request, "plans/plan_history.html",
                  {"plan": plan, "page_obj": page_obj, "lines": lines})
