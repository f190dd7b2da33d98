"""Plans built through the services for tests that need one in a given state today."""

import datetime

from bashke.plans import services
from bashke.plans.cycle import today
from bashke.plans.models import Institution, Jurisdiction, StageKind


def local_plan(*, slug="shkoder-local", stages=((StageKind.ONLINE_CONSULTATION, -3, 20),),
               component=True):
    """The Municipality of Shkodër's first plan, with the given stages placed in days
    relative to today, and (unless told otherwise) one goal with one component led by the
    municipality."""
    day = today()
    jurisdiction = services.create_jurisdiction(
        actor=None, slug="shkoder", name_sq="Bashkia Shkodër", name_en="Municipality of Shkodër",
        kind=Jurisdiction.Kind.LOCAL, country_code="AL")
    municipality = services.create_institution(
        actor=None, name_sq="Bashkia Shkodër", name_en="Municipality of Shkodër", acronym="BSH",
        kind=Institution.Kind.OTHER_PUBLIC)
    plan = services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=1, slug=slug,
        title_sq="Plani vendor i Shkodrës", title_en="Shkodër local plan",
        start=datetime.date(day.year + 1, 1, 1), end=datetime.date(day.year + 2, 12, 31))
    if component:
        goal = services.add_goal(plan, actor=None, number=1, title_sq="Qeverisja e hapur",
                                 title_en="Open government")
        services.add_component(goal, actor=None, slug="open-budget", position=1,
                               title_sq="Buxheti i hapur", title_en="Open budget",
                               leaders=[municipality])
    for kind, start, end in stages:
        services.add_stage(plan, actor=None, kind=kind,
                           start=day + datetime.timedelta(days=start),
                           end=day + datetime.timedelta(days=end))
    return plan
