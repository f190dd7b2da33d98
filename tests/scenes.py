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


def open_plan(jurisdiction, ministry, agency):
    """A plan in co-creation: its online consultation runs from a week ago to in three
    weeks. Goal I (Digital Governance) has "online-services", led by the agency; goal II
    (Access to Justice) has "legal-aid", led by the ministry."""
    day = today()
    plan = services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=7, slug="albania-open",
        title_sq="Plani i hapur", title_en="Open plan",
        start=datetime.date(day.year + 1, 1, 1), end=datetime.date(day.year + 2, 12, 31))
    goal = services.add_goal(plan, actor=None, number=1, title_sq="Qeverisja digjitale",
                             title_en="Digital Governance")
    services.add_component(goal, actor=None, slug="online-services", position=1,
                           title_sq="Shërbimet online", title_en="Online services",
                           leaders=[agency])
    other = services.add_goal(plan, actor=None, number=2, title_sq="Aksesi në drejtësi",
                              title_en="Access to Justice")
    services.add_component(other, actor=None, slug="legal-aid", position=1,
                           title_sq="Ndihma juridike", title_en="Legal aid", leaders=[ministry])
    services.add_stage(plan, actor=None, kind=StageKind.ONLINE_CONSULTATION,
                       start=day - datetime.timedelta(days=7),
                       end=day + datetime.timedelta(days=21))
    return plan
