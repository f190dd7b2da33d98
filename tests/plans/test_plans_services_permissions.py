"""The plan services ask the kernel themselves, so no door (admin, page, command) can change
a plan without a role on it; ``actor=None`` is the system."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from bashke.core.models import AuditEntry
from bashke.plans import services
from bashke.plans.models import ActionPlan, PlanRole, Role, StageKind

D = datetime.date


@pytest.mark.parametrize("persona", ["other_plan_coordinator", "staff_without_role",
                                     "component_leader", "moderator", "citizen"])
def test_only_the_plans_coordinator_changes_it(request, persona, plan, component):
    user = request.getfixturevalue(persona)
    before = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        services.update_plan(plan, actor=user, title_en="Taken over")
    with pytest.raises(PermissionDenied):
        services.add_stage(plan, actor=user, kind=StageKind.DRAFTING,
                           start=D(2020, 3, 1), end=D(2020, 3, 30))
    with pytest.raises(PermissionDenied):
        services.assign_role(plan, user, Role.COORDINATOR, actor=user)
    with pytest.raises(PermissionDenied):
        services.add_goal(plan, actor=user, number=9, title_en="Planted")
    assert ActionPlan.objects.get(pk=plan.pk).title_en == "Action Plan 2020–2022"
    assert not PlanRole.objects.filter(user=user, plan=plan, role=Role.COORDINATOR).exists()
    assert AuditEntry.objects.count() == before


def test_the_coordinator_changes_the_plan(coordinator, plan):
    services.update_plan(plan, actor=coordinator, title_en="Action Plan 2020–2022 (revised)")
    assert ActionPlan.objects.get(pk=plan.pk).title_en.endswith("(revised)")


def test_opening_a_plan_needs_a_coordinator_and_makes_them_its_coordinator(
        jurisdiction, plan, other_plan_coordinator, staff_without_role):
    fields = {"jurisdiction": jurisdiction, "number": 6, "slug": "albania-2022-2024",
              "title_sq": "Plani i Veprimit 2022–2024", "title_en": "Action Plan 2022–2024",
              "start": D(2022, 7, 1),
              "end": D(2024, 6, 30), "previous": plan}
    with pytest.raises(PermissionDenied):
        services.create_plan(actor=staff_without_role, **fields)
    opened = services.create_plan(actor=other_plan_coordinator, **fields)
    assert PlanRole.objects.filter(user=other_plan_coordinator, plan=opened,
                                   role=Role.COORDINATOR).exists()
