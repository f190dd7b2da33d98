"""The criteria sheet's pages: the sheet itself (public), and for the coordinators its
scale, its criteria (add, edit, remove, reorder), opening and closing assessment, and the
assessors. Every write goes through :mod:`bashke.assessment.services.criteria` or
``scoring``; a form with an error keeps what was typed and saves nothing; a save over
someone else's shows what the sheet now says beside what was typed."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.assessment.forms.criteria import AssessorForm, CriterionForm, SheetForm
from bashke.assessment.models import Criterion, SheetStatus
from bashke.assessment.services import criteria as services
from bashke.assessment.services import scoring as scoring_services
from bashke.core.access import refusal
from bashke.core.permissions import allowed, require
from bashke.core.web import add_service_errors
from bashke.plans.models import ActionPlan, PlanRole, Role

TEMPLATES = "assessment/criteria"


def plan_or_404(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def sheet_url(plan):
    return reverse("assessment:criteria", kwargs={"slug": plan.slug})


def run_form(request, form, save, *, success, then):
    """``core.web.saved`` with one more outcome: a ``Conflict`` puts its message on the
    form and returns what is saved now, for the page to show beside what was typed; the
    form then carries the current version, so saving again is a choice made knowingly.
    Returns (redirect or None, the current object or None)."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    try:
        result = save()
    except services.Conflict as conflict:
        form.add_error(None, conflict.messages[0])
        form.data = form.data.copy()
        if conflict.current is not None:
            form.data["version"] = conflict.current.version
        return None, conflict.current
    except ValidationError as error:
        add_service_errors(form, error)
        return None, None
    messages.success(request, success)
    return redirect(then(result) if callable(then) else then), None


def managed(view):
    """The plan and its sheet, for its coordinators; anyone else is refused (log-in page
    or 403). Pages that change the criteria send the coordinator back to the sheet, with
    the reason, once assessment has opened."""

    @wraps(view)
    def wrapper(request, slug, **kwargs):
        plan = plan_or_404(slug)
        refused = refusal(request, "assessment.manage_criteria", plan,
                          _("Only the plan's coordinators can change its criteria sheet."))
        if refused:
            return refused
        sheet = services.ensure_sheet(plan, actor=request.user)
        return view(request, plan, sheet, **kwargs)

    return wrapper


def preparing_only(view):
    @wraps(view)
    def wrapper(request, plan, sheet, **kwargs):
        if sheet.status != SheetStatus.PREPARING:
            messages.error(request, _("Assessment has opened: the criteria, weights and "
                                      "scale can no longer change, because assessors have "
                                      "scored against them."))
            return redirect(sheet_url(plan))
        return view(request, plan, sheet, **kwargs)

    return wrapper


def criteria_page(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "plans.view_plan", plan)
    sheet = services.ensure_sheet(plan)
    criteria = list(sheet.criteria.all())
    can_manage = allowed(request.user, "assessment.manage_criteria", sheet)
    groups = []
    for criterion in criteria:
        if groups and groups[-1][0] == criterion.group:
            groups[-1][1].append(criterion)
        else:
            groups.append((criterion.group, [criterion]))
    return render(request, f"{TEMPLATES}/sheet.html", {
        "plan": plan, "sheet": sheet, "criteria": criteria, "groups": groups,
        "can_manage": can_manage, "preparing": sheet.status == SheetStatus.PREPARING,
        "is_open": sheet.status == SheetStatus.OPEN,
        "assesses": allowed(request.user, "assessment.assess_idea", plan),
    })


@managed
@preparing_only
def sheet_settings(request, plan, sheet):
    form = SheetForm(request.POST or None, instance=type(sheet).objects.get(pk=sheet.pk))
    done, current = run_form(request, form, lambda: services.update_sheet(
        sheet, actor=request.user, version=form.cleaned_data["version"],
        scale_min=form.cleaned_data["scale_min"], scale_max=form.cleaned_data["scale_max"],
        disagreement_margin=form.cleaned_data["disagreement_margin"]),
        success=_("The scale is saved."), then=sheet_url(plan))
    return done or render(request, f"{TEMPLATES}/settings.html", {
        "plan": plan, "sheet": sheet, "form": form, "current": current},
        status=409 if current else 200)


@managed
@preparing_only
def criterion_add(request, plan, sheet):
    form = CriterionForm(request.POST or None, sheet=sheet, instance=Criterion(sheet=sheet))
    done, current = run_form(request, form, lambda: services.add_criterion(
        sheet, actor=request.user, version=form.cleaned_data["version"], **form.changes()),
        success=_("The criterion is added."), then=sheet_url(plan))
    return done or render(request, f"{TEMPLATES}/criterion.html", {
        "plan": plan, "sheet": sheet, "form": form, "criterion": None,
        "current": current and list(current.criteria.all())}, status=409 if current else 200)


@managed
@preparing_only
def criterion_edit(request, plan, sheet, pk):
    criterion = get_object_or_404(Criterion, sheet=sheet, pk=pk)
    form = CriterionForm(request.POST or None, sheet=sheet,
                         instance=Criterion.objects.get(pk=criterion.pk))
    done, current = run_form(request, form, lambda: services.update_criterion(
        criterion, actor=request.user, version=form.cleaned_data["version"],
        **form.changes()), success=_("The criterion is saved."), then=sheet_url(plan))
    theirs = None
    if current is not None:
        theirs = Criterion.objects.filter(pk=criterion.pk).first()
    return done or render(request, f"{TEMPLATES}/criterion.html", {
        "plan": plan, "sheet": sheet, "form": form, "criterion": criterion,
        "current": [theirs] if theirs else None},
        status=409 if current else 200)


def _action(request, plan, call, success):
    """A button's POST: the service, then back to the sheet with what happened."""
    try:
        call(_version(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(sheet_url(plan))


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@require_POST
@managed
@preparing_only
def criterion_remove(request, plan, sheet, pk):
    criterion = get_object_or_404(Criterion, sheet=sheet, pk=pk)
    return _action(request, plan, lambda version: services.remove_criterion(
        criterion, actor=request.user, version=version),
        _("The criterion “%(title)s” is removed.") % {"title": criterion.title})


@require_POST
@managed
@preparing_only
def criterion_move(request, plan, sheet, pk):
    criterion = get_object_or_404(Criterion, sheet=sheet, pk=pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    return _action(request, plan, lambda version: services.move_criterion(
        criterion, actor=request.user, offset=offset, version=version),
        _("The criterion “%(title)s” is moved.") % {"title": criterion.title})


@require_POST
@managed
def sheet_status(request, plan, sheet):
    if request.POST.get("action") == "close":
        return _action(request, plan, lambda version: services.close_assessment(
            sheet, actor=request.user, version=version),
            _("Assessment is closed. Every submitted score is now public."))
    return _action(request, plan, lambda version: services.open_assessment(
        sheet, actor=request.user, version=version),
        _("Assessment is open: the assessors can score the ideas."))


# Assessors ------------------------------------------------------------------------------

def assessors(request, slug):
    plan = plan_or_404(slug)
    refused = refusal(request, "assessment.assign_assessors", plan,
                      _("Only the plan's coordinators choose its assessors."))
    if refused:
        return refused
    candidates = scoring_services.assessor_candidates(plan)
    form = AssessorForm(request.POST or None, plan=plan, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            scoring_services.assign_assessor(plan, person, actor=request.user,
                                             component=form.cleaned_data["component"])
        except ValidationError as error:
            add_service_errors(form, error, rename={"user": "person"})
        else:
            messages.success(request, _("%(name)s assesses %(what)s.") % {
                "name": person.display_name,
                "what": form.cleaned_data["component"].title if form.cleaned_data["component"]
                else _("every component")})
            return redirect("assessment:assessors", slug=plan.slug)
    roles = (PlanRole.objects.filter(plan=plan, role=Role.ASSESSOR)
             .select_related("user", "component").order_by("user__display_name", "id"))
    return render(request, f"{TEMPLATES}/assessors.html", {
        "plan": plan, "form": form, "roles": roles})


@require_POST
def assessor_remove(request, slug, pk):
    plan = plan_or_404(slug)
    refused = refusal(request, "assessment.assign_assessors", plan,
                      _("Only the plan's coordinators choose its assessors."))
    if refused:
        return refused
    role = get_object_or_404(PlanRole, plan=plan, role=Role.ASSESSOR, pk=pk)
    try:
        scoring_services.remove_assessor(role, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is no longer an assessor of %(what)s.") % {
            "name": role.user.display_name,
            "what": role.component.title if role.component else _("every component")})
    return redirect("assessment:assessors", slug=plan.slug)
