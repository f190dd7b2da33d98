"""The public ranking of a plan's ideas by the assessors' submitted scores: aggregates
only (combined score, spread, whether the assessors disagree, how many assessed), per
component, filtered by score, by one criterion and by disagreement. One aggregate query
for the page whatever the number of ideas or assessors (services/ranking.py)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from bashke.assessment.forms.scoring import RankingFilterForm
from bashke.assessment.models import SheetStatus
from bashke.assessment.services import ranking
from bashke.assessment.services.criteria import ensure_sheet
from bashke.assessment.views.criteria import plan_or_404
from bashke.core.permissions import allowed, require
from bashke.plans.models import Component

PAGE_SIZE = 50


def ranking_page(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "plans.view_plan", plan)
    sheet = ensure_sheet(plan)
    components = list(Component.objects.filter(goal__plan=plan).select_related("goal")
                      .order_by("goal__number", "position", "id"))
    criteria = list(sheet.criteria.all())
    form = RankingFilterForm(request.GET or None, components=components, criteria=criteria)
    filters = form.filters()
    ideas = ranking.ranked_ideas(sheet, filters)
    page = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    start = page.start_index()
    rows = [(start + index, idea, ranking.disagrees(sheet, idea))
            for index, idea in enumerate(page)]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "assessment/ranking/ranking.html", {
        "plan": plan, "sheet": sheet, "form": form, "filters": filters, "rows": rows,
        "page": page, "query": query.urlencode(),
        "preparing": sheet.status == SheetStatus.PREPARING,
        # Asked once for the plan, not per row: coordinators, or everyone once closed.
        "scores_public": allowed(request.user, "assessment.view_scores", plan),
    })
