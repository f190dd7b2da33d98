"""The stakeholder input summary: the seed's "Key issues" and "Ideas" slides as a live page,
per plan and per component.

Everything is counted by the database, in a fixed number of queries whatever the number of
ideas. :func:`build_summary` returns plain numbers (the API serves them as they are); the
page draws them as charts, each with its data table.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bashke.accounts.models import Sector
from bashke.consultation import outcomes
from bashke.consultation.models import OGP_VALUES, Channel, Idea, IdeaStatus
from bashke.core.charts import bar_chart, column_chart
from bashke.core.permissions import require
from bashke.core.text import format_day, format_month, format_short_day, format_short_month
from bashke.plans.models import ActionPlan, Component

TOP_SUPPORTED = 10
OPEN_QUESTIONS_SHOWN = 20
# Beyond this many weeks a column per week is too thin to read: count per month instead.
MAX_WEEKS = 26


@dataclass
class InputSummary:
    plan: ActionPlan
    component: Component | None
    components: list
    total: int = 0
    by_component: list = field(default_factory=list)  # [(component or None, count)]
    by_value: list = field(default_factory=list)  # [(prefix, label, count)]
    by_channel: list = field(default_factory=list)  # [(channel, label, count)]
    by_sector: list = field(default_factory=list)  # [(sector or None, label, count)]
    period: str = "week"
    over_time: list = field(default_factory=list)  # [(first day, count)]
    top_supported: list = field(default_factory=list)
    open_count: int = 0
    open_questions: list = field(default_factory=list)


def counted_ideas(plan, component=None):
    """The ideas a summary counts: withdrawn ones and those hidden by moderators are not."""
    ideas = Idea.objects.for_plan(plan).visible().filter(status=IdeaStatus.SUBMITTED)
    return ideas.for_component(component) if component is not None else ideas


def plan_components(plan):
    return list(Component.objects.filter(goal__plan=plan).select_related("goal").order_by(
        "goal__number", "position", "id"))


def build_summary(plan, component=None, components=None) -> InputSummary:
    components = plan_components(plan) if components is None else components
    summary = InputSummary(plan=plan, component=component, components=components)
    ideas = counted_ideas(plan, component).order_by()
    totals = ideas.aggregate(
        total=Count("id"), first=Min("submitted_at"), last=Max("submitted_at"),
        **{prefix: Count("id", filter=Q(**{f"improves_{prefix}": True}))
           for prefix, _label in OGP_VALUES})
    summary.total = totals["total"]
    summary.by_value = [(prefix, str(label), totals[prefix]) for prefix, label in OGP_VALUES]

    if component is None:
        per_component = dict(ideas.values_list("component_id").annotate(n=Count("id")))
        summary.by_component = [(c, per_component.get(c.pk, 0)) for c in components]
        if per_component.get(None):
            summary.by_component.append((None, per_component[None]))

    per_channel = dict(ideas.values_list("channel").annotate(n=Count("id")))
    summary.by_channel = [(value, str(label), per_channel.get(value, 0))
                          for value, label in Channel.choices]

    per_sector = dict(ideas.values_list("author__sector").annotate(n=Count("id")))
    summary.by_sector = [(value, str(label), per_sector.get(value, 0))
                         for value, label in Sector.choices]
    if per_sector.get(None):
        # Ideas recorded by staff (e-mail, paper, meetings) have no account behind them.
        summary.by_sector.append((None, _("Not known (recorded by staff)"), per_sector[None]))

    summary.period, summary.over_time = _over_time(ideas, totals["first"], totals["last"])
    summary.top_supported = _top_supported(ideas, plan)
    summary.open_count, summary.open_questions = _open_questions(ideas, plan)
    return summary


def _over_time(ideas, first, last):
    if first is None:
        return "week", []
    tz = timezone.get_current_timezone()
    first_day, last_day = timezone.localdate(first, tz), timezone.localdate(last, tz)
    if (last_day - first_day).days <= MAX_WEEKS * 7:
        period, trunc = "week", TruncWeek("submitted_at", tzinfo=tz)
    else:
        period, trunc = "month", TruncMonth("submitted_at", tzinfo=tz)
    counts = {_as_day(start, tz): n for start, n in
              ideas.annotate(start=trunc).values_list("start").annotate(n=Count("id"))}
    # Periods without ideas are shown as zero: a gap in the consultation is information.
    days, day = [], _period_start(first_day, period)
    while day <= last_day:
        days.append(day)
        day = (day + datetime.timedelta(days=7) if period == "week"
               else (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1))
    return period, [(day, counts.get(day, 0)) for day in days]


def _as_day(value, tz):
    # PostgreSQL hands the truncated moment back in UTC, SQLite in the zone asked for.
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, tz).date() if timezone.is_aware(value) else value.date()
    return value


def _period_start(day, period):
    if period == "week":
        return day - datetime.timedelta(days=day.weekday())
    return day.replace(day=1)


def _top_supported(ideas, plan):
    top = list(ideas.with_counts().select_related("component")
               .filter(support_count__gt=0)
               .order_by("-support_count", "-comment_count", "-submitted_at", "-id")
               [:TOP_SUPPORTED])
    for idea in top:
        idea.plan = plan  # for its address, without a join
    return top


def _open_questions(ideas, plan):
    """Ideas still awaiting a response: no decision on them yet (``outcomes``, where the
    consultation asks the assessment), the longest-waiting first."""
    waiting = outcomes.awaiting_response(ideas)
    count = waiting.count()
    shown = list(waiting.select_related("component").order_by("submitted_at", "id")
                 [:OPEN_QUESTIONS_SHOWN]) if count else []
    for idea in shown:
        idea.plan = plan
    return count, shown


# The page --------------------------------------------------------------------------------

# The form's labels are too long for a chart's axis; the values' usual names suffice there.
SHORT_VALUE_LABELS = {
    "transparency": gettext_lazy("Transparency"),
    "participation": gettext_lazy("Public participation"),
    "accountability": gettext_lazy("Accountability"),
    "technology": gettext_lazy("Technology & innovation"),
}

def charts(summary: InputSummary) -> dict:
    total = summary.total or None
    found = {}
    if summary.component is None:
        found["component"] = bar_chart(
            _("Ideas by component"),
            [(c.title if c else _("No component chosen"), n) for c, n in summary.by_component],
            label_header=_("Component"), value_header=_("Ideas"), percent_of=total)
    found["value"] = bar_chart(
        _("Ideas that would improve each OGP value"),
        [(SHORT_VALUE_LABELS.get(prefix, label), n) for prefix, label, n in summary.by_value],
        label_header=_("OGP value"), value_header=_("Ideas answering yes"), percent_of=total)
    found["value"].caption = _("an idea can improve several values")
    found["sector"] = bar_chart(
        _("Ideas by the submitter's sector"),
        [(label, n) for _value, label, n in summary.by_sector],
        label_header=_("Sector"), value_header=_("Ideas"), percent_of=total)
    found["channel"] = bar_chart(
        _("Ideas by channel"), [(label, n) for _value, label, n in summary.by_channel],
        label_header=_("Channel"), value_header=_("Ideas"), percent_of=total)
    weekly = summary.period == "week"
    found["time"] = column_chart(
        _("Ideas per week") if weekly else _("Ideas per month"),
        [(format_day(day) if weekly else format_month(day), n) for day, n in summary.over_time],
        axis_labels=[format_short_day(day) if weekly else format_short_month(day)
                     for day, _n in summary.over_time],
        label_header=_("Week beginning") if weekly else _("Month"), value_header=_("Ideas"))
    return found


def input_summary(request, slug, component_slug=None):
    plan = get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)
    require(request.user, "plans.view_plan", plan)
    components = plan_components(plan)
    component = None
    if component_slug is not None:
        component = next((c for c in components if c.slug == component_slug), None)
        if component is None:
            raise Http404
    summary = build_summary(plan, component, components)
    return render(request, "consultation/summary/input_summary.html", {
        "plan": plan, "component": component, "summary": summary, "charts": charts(summary),
    })
