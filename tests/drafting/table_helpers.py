"""Helpers for the tests of the action plan table: a small table built through the
services, and activity fields that pass every check."""

import datetime
from decimal import Decimal

from bashke.drafting.services import activities as activity_services
from bashke.drafting.services import table as services


def activity_fields(plan, **overrides):
    fields = {"title_sq": "Ngritja e qendrës së re", "title_en": "Establishing the new centre",
              "start": plan.start, "end": plan.end, "cost": Decimal("1000.50"),
              "state_budget": Decimal("400"), "foreign_financing": Decimal("100.25"),
              "indicator_en": "Number of centres open", "target_en": "One centre open"}
    fields.update(overrides)
    return fields


def build_table(component, *, objectives=1, measures=1, activities=2, actor=None,
                institution=None):
    """``objectives`` × ``measures`` × ``activities`` made through the services (by the
    system unless ``actor`` is given); returns the objectives."""
    plan = component.goal.plan
    made = []
    for o in range(objectives):
        objective = services.create_objective(
            component, actor=actor, title_sq=f"Rritja e aksesit {o + 1}",
            title_en=f"Increasing access {o + 1}")
        made.append(objective)
        for m in range(measures):
            measure = services.create_measure(
                objective, actor=actor, title_sq=f"Ngritja e qendrave {o + 1}.{m + 1}",
                title_en=f"Establishing centres {o + 1}.{m + 1}", lead_institution=institution)
            for a in range(activities):
                activity_services.create_activity(
                    measure, actor=actor, **activity_fields(
                        plan, title_en=f"Establishing site {o + 1}.{m + 1}.{a + 1}",
                        responsible=institution))
    return made


def day(year, month, day_):
    return datetime.date(year, month, day_)


def meeting(plan, actor, *, days, component=None, title_en="Consultation meeting"):
    """A published meeting ``days`` from now (negative: it has taken place)."""
    from django.utils import timezone

    from bashke.consultation.services import meetings as meeting_services

    starts = timezone.now() + datetime.timedelta(days=days)
    made = meeting_services.create_meeting(
        plan, actor=actor, title_sq="Takim konsultues", title_en=title_en, starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2), place="Tiranë", component=component)
    return meeting_services.publish_meeting(made, actor=actor)
