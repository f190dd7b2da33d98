"""Helpers for the versions' tests: a plan whose consultation is open today, with a small
table written through the ORM (the table's own services are tested elsewhere)."""

import datetime
from decimal import Decimal

from bashke.drafting.models import Activity, Measure, Objective
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import Role, StageKind

import scenes
from personas import make_user


def consulting_plan(jurisdiction, ministry, agency):
    """The open plan (online consultation from a week ago to in three weeks) with a public
    consultation on the draft from today to in two weeks."""
    plan = scenes.open_plan(jurisdiction, ministry, agency)
    day = today()
    plan_services.add_stage(plan, actor=None, kind=StageKind.DRAFT_CONSULTATION,
                            start=day, end=day + datetime.timedelta(days=14))
    return plan


def coordinator_of(plan, email="coord@example.org"):
    user = make_user(email, "Koordinatorja")
    plan_services.assign_role(plan, user, Role.COORDINATOR, actor=None)
    return user


def make_table(plan, *, objectives=1, measures=1, activities=2, institution=None):
    """Objectives in the plan's first component, measures and activities under them."""
    component = plan.goals.order_by("number").first().components.order_by("position").first()
    start = plan.start
    made = []
    for o in range(objectives):
        objective = Objective.objects.create(
            component=component, position=o + 1, title_sq=f"Objektivi {o + 1}",
            title_en=f"Objective {o + 1}")
        for m in range(measures):
            measure = Measure.objects.create(
                objective=objective, position=m + 1, title_sq=f"Masa {o + 1}.{m + 1}",
                title_en=f"Measure {o + 1}.{m + 1}", lead_institution=institution)
            for a in range(activities):
                made.append(Activity.objects.create(
                    measure=measure, position=a + 1, title_sq=f"Aktiviteti {o}.{m}.{a}",
                    title_en=f"Activity {o + 1}.{m + 1}.{a + 1}", responsible=institution,
                    start=start, end=start + datetime.timedelta(days=180),
                    cost=Decimal("100"), state_budget=Decimal("40"),
                    foreign_financing=Decimal("10")))
    return made
