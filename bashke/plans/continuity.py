"""The rules of the OGP cycle: what is refused outright, and what is only a warning.

Refusals raise :class:`ValidationError` keyed by field, with both dates in the message, so a
form can show them where the person typed. Warnings are derived on every read and never
stored: fixing the dates makes them go away.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bashke.core.text import format_day as day
from bashke.plans import calendar
from bashke.plans.models import PHASE_OF_KIND, ActionPlan, Phase, Stage

STANDARD_LENGTHS_YEARS = (2, 4)
MINIMUM_IMPLEMENTATION_MONTHS = 20


def check_plan(plan: ActionPlan) -> None:
    """Refuse a plan whose dates break the cycle. ``plan`` may be unsaved."""
    errors = {}
    if plan.start and plan.end and plan.end <= plan.start:
        errors["end"] = _("The plan must end after it starts: it starts on %(start)s and ends "
                          "on %(end)s.") % {"start": day(plan.start), "end": day(plan.end)}
        raise ValidationError(errors)

    others = ActionPlan.objects.filter(jurisdiction_id=plan.jurisdiction_id)
    if plan.pk:
        others = others.exclude(pk=plan.pk)
    clash = others.filter(start__lte=plan.end, end__gte=plan.start).order_by("start").first()
    if clash:
        errors["start"] = _(
            "This plan (%(start)s – %(end)s) overlaps “%(other)s” (%(other_start)s – "
            "%(other_end)s). One plan is implemented at a time."
        ) % {"start": day(plan.start), "end": day(plan.end), "other": clash.title,
             "other_start": day(clash.start), "other_end": day(clash.end)}

    previous = plan.previous
    if previous is not None:
        if previous.jurisdiction_id != plan.jurisdiction_id:
            errors["previous"] = _("The previous plan must belong to the same jurisdiction.")
        elif previous.pk == plan.pk:
            errors["previous"] = _("A plan cannot follow itself.")
        elif "start" not in errors and plan.start > previous.end + datetime.timedelta(days=1):
            if not plan.gap_reason.strip():
                days = (plan.start - previous.end).days - 1
                errors["gap_reason"] = ngettext(
                    "“%(previous)s” ends on %(previous_end)s but this plan starts on %(start)s, "
                    "leaving %(days)s day without a plan. OGP plans follow each other without "
                    "gaps: start on %(expected)s, or give the reason for the gap.",
                    "“%(previous)s” ends on %(previous_end)s but this plan starts on %(start)s, "
                    "leaving %(days)s days without a plan. OGP plans follow each other without "
                    "gaps: start on %(expected)s, or give the reason for the gap.", days
                ) % {"previous": previous.title, "previous_end": day(previous.end),
                     "start": day(plan.start), "days": days,
                     "expected": day(previous.end + datetime.timedelta(days=1))}

    if not any(calendar.is_whole_years(plan.start, plan.end, years)
               for years in STANDARD_LENGTHS_YEARS):
        if not plan.length_override_reason.strip():
            errors["length_override_reason"] = _(
                "A plan runs two or four years (this one: %(start)s – %(end)s, %(months)s "
                "months). Give a reason to accept another length; it is kept in the audit log."
            ) % {"start": day(plan.start), "end": day(plan.end),
                 "months": calendar.months_between(plan.start, plan.end)}
    if errors:
        raise ValidationError(errors)


def check_stage(stage: Stage) -> None:
    """Refuse a stage that ends before it starts or breaks the order of phases."""
    if stage.start and stage.end and stage.end < stage.start:
        raise ValidationError({"end": _(
            "A stage must end on or after its start: it starts on %(start)s and ends on "
            "%(end)s.") % {"start": day(stage.start), "end": day(stage.end)}})
    phase = PHASE_OF_KIND[stage.kind]
    siblings = Stage.objects.filter(plan_id=stage.plan_id)
    if stage.pk:
        siblings = siblings.exclude(pk=stage.pk)
    for other in siblings:
        other_phase = PHASE_OF_KIND[other.kind]
        earlier_starts_later = other_phase < phase and other.start > stage.start
        later_starts_earlier = other_phase > phase and other.start < stage.start
        if earlier_starts_later or later_starts_earlier:
            raise ValidationError({"start": _(
                "Out of order: stages run co-creation, then approval, then implementation. "
                "“%(kind)s” would start on %(start)s, but “%(other)s” (%(other_phase)s) "
                "starts on %(other_start)s."
            ) % {"kind": stage.get_kind_display(), "start": day(stage.start),
                 "other": other.heading, "other_phase": Phase(other_phase).label,
                 "other_start": day(other.start)}})


@dataclass(frozen=True)
class TimelineWarning:
    code: str
    message: str
    breach: bool = False  # a breach of an OGP rule, not only a departure from practice


def timeline_warnings(plan: ActionPlan, stages: list[Stage]) -> list[TimelineWarning]:
    """Departures from OGP practice, from data already loaded (no queries)."""
    warnings = []
    previous = plan.previous
    if previous is not None and plan.gap_days and plan.gap_days > 0:
        warnings.append(TimelineWarning("gap", ngettext(
            "Breach of the no-gap rule: %(days)s day without a plan between %(previous_end)s "
            "and %(start)s. Reason given: %(reason)s",
            "Breach of the no-gap rule: %(days)s days without a plan between %(previous_end)s "
            "and %(start)s. Reason given: %(reason)s", plan.gap_days
        ) % {"days": plan.gap_days, "previous_end": day(previous.end), "start": day(plan.start),
             "reason": plan.gap_reason}, breach=True))
    if plan.length_override_reason:
        warnings.append(TimelineWarning("length", _(
            "Non-standard length of %(months)s months (plans run two or four years). Reason "
            "given: %(reason)s") % {"months": plan.length_months,
                                   "reason": plan.length_override_reason}))

    co_creation = [s for s in stages if s.phase == Phase.CO_CREATION]
    if previous is not None and co_creation:
        window_start, window_end = previous.drafting_window
        first = min(s.start for s in co_creation)
        last = max(s.end for s in co_creation)
        if first < window_start or last > window_end:
            warnings.append(TimelineWarning("drafting_window", _(
                "Co-creation runs from %(first)s to %(last)s, outside the last six months of "
                "the previous plan (from %(window_start)s to %(window_end)s), when OGP expects "
                "the new plan to be drafted."
            ) % {"first": day(first), "last": day(last), "window_start": day(window_start),
                 "window_end": day(window_end)}))

    implementation = [s for s in stages if s.kind == "implementation"]
    if implementation:
        start = min(s.start for s in implementation)
        end = max(s.end for s in implementation)
        months = calendar.months_between(start, end)
        if months < MINIMUM_IMPLEMENTATION_MONTHS:
            warnings.append(TimelineWarning("short_implementation", ngettext(
                "Implementation runs %(months)s month (from %(start)s to %(end)s); OGP plans "
                "cover at least %(minimum)s months.",
                "Implementation runs %(months)s months (from %(start)s to %(end)s); OGP plans "
                "cover at least %(minimum)s months.", months
            ) % {"months": months, "start": day(start), "end": day(end),
                 "minimum": MINIMUM_IMPLEMENTATION_MONTHS}))
    return warnings
