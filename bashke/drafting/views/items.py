"""Drafting pages: add, edit, delete and move objectives, measures and activities. Every
write goes through :mod:`bashke.drafting.services`; a refused form keeps what was typed
(400), and a save over someone else's newer save shows both versions side by side (409)
until the person saves again knowingly."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.core.access import refusal
from bashke.core.permissions import allowed
from bashke.core.web import add_service_errors
from bashke.drafting.forms.table import (
    ActivityForm,
    MeasureForm,
    MoveForm,
    ObjectiveForm,
    VersionOnlyForm,
)
from bashke.drafting.models import Activity, Measure, Objective
from bashke.drafting.models.versions import is_approved
from bashke.drafting.services import activities as activity_services
from bashke.drafting.services import table as services
from bashke.drafting.services.table import Conflict
from bashke.plans.models import Component
from bashke.plans.rules import components_run_by

REFUSED = "Only the plan's coordinators and the component's leaders and technical secretariat " \
          "draft this part of the action plan."
APPROVED = "The plan has an approved version, so its table can no longer be changed."
PLAN = "objective__component__goal__plan"
QUERIES = {
    Component: ("goal__plan", "goal__plan"),
    Objective: ("component__goal__plan", "component__goal__plan"),
    Measure: ("objective__component__goal__plan", PLAN),
    Activity: ("measure__objective__component__goal__plan", "measure__" + PLAN),
}


def table_url(plan, anchor=""):
    return reverse("drafting:table", kwargs={"slug": plan.slug}) + (f"#{anchor}" if anchor else "")


def measure_url(measure):
    return reverse("drafting:measure", kwargs={"slug": measure.objective.component.goal.plan.slug,
                                                "pk": measure.pk})


def drafted(model):
    """Loads the ``model`` row ``pk`` of the plan ``slug`` for those who draft its
    component; the log-in page or a 403 (saying why) for everyone else."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, slug, pk, **kwargs):
            related, plan_path = QUERIES[model]
            item = get_object_or_404(model.objects.select_related(related),
                                     **{f"{plan_path}__slug": slug, "pk": pk})
            refused = refused_page(request, services.component_of(item))
            if refused is not None:
                return refused
            return view(request, item, **kwargs)
        return wrapper
    return decorate


def refused_page(request, component):
    """None when the visitor drafts ``component`` now. Once the plan is approved, a page that
    says so (to everyone: nobody drafts an approved plan); otherwise the log-in page or a
    403."""
    plan = component.goal.plan
    if is_approved(plan) and not allowed(request.user, "drafting.edit_table",
                                                  component):
        return render(request, "drafting/table/refused.html", {
            "plan": plan, "message": _(APPROVED)}, status=403)
    return refusal(request, "drafting.edit_table", component, _(REFUSED))


def move_targets(request, item):
    """Where ``item`` may be moved (the parents of its kind, in the components the visitor
    drafts, its own parent aside), as (id, label): one query for the roles, one for the
    parents."""
    component = services.component_of(item)
    plan = component.goal.plan
    runs = components_run_by(request.user, plan)
    if isinstance(item, Objective):
        parents = Component.objects.filter(goal__plan=plan).exclude(pk=item.component_id)
        label = lambda c: f"{c.goal.numeral}. {c.title}"  # noqa: E731
        parents, path = parents.select_related("goal"), "pk"
    elif isinstance(item, Measure):
        parents = (Objective.objects.filter(component__goal__plan=plan)
                   .exclude(pk=item.objective_id).select_related("component__goal"))
        label = lambda o: f"{o.component.goal.numeral}. {o.component.title}: {o.title}"  # noqa: E731
        path = "component_id"
    else:
        parents = (Measure.objects.filter(objective__component__goal__plan=plan)
                   .exclude(pk=item.measure_id).select_related("objective__component"))
        label = lambda m: f"{m.objective.component.title}: {m.title}"  # noqa: E731
        path = "objective.component_id"
    targets = []
    for parent in parents:
        owner = parent
        for step in path.split("."):
            owner = getattr(owner, step)
        if owner in runs:
            targets.append((parent.pk, label(parent)))
    return targets


def _page(request, template, context, status=None):
    if status is None:
        status = 400 if request.method == "POST" else 200
    return render(request, f"drafting/table/{template}", context, status=status)


def _differences(form, saved):
    """(label, what the person typed, what is saved) for each field that differs."""
    rows = []
    for name in form._meta.fields:
        field = form.fields[name]
        theirs = getattr(saved, name)
        if name == "other_responsible":
            theirs = list(saved.other_responsible.all())
        mine = form.cleaned_data.get(name)
        if _shown(mine) != _shown(theirs):
            rows.append((field.label, _shown(mine), _shown(theirs)))
    return rows


def _shown(value):
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple) or hasattr(value, "all"):
        items = list(value.all() if hasattr(value, "all") else value)
        return ", ".join(str(getattr(i, "short", i)) for i in items) or "—"
    return str(getattr(value, "short", value))


def save_form(request, form, save, *, context, template, success, then, rebuild):
    """Runs ``save`` for a valid POST. A Conflict re-shows the form with what the person
    typed, the saved version beside it and the saved version's number, so that a second
    save replaces it knowingly; a ValidationError lands on the fields."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save()
        except Conflict as conflict:
            data = request.POST.copy()
            data["version"] = str(conflict.saved.version)
            context["conflict"] = _differences(form, conflict.saved)
            context["conflict_shown"] = True
            context["form"] = rebuild(data)
            context["form"].is_valid()
            return _page(request, template, context, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(then(result) if callable(then) else then)
    context["form"] = form
    return _page(request, template, context)


# Objectives -----------------------------------------------------------------------------------

def objective_create(request, slug, component):
    component = get_object_or_404(Component.objects.select_related("goal__plan"),
                                  goal__plan__slug=slug, pk=component)
    plan = component.goal.plan
    refused = refused_page(request, component)
    if refused is not None:
        return refused
    form = ObjectiveForm(request.POST or None, initial={"version": 0})
    return save_form(
        request, form, lambda: services.create_objective(
            component, actor=request.user, **form.changes()),
        context={"plan": plan, "component": component, "item": None, "kind": "objective"},
        template="objective_form.html", success=_("The objective is added."),
        then=lambda objective: table_url(plan, f"objective-{objective.pk}"),
        rebuild=lambda data: ObjectiveForm(data))


@drafted(Objective)
def objective_edit(request, objective):
    plan = objective.component.goal.plan
    form = ObjectiveForm(request.POST or None, instance=objective)
    return save_form(
        request, form, lambda: services.update_objective(
            objective, actor=request.user, expected_version=form.cleaned_data["version"],
            **form.changes()),
        context={"plan": plan, "component": objective.component, "item": objective,
                 "kind": "objective", "move_targets": move_targets(request, objective),
                 "move_url": "drafting:objective_move"},
        template="objective_form.html", success=_("The objective is saved."),
        then=table_url(plan, f"objective-{objective.pk}"),
        rebuild=lambda data: ObjectiveForm(data, instance=objective))


# Measures -------------------------------------------------------------------------------------

@drafted(Objective)
def measure_create(request, objective):
    plan = objective.component.goal.plan
    form = MeasureForm(request.POST or None, plan=plan, initial={"version": 0})
    return save_form(
        request, form, lambda: services.create_measure(
            objective, actor=request.user, **form.changes()),
        context={"plan": plan, "objective": objective, "item": None},
        template="measure_form.html", success=_("The measure is added."),
        then=measure_url, rebuild=lambda data: MeasureForm(data, plan=plan))


@drafted(Measure)
def measure_edit(request, measure):
    plan = measure.objective.component.goal.plan
    form = MeasureForm(request.POST or None, plan=plan, instance=measure)
    return save_form(
        request, form, lambda: services.update_measure(
            measure, actor=request.user, expected_version=form.cleaned_data["version"],
            **form.changes()),
        context={"plan": plan, "objective": measure.objective, "item": measure,
                 "move_targets": move_targets(request, measure),
                 "move_url": "drafting:measure_move"},
        template="measure_form.html", success=_("The measure is saved."),
        then=measure_url(measure),
        rebuild=lambda data: MeasureForm(data, plan=plan, instance=measure))


# Activities -----------------------------------------------------------------------------------

@drafted(Measure)
def activity_create(request, measure):
    plan = measure.objective.component.goal.plan
    form = ActivityForm(request.POST or None, plan=plan, initial={"version": 0})
    return save_form(
        request, form, lambda: activity_services.create_activity(
            measure, actor=request.user, **form.changes()),
        context={"plan": plan, "measure": measure, "item": None},
        template="activity_form.html", success=_("The activity is added."),
        then=measure_url(measure), rebuild=lambda data: ActivityForm(data, plan=plan))


@drafted(Activity)
def activity_edit(request, activity):
    measure = activity.measure
    plan = measure.objective.component.goal.plan
    form = ActivityForm(request.POST or None, plan=plan, instance=activity)
    return save_form(
        request, form, lambda: activity_services.update_activity(
            activity, actor=request.user, expected_version=form.cleaned_data["version"],
            **form.changes()),
        context={"plan": plan, "measure": measure, "item": activity,
                 "move_targets": move_targets(request, activity),
                 "move_url": "drafting:activity_move"},
        template="activity_form.html", success=_("The activity is saved."),
        then=measure_url(measure),
        rebuild=lambda data: ActivityForm(data, plan=plan, instance=activity))


# Deleting and moving --------------------------------------------------------------------------

DELETERS = {Objective: services.delete_objective, Measure: services.delete_measure,
            Activity: activity_services.delete_activity}
MOVERS = {Objective: (services.move_objective, "to_component", Component),
          Measure: (services.move_measure, "to_objective", Objective),
          Activity: (activity_services.move_activity, "to_measure", Measure)}


def _back(item):
    plan = services.component_of(item).goal.plan
    if isinstance(item, Activity):
        return measure_url(item.measure)
    return table_url(plan, f"{type(item).__name__.lower()}-{item.pk}")


def _delete(request, item):
    form = VersionOnlyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page was out of date; please try again."))
        return redirect(_back(item))
    back = table_url(services.component_of(item).goal.plan) if not isinstance(item, Activity) \
        else measure_url(item.measure)
    try:
        DELETERS[type(item)](item, actor=request.user,
                             expected_version=form.cleaned_data["version"])
    except Conflict:
        messages.error(request, _("Someone else changed this item in the meantime; it was not "
                                  "deleted. Check it and try again."))
        return redirect(_back(item))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(item))
    messages.success(request, _("Deleted."))
    return redirect(back)


def _move(request, item):
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()) or _("Say where to move it."))
        return redirect(_back(item))
    move, keyword, target_model = MOVERS[type(item)]
    target = None
    if form.cleaned_data.get("to"):
        target = target_model.objects.filter(pk=form.cleaned_data["to"]).first()
        if target is None:
            raise Http404
    try:
        moved = move(item, actor=request.user, direction=form.cleaned_data.get("direction"),
                     **{keyword: target})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Moved: the numbers have followed."))
        return redirect(_back(moved))
    return redirect(_back(item))


objective_delete = require_POST(drafted(Objective)(_delete))
measure_delete = require_POST(drafted(Measure)(_delete))
activity_delete = require_POST(drafted(Activity)(_delete))
objective_move = require_POST(drafted(Objective)(_move))
measure_move = require_POST(drafted(Measure)(_move))
activity_move = require_POST(drafted(Activity)(_move))
