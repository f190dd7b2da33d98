"""Demo data for plan cycles: Albania's 2018–2020 and 2020–2022 plans from the seed, and a
local plan in co-creation now. ``load`` creates only what is missing."""

import datetime

from bashke.accounts.models import Organisation, User
from bashke.core import audit
from bashke.core.links import absolute
from bashke.plans import calendar, services
from bashke.plans.cycle import today
from bashke.plans.demo_data import (
    ALBANIA_2020_STAGES,
    ALBANIA_GOALS,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    INSTITUTIONS,
    LOCAL_GOALS,
    LOCAL_STAGES,
    PRIORITISING_GOALS,
    PRIORITISING_STAGES,
)
from bashke.plans.models import ActionPlan, Institution, Jurisdiction, PlanRole

ACTOR = None  # demo rows are made by the system, not by a person


def load(out):
    institutions = _institutions()
    accounts = _accounts()
    albania = _albania(institutions)
    with audit.dated(ALBANIA_2020_STAGES[0][1]):
        _roles(albania, accounts)
    local = _local(institutions)
    prioritising = _prioritising(institutions)
    for plan in (local, prioritising):
        _roles(plan, accounts)
    out.write("Demo plans: " + ", ".join(absolute(f"/sq/plans/{p.slug}/")
                                         for p in (albania, local, prioritising)))
    out.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
    for email, _name, _sector, role, _component, is_staff in DEMO_ACCOUNTS:
        label = role or ("administrator" if is_staff else "participant")
        out.write(f"  {email:32} {label}")


def _institutions():
    found = {}
    for key, name_sq, name_en, acronym, kind in INSTITUTIONS:
        institution = Institution.objects.filter(name_en=name_en).first()
        if institution is None:
            institution = services.create_institution(actor=ACTOR, name_sq=name_sq,
                                                      name_en=name_en, acronym=acronym, kind=kind)
        found[key] = institution
    return found


def _accounts():
    ngo, _ = Organisation.objects.get_or_create(
        slug="shkoder-civic-forum",
        defaults={"name": "Forumi Qytetar Shkodër (demo)", "sector": "civil_society",
                  "description": "Një organizatë e vogël demo në Shkodër."})
    accounts = {}
    for email, name, sector, _role, _component, is_staff in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, display_name=name, sector=sector,
                email_verified=True, is_staff=is_staff, is_superuser=email.startswith("admin@"),
                organisation=ngo if sector == "civil_society" else None)
        accounts[email] = user
    return accounts


def _plan(jurisdiction, **fields):
    return (ActionPlan.objects.filter(slug=fields["slug"]).first()
            or services.create_plan(actor=ACTOR, jurisdiction=jurisdiction, **fields))


def _goals(plan, goals, institutions):
    if plan.goals.exists():
        return
    for number, title_sq, title_en, components in goals:
        goal = services.add_goal(plan, actor=ACTOR, number=number, title_sq=title_sq,
                                 title_en=title_en)
        for position, (slug, c_sq, c_en, leaders, secretariat) in enumerate(components, 1):
            services.add_component(goal, actor=ACTOR, slug=slug, position=position,
                                   title_sq=c_sq, title_en=c_en,
                                   leaders=[institutions[k] for k in leaders],
                                   secretariat=[institutions[k] for k in secretariat])


def _albania(institutions):
    albania = Jurisdiction.objects.filter(slug="albania").first() or services.create_jurisdiction(
        actor=ACTOR, slug="albania", name_sq="Shqipëria", name_en="Albania",
        kind=Jurisdiction.Kind.NATIONAL, country_code="AL", ogp_member_since=2011)
    # The past plans' history carries the days their cycles began, not the day of loading.
    with audit.dated(datetime.date(2018, 3, 1)):
        previous = _previous_albania_plan(albania)
    with audit.dated(ALBANIA_2020_STAGES[0][1]):
        return _current_albania_plan(albania, previous, institutions)


def _previous_albania_plan(albania):
    previous = _plan(
        albania, number=4, slug="albania-2018-2020",
        title_sq="Plani Kombëtar i Veprimit 2018–2020",
        title_en="National Action Plan 2018–2020",
        start=datetime.date(2018, 7, 1), end=datetime.date(2020, 6, 30), status="completed")
    if not previous.stages.exists():
        services.add_stage(previous, actor=ACTOR, kind="implementation",
                           start=previous.start, end=previous.end)
    return previous


def _current_albania_plan(albania, previous, institutions):
    plan = _plan(
        albania, number=5, slug="albania-2020-2022", previous=previous,
        title_sq="Plani Kombëtar i Veprimit 2020–2022",
        title_en="National Action Plan 2020–2022",
        summary_sq="Plani i pestë i Shqipërisë në Partneritetin për Qeverisje të Hapur, i "
                   "hartuar bashkë me shoqërinë civile në gjysmën e dytë të vitit 2020.",
        summary_en="Albania's fifth Open Government Partnership plan, co-created with civil "
                   "society in the second half of 2020.",
        start=datetime.date(2020, 7, 1), end=datetime.date(2022, 6, 30), status="completed")
    _goals(plan, ALBANIA_GOALS, institutions)
    if not plan.stages.exists():
        for kind, start, end, responsible, t_sq, t_en, d_sq, d_en in ALBANIA_2020_STAGES:
            services.add_stage(plan, actor=ACTOR, kind=kind, start=start, end=end,
                               responsible=institutions.get(responsible), title_sq=t_sq,
                               title_en=t_en, description_sq=d_sq, description_en=d_en)
    return plan


def _local(institutions):
    plan, created = _local_plan(
        institutions, slug="shkoder", name_sq="Bashkia Shkodër", name_en="Municipality of Shkodër",
        goals=LOCAL_GOALS, stages=LOCAL_STAGES,
        summary_sq="Një cikël demonstrues: konsultimi online është i hapur sot.",
        summary_en="A demonstration cycle: its online consultation is open today.")
    if created:
        services.add_stage(plan, actor=ACTOR, kind="monitoring", start=plan.start,
                           end=plan.end + datetime.timedelta(days=120), title_sq="Monitorimi",
                           title_en="Monitoring", responsible=institutions["shkoder"])
    return plan


def _prioritising(institutions):
    plan, _created = _local_plan(
        institutions, slug="korce", name_sq="Bashkia Korçë", name_en="Municipality of Korçë",
        goals=PRIORITISING_GOALS, stages=PRIORITISING_STAGES,
        summary_sq="Një cikël demonstrues: sot votohen pohimet prioritare.",
        summary_en="A demonstration cycle: its priority statements are open for votes today.")
    return plan


def _local_plan(institutions, *, slug, name_sq, name_en, goals, stages, summary_sq,
                summary_en):
    """A municipality's first plan, its stages placed in days around today; (plan, created)."""
    jurisdiction = Jurisdiction.objects.filter(slug=slug).first() or (
        services.create_jurisdiction(actor=ACTOR, slug=slug, name_sq=name_sq, name_en=name_en,
                                     kind=Jurisdiction.Kind.LOCAL, country_code="AL"))
    existing = jurisdiction.plans.order_by("number").first()
    if existing:
        return existing, False
    day = today()
    # The plan begins on the first of the month after approval, and runs two years.
    after_approval = day + datetime.timedelta(days=stages[-1][2] + 1)
    start = calendar.add_months(after_approval.replace(day=1), 1)
    end = calendar.add_months(start, 24) - datetime.timedelta(days=1)
    plan = services.create_plan(
        actor=ACTOR, jurisdiction=jurisdiction, number=1, slug=f"{slug}-{start.year}-{end.year}",
        title_sq=f"Plani i Parë Vendor i Veprimit {start.year}–{end.year}",
        title_en=f"First Local Action Plan {start.year}–{end.year}",
        summary_sq=summary_sq, summary_en=summary_en, start=start, end=end,
        status="consultation")
    _goals(plan, goals, institutions)
    for kind, from_day, to_day, responsible, t_sq, t_en in stages:
        services.add_stage(plan, actor=ACTOR, kind=kind,
                           start=day + datetime.timedelta(days=from_day),
                           end=day + datetime.timedelta(days=to_day),
                           responsible=institutions[responsible], title_sq=t_sq, title_en=t_en)
    services.add_stage(plan, actor=ACTOR, kind="implementation", start=start, end=end,
                       title_sq="Zbatimi", title_en="Implementation")
    return plan, True


def _roles(plan, accounts):
    components = {c.slug: c for goal in plan.goals.all() for c in goal.components.all()}
    fallback = next(iter(components.values()), None)
    for email, _name, _sector, role, component_slug, _staff in DEMO_ACCOUNTS:
        if role is None:
            continue
        component = components.get(component_slug, fallback) if component_slug else None
        if not PlanRole.objects.filter(user=accounts[email], plan=plan, role=role).exists():
            services.assign_role(plan, accounts[email], role, actor=ACTOR, component=component)
