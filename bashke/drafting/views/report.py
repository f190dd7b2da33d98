"""The co-creation report's page: "we asked, you said, we did". Public, like everything
about a plan; ``?lang=sq|en`` writes the report in that language whatever the site's."""

from django.shortcuts import get_object_or_404, render
from django.utils import translation

from bashke.core.permissions import require
from bashke.drafting.report import build_report
from bashke.plans.models import ActionPlan

LANGUAGES = ("sq", "en")


def report_language(request) -> str:
    asked = request.GET.get("lang", "")
    return asked if asked in LANGUAGES else translation.get_language()[:2]


def cocreation_report(request, slug):
    plan = get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)
    require(request.user, "plans.view_plan", plan)
    language = report_language(request)
    with translation.override(language):
        report = build_report(plan)
        return render(request, "drafting/report/cocreation_report.html", {
            "plan": plan, "report": report, "report_language": language,
            "other_language": "en" if language == "sq" else "sq",
        })
