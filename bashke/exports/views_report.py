"""Downloads of the co-creation report (.docx, .csv): public, like its page."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from bashke.core.permissions import require
from bashke.core.web import site_root
from bashke.exports.cocreation_report import report_csv, report_docx
from bashke.plans.models import ActionPlan

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _plan(request, slug):
    plan = get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)
    require(request.user, "plans.view_plan", plan)
    return plan


def language_of(request) -> str:
    asked = request.GET.get("lang", "")
    return asked if asked in ("sq", "en") else (request.LANGUAGE_CODE or "sq")[:2]


def filename(plan, language, extension) -> str:
    return f"{plan.slug}-co-creation-report-{language}.{extension}"


def docx_response(plan, language) -> HttpResponse:
    response = HttpResponse(report_docx(plan, language), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename(plan, language, "docx")}"'
    return response


def report_docx_view(request, slug):
    plan = _plan(request, slug)
    return docx_response(plan, language_of(request))


def report_csv_view(request, slug):
    plan = _plan(request, slug)
    language = language_of(request)
    response = HttpResponse(report_csv(plan, language, site_root(request)),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(plan, language, "csv")}"'
    return response
