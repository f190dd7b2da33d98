"""The assessor's pages: the ideas to assess, scoring one idea (draft, then submit), the
offline sheet (download, upload); and one idea's individual scores, for those who may see
them. Writes go through :mod:`bashke.assessment.services.scoring` and ``offline_sheet``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bashke.assessment.forms.scoring import ScoringForm, UploadForm
from bashke.assessment.models import Assessment, CriterionScore, SheetStatus
from bashke.assessment.rules.scoring import components_assessed_by
from bashke.assessment.services import offline_sheet, ranking
from bashke.assessment.services import scoring as services
from bashke.assessment.services.criteria import Conflict, ensure_sheet
from bashke.assessment.views.criteria import plan_or_404
from bashke.consultation.models import Idea
from bashke.core.access import refusal
from bashke.core.permissions import allowed
from bashke.core.web import add_service_errors
from bashke.plans.rules import ALL, components_run_by

TEMPLATES = "assessment/scoring"
PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def mine_url(plan):
    return reverse("assessment:my_assessments", kwargs={"slug": plan.slug})


def _assessor_refusal(request, target):
    return refusal(request, "assessment.assess_idea", target,
                   _("Only the plan's assessors have ideas to assess here."))


def my_assessments(request, slug):
    plan = plan_or_404(slug)
    refused = _assessor_refusal(request, plan)
    if refused:
        return refused
    sheet = ensure_sheet(plan)
    ideas = (services.assessable_ideas(plan, components_assessed_by(request.user, plan))
             .order_by("component__goal__number", "component__position", "submitted_at", "id"))
    page = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    saved = services.my_assessments(plan, request.user)
    rows = [(idea, saved.get(idea.pk)) for idea in page]
    submitted = sum(1 for a in saved.values() if a.submitted_at is not None)
    return render(request, f"{TEMPLATES}/mine.html", {
        "plan": plan, "sheet": sheet, "rows": rows, "page": page,
        "is_open": sheet.status == SheetStatus.OPEN, "submitted": submitted,
        "drafts": len(saved) - submitted,
    })


def _idea_or_404(slug, pk):
    return get_object_or_404(
        Idea.objects.visible().select_related("plan", "component", "component__goal"),
        plan__slug=slug, pk=pk)


def _others(sheet, idea, user, criteria, *, names):
    """The submitted assessments of ``idea`` but ``user``'s, as a table: {"columns":
    [(label, assessment)], "grid": [(criterion, [score per column])]}; None when there are
    none. Assessors are named for the coordinators, numbered for everyone else."""
    assessments = Assessment.objects.filter(sheet=sheet, idea=idea, submitted_at__isnull=False)
    if user is not None:
        assessments = assessments.exclude(assessor=user)
    assessments = list(assessments.select_related("assessor").order_by("submitted_at", "id")
                       .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects
                                                  .order_by("criterion__position"))))
    if not assessments:
        return None
    by_assessment = {a.pk: {s.criterion_id: s for s in a.scores.all()} for a in assessments}
    columns = [(a.assessor.display_name if names
                else _("Assessor %(number)s") % {"number": number}, a)
               for number, a in enumerate(assessments, 1)]
    grid = [(criterion, [by_assessment[a.pk].get(criterion.pk) for a in assessments])
            for criterion in criteria]
    return {"columns": columns, "grid": grid}


def assess(request, slug, pk):
    idea = _idea_or_404(slug, pk)
    plan = idea.plan
    refused = _assessor_refusal(request, idea)
    if refused:
        return refused
    sheet = ensure_sheet(plan)
    criteria = list(sheet.criteria.all())
    assessment = (Assessment.objects.filter(idea=idea, assessor=request.user)
                  .prefetch_related("scores__criterion").first())
    form = ScoringForm(request.POST or None, sheet=sheet, criteria=criteria,
                       assessment=assessment)
    theirs, status = None, 200
    can_save = sheet.status == SheetStatus.OPEN and not (assessment and assessment.submitted_at)
    if request.method == "POST" and can_save and form.is_valid():
        submit = request.POST.get("action") == "submit"
        try:
            services.save_assessment(idea, actor=request.user, scores=form.scores(),
                                     version=form.cleaned_data["version"], submit=submit)
        except Conflict as conflict:
            form.add_error(None, conflict.messages[0])
            theirs, status = conflict.current, 409
            form.data = form.data.copy()
            form.data["version"] = theirs.version if theirs else 0
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _(
                "Your assessment is submitted. You can now see the other assessors' scores.")
                if submit else _("Your assessment is saved as a draft."))
            return redirect(request.path)
    elif request.method == "POST" and not can_save:
        messages.error(request, _("Assessment is not open, or you have already submitted "
                                  "this assessment: nothing was saved."))
        return redirect(request.path)
    visible = allowed(request.user, "assessment.view_scores", idea)
    return render(request, f"{TEMPLATES}/assess.html", {
        "plan": plan, "sheet": sheet, "idea": idea, "form": form, "criteria": criteria,
        "assessment": assessment, "can_save": can_save,
        "theirs": _their_rows(theirs, criteria) if theirs else None,
        "others": _others(sheet, idea, request.user if request.user.is_authenticated
                          else None, criteria,
                          names=components_run_by(request.user, plan) is ALL)
        if visible else None,
        "summary": ranking.idea_summary(sheet, idea) if visible else None,
    }, status=status)


def _their_rows(assessment, criteria):
    by_criterion = {s.criterion_id: s for s in assessment.scores.all()}
    return [(criterion, by_criterion.get(criterion.pk)) for criterion in criteria]


def idea_scores(request, slug, pk):
    """One idea's individual scores: its coordinators, its assessors once they submitted
    their own, and everyone once the sheet is closed."""
    idea = _idea_or_404(slug, pk)
    refused = refusal(request, "assessment.view_scores", idea,
                      _("The individual scores are shown to an assessor once they have "
                        "submitted their own, and to everyone once assessment closes."))
    if refused:
        return refused
    sheet = ensure_sheet(idea.plan)
    criteria = list(sheet.criteria.all())
    names = components_run_by(request.user, idea.plan) is ALL
    everyone = _others(sheet, idea, None, criteria, names=names)
    return render(request, f"{TEMPLATES}/idea_scores.html", {
        "plan": idea.plan, "sheet": sheet, "idea": idea, "criteria": criteria,
        "assessments": everyone, "summary": ranking.idea_summary(sheet, idea),
    })


def sheet_download(request, slug):
    plan = plan_or_404(slug)
    refused = _assessor_refusal(request, plan)
    if refused:
        return refused
    sheet = ensure_sheet(plan)
    if sheet.status != SheetStatus.OPEN:
        messages.error(request, _("Assessment is not open: there is no sheet to fill."))
        return redirect(mine_url(plan))
    response = HttpResponse(offline_sheet.build_workbook(sheet, request.user),
                            content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="assessment-{plan.slug}.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def sheet_upload(request, slug):
    plan = plan_or_404(slug)
    refused = _assessor_refusal(request, plan)
    if refused:
        return refused
    sheet = ensure_sheet(plan)
    if sheet.status != SheetStatus.OPEN:
        messages.error(request, _("Assessment is not open: no sheet can be uploaded."))
        return redirect(mine_url(plan))
    form = UploadForm(request.POST or None, request.FILES or None)
    problems, status = [], 200
    if request.method == "POST" and form.is_valid():
        try:
            count = offline_sheet.import_upload(sheet, actor=request.user,
                                                uploaded=form.cleaned_data["file"])
        except ValidationError as error:
            problems, status = error.messages, 400
        else:
            messages.success(request, ngettext(
                "The sheet is imported: %(count)s assessment saved as a draft.",
                "The sheet is imported: %(count)s assessments saved as drafts.", count)
                % {"count": count})
            return redirect(mine_url(plan))
    elif request.method == "POST":
        status = 400
    return render(request, f"{TEMPLATES}/upload.html", {
        "plan": plan, "sheet": sheet, "form": form, "problems": problems}, status=status)
