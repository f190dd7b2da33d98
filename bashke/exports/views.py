"""Downloads of the action plan table (.docx, .xlsx, the OGP commitment template, CSV and
JSON of the commitments), live or as a frozen version (``?version=N``), in Albanian or
English (``?lang=``); and the page that imports a filled .xlsx back."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bashke.core.access import refusal
from bashke.core.permissions import require
from bashke.core.web import Stacked
from bashke.exports import (
    commitment_docx,
    commitments_data,
    plan_docx,
    plan_xlsx,
    source,
    xlsx_import,
)

REPORT_KEY = "exports-import-report"


def _plan(request, slug):
    plan = get_object_or_404(source.plans(), slug=slug)
    require(request.user, "plans.view_plan", plan)
    return plan


def _source(request, slug):
    """The plan's table as asked, or the answer to a bad question (404, 400)."""
    plan = _plan(request, slug)
    try:
        return source.source(plan, version=request.GET.get("version"),
                             language=request.GET.get("lang")), None
    except source.NotFound as error:
        raise Http404(str(error)) from None
    except source.BadLanguage as error:
        return None, HttpResponseBadRequest(str(error), content_type="text/plain")


def _file(content, kind, filename):
    response = HttpResponse(content, content_type=source.MIME[kind])
    disposition = "inline" if kind == "json" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def action_plan_docx(request, slug):
    found, bad = _source(request, slug)
    if bad:
        return bad
    return _file(plan_docx.build(found), "docx", found.filename("action-plan", "docx"))


def action_plan_xlsx(request, slug):
    found, bad = _source(request, slug)
    if bad:
        return bad
    return _file(plan_xlsx.build(found), "xlsx", found.filename("action-plan", "xlsx"))


def commitments_docx(request, slug):
    found, bad = _source(request, slug)
    if bad:
        return bad
    return _file(commitment_docx.build(found, found.table.measures()), "docx",
                 found.filename("commitments", "docx"))


def commitment_template_docx(request, slug, number):
    found, bad = _source(request, slug)
    if bad:
        return bad
    measure = next((m for m in found.table.measures() if m.number == number), None)
    if measure is None:
        raise Http404(_("The plan has no measure %(number)s.") % {"number": number})
    return _file(commitment_docx.build(found, [measure]), "docx",
                 found.filename("commitment", "docx", suffix=f"-{number}"))


def commitments_csv(request, slug):
    found, bad = _source(request, slug)
    if bad:
        return bad
    return _file(commitments_data.to_csv(found), "csv", found.filename("commitments", "csv"))


def commitments_json(request, slug):
    found, bad = _source(request, slug)
    if bad:
        return bad
    return _file(commitments_data.to_json(found), "json",
                 found.filename("commitments", "json"))


class ImportForm(Stacked, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("The filled table (.xlsx)"),
        help_text=gettext_lazy("The action plan table downloaded from this page, filled in "
                               "Excel or LibreOffice. At most 5 MB."))


def import_table(request, slug):
    """The coordinator uploads the filled table: every problem is listed by its cell and
    nothing is imported until the whole file is right."""
    plan = _plan(request, slug)
    refused = refusal(request, "exports.import_table", plan, _(
        "Only the plan's coordinators may import the table, and only until a version of "
        "the plan is approved."))
    if refused:
        return refused
    form = ImportForm(request.POST or None, request.FILES or None)
    report, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = xlsx_import.import_table(plan, form.cleaned_data["file"],
                                                  actor=request.user)
            except ValidationError as error:
                form.add_error("file", error)
        if report is not None and report.ok:
            request.session[REPORT_KEY] = [
                [change.number, change.field, change.before, change.after]
                for change in report.changes]
            count = len(report.changes)
            messages.success(request, ngettext(
                "The table is imported: %(count)s change.",
                "The table is imported: %(count)s changes.", count) % {"count": count}
                if count else _("The file is the same as the table: nothing changed."))
            return redirect("exports:import_table", slug=plan.slug)
        status = 400
    return render(request, "exports/import.html", {
        "plan": plan, "form": form, "report": report,
        "imported": request.session.pop(REPORT_KEY, None) if request.method == "GET" else None,
    }, status=status)
