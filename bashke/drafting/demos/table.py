"""The demo's action plan tables, written through the drafting services.

Albania 2020–2022: under Digital Governance, the seed's own draft rows (objective 1
"Rritja e aksesueshmërisë në shërbimet publike", measures 1.1 and 1.2 with their
activities, all ADISA's), and a measure for each of the nine commitments OGP published for
the plan (AL0065–AL0073), with plausible activities, institutions and costs. The seed gives
titles, institutions and dates only: the costs, indicators and targets are the demo's own.
The seed dates its activities 1 Jan 2020 – 31 Dec 2022; they are kept within the plan's
period (the services refuse dates outside it). A few measures name the ideas they came from,
which records those ideas as included.

Korçë (in prioritisation today): a small, unfinished draft that the SMART check warns
about. ``load`` adds only what is missing.
"""

import datetime
from decimal import Decimal

from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Meeting
from bashke.core import audit
from bashke.drafting.demos.table_data import ALBANIA, KORCE
from bashke.drafting.models import Objective
from bashke.drafting.models.versions import is_approved
from bashke.drafting.services import activities as activity_services
from bashke.drafting.services import table as services
from bashke.drafting.services.sources import set_source_ideas
from bashke.plans.models import ActionPlan, Component, Institution

ACTOR = None  # the system writes demo rows
D = datetime.date
# The Albanian plan's table was drafted in its "drafting" stage (September–October 2020).
ALBANIA_DRAFTED_ON = D(2020, 10, 15)


def load(out):
    albania = ActionPlan.objects.filter(slug="albania-2020-2022").first()
    made = 0
    if albania is not None and not is_approved(albania):
        with audit.dated(ALBANIA_DRAFTED_ON):
            made += _plan(albania, ALBANIA)
    korce = ActionPlan.objects.filter(slug__startswith="korce").order_by("number").first()
    if korce is not None and not is_approved(korce):
        made += _plan(korce, KORCE)
    if made:
        out.write(f"Action plan tables: {made} objectives drafted.")


def _institution(acronym):
    return Institution.objects.filter(acronym=acronym).first() if acronym else None


def _within(plan, day):
    """A date kept within the plan's period; an int is days from the plan's start."""
    if day is None:
        return None
    if isinstance(day, int):
        day = plan.start + datetime.timedelta(days=day)
    return min(max(day, plan.start), plan.end)


def _money(value):
    return None if value is None else Decimal(str(value))


def _ideas(plan, titles):
    return list(Idea.objects.filter(plan=plan, title__in=titles))


def _plan(plan, objectives):
    made = 0
    for component_slug, title_sq, title_en, measures in objectives:
        component = Component.objects.filter(goal__plan=plan, slug=component_slug).first()
        if component is None or Objective.objects.filter(component=component,
                                                         title_sq=title_sq).exists():
            continue
        objective = services.create_objective(component, actor=ACTOR, title_sq=title_sq,
                                              title_en=title_en)
        made += 1
        for measure in measures:
            _measure(plan, objective, measure)
    return made


def _measure(plan, objective, data):
    fields = {key: value for key, value in data.items()
              if key not in ("lead", "activities", "ideas", "meeting")}
    meeting = (Meeting.objects.filter(plan=plan, title_en=data["meeting"]).first()
               if data.get("meeting") else None)
    measure = services.create_measure(objective, actor=ACTOR,
                                      lead_institution=_institution(data.get("lead")),
                                      evidence_meeting=meeting, **fields)
    for activity in data.get("activities", []):
        _activity(plan, measure, activity)
    ideas = _ideas(plan, data.get("ideas", []))
    if ideas:
        set_source_ideas(measure, actor=ACTOR, ideas=ideas)
    return measure


def _activity(plan, measure, data):
    (title_sq, title_en, responsible, others, start, end, cost, state, foreign, indicator_sq,
     indicator_en, target_sq, target_en, *ideas) = data
    activity = activity_services.create_activity(
        measure, actor=ACTOR, title_sq=title_sq, title_en=title_en,
        responsible=_institution(responsible),
        other_responsible=[i for i in map(_institution, others) if i],
        start=_within(plan, start), end=_within(plan, end), cost=_money(cost),
        state_budget=_money(state), foreign_financing=_money(foreign),
        indicator_sq=indicator_sq, indicator_en=indicator_en, target_sq=target_sq,
        target_en=target_en)
    found = _ideas(plan, ideas[0]) if ideas else []
    if found:
        set_source_ideas(activity, actor=ACTOR, ideas=found)
    return activity
