"""Drafting activities, the rows of the seed's table, and the checks on what they say.

Refused with a message on the field: a negative amount, more than two decimals, an absurd
magnitude, state budget and foreign financing together above the cost, a date outside the
plan's period, an end before the start. The financing gap is never typed: it follows from
the three amounts (``Activity.financing_gap``, ``tree.ActivityRow.gap``).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashke.core import audit
from bashke.core.text import format_day
from bashke.drafting.amounts import CENT, MAX_AMOUNT, format_amount
from bashke.drafting.models import Activity
from bashke.drafting.services.table import (
    DELETE,
    check_version,
    locked,
    need_title,
    next_position,
    relocate,
    renumber,
    require_drafting,
    save_and_record,
    unknown_fields,
)

AMOUNTS = ["cost", "state_budget", "foreign_financing"]
ACTIVITY_FIELDS = ["title_sq", "title_en", "responsible", "other_responsible", "start", "end",
                   *AMOUNTS, "indicator_sq", "indicator_en", "target_sq", "target_en"]


def _amount_problem(value) -> str:
    if not isinstance(value, Decimal) or not value.is_finite():
        return _("Give a number, e.g. 1250,50.")
    if value < 0:
        return _("An amount cannot be negative.")
    if value != value.quantize(CENT):
        return _("Give at most two decimals: amounts are in thousand lek, so 0,01 is ten lek.")
    if value > MAX_AMOUNT:
        return _("That is more than 100 billion lek. Amounts are in thousand lek: check the "
                 "number of digits.")
    return ""


def check_activity(activity, plan) -> None:
    """Every rule on the amounts and dates, all at once: a ValidationError naming each
    field that breaks one."""
    errors = {}
    for name in AMOUNTS:
        value = getattr(activity, name)
        if value is None:
            continue
        if isinstance(value, (int, str)):
            value = Decimal(value)
        problem = _amount_problem(value)
        if problem:
            errors[name] = problem
        else:
            setattr(activity, name, value.quantize(CENT))
    if not errors:
        funding = (activity.state_budget or 0) + (activity.foreign_financing or 0)
        if funding and activity.cost is None:
            errors["cost"] = _("Give the indicative cost: the funding is checked against it.")
        elif funding and funding > activity.cost:
            where = "foreign_financing" if activity.foreign_financing else "state_budget"
            errors[where] = _(
                "State budget and foreign financing together (%(funding)s) are more than the "
                "indicative cost (%(cost)s).") % {"funding": format_amount(funding),
                                                   "cost": format_amount(activity.cost)}
    period = {"start": format_day(plan.start), "end": format_day(plan.end)}
    for name in ("start", "end"):
        day = getattr(activity, name)
        if day is not None and not plan.start <= day <= plan.end:
            errors[name] = (
                _("The plan runs from %(start)s to %(end)s: the start must fall within it.")
                if name == "start" else
                _("The plan runs from %(start)s to %(end)s: the end must fall within it.")
            ) % period
    if activity.start and activity.end and activity.end < activity.start and "end" not in errors:
        errors["end"] = _("The end (%(end)s) comes before the start (%(start)s).") % {
            "end": format_day(activity.end), "start": format_day(activity.start)}
    if errors:
        raise ValidationError(errors)


def _plan_of(measure):
    return measure.objective.component.goal.plan


def _others(activity):
    return sorted(activity.other_responsible.values_list("pk", flat=True))


@transaction.atomic
def create_activity(measure, *, actor, **fields) -> Activity:
    component = measure.objective.component
    require_drafting(actor, component)
    unknown_fields(fields, ACTIVITY_FIELDS)
    others = fields.pop("other_responsible", None) or []
    activity = Activity(measure=measure, **fields)
    need_title(activity)
    check_activity(activity, component.goal.plan)
    activity.position = next_position(Activity.objects.filter(measure=measure))
    activity.full_clean(exclude=["other_responsible", "source_ideas"])
    save_and_record(activity, actor=actor, before={}, plan=component.goal.plan, creating=True,
                    extra_after={"other_responsible": sorted(i.pk for i in others)})
    activity.other_responsible.set(others)
    return activity


@transaction.atomic
def update_activity(activity, *, actor, expected_version=None, **changes) -> Activity:
    measure = activity.measure
    component = measure.objective.component
    require_drafting(actor, component)
    unknown_fields(changes, ACTIVITY_FIELDS)
    activity = locked(Activity, activity)
    check_version(activity, expected_version)
    before = audit.snapshot(activity)
    others_before = _others(activity)
    others = changes.pop("other_responsible", None)
    for name, value in changes.items():
        setattr(activity, name, value)
    need_title(activity)
    check_activity(activity, component.goal.plan)
    activity.full_clean(exclude=["other_responsible", "source_ideas"])
    others_after = others_before if others is None else sorted(i.pk for i in others)
    save_and_record(activity, actor=actor, before=before, plan=component.goal.plan,
                    extra_before={"other_responsible": others_before},
                    extra_after={"other_responsible": others_after})
    if others is not None:
        activity.other_responsible.set(others)
    return activity


@transaction.atomic
def delete_activity(activity, *, actor, expected_version=None) -> None:
    measure = activity.measure
    require_drafting(actor, measure.objective.component)
    activity = locked(Activity, activity)
    check_version(activity, expected_version)
    audit.record(actor=actor, action=DELETE, instance=activity, before=audit.snapshot(activity),
                 scope=_plan_of(measure).audit_scope)
    activity.delete()
    renumber(Activity.objects.filter(measure=measure))


@transaction.atomic
def move_activity(activity, *, actor, direction=None, to_measure=None) -> Activity:
    measure = activity.measure
    require_drafting(actor, measure.objective.component)
    activity = locked(Activity, activity)
    return relocate(activity, actor=actor, parent_field="measure", parent=measure,
                    target=to_measure, direction=direction, plan_of=_plan_of,
                    component_of=lambda m: m.objective.component,
                    other_plan_error=_("Choose a measure of the same plan."))
