"""One test per permission and persona (design.md)."""

import datetime

import pytest

D = datetime.date
PERSONAS = ["coordinator", "component_leader", "secretariat_member", "assessor", "reviewer",
            "moderator", "cso_member", "citizen", "anonymous", "staff", "staff_without_role",
            "other_plan_coordinator"]

EXPECTED = {
    # permission: personas that hold it on the plan (or its component)
    "plans.view_plan": set(PERSONAS),
    "plans.view_history": set(PERSONAS),
    "plans.change_plan": {"coordinator", "staff"},
    "plans.manage_stages": {"coordinator", "staff"},
    "plans.assign_roles": {"coordinator", "staff"},
    "plans.change_component": {"coordinator", "staff", "component_leader", "secretariat_member"},
    # Not about one plan: any coordinator (of this plan or another) opens a new cycle and
    # keeps the shared list of institutions; jurisdictions are the superuser's.
    "plans.open_plan": {"coordinator", "other_plan_coordinator", "staff"},
    "plans.manage_institutions": {"coordinator", "other_plan_coordinator", "staff"},
    "plans.manage_jurisdictions": {"staff"},
}
# "staff" is a superuser, who holds every permission (Django's own rule). Being staff
# without a role ("staff_without_role") opens the admin and grants nothing here; nor does
# coordinating another plan ("other_plan_coordinator").
COMPONENT_PERMISSIONS = {"plans.change_component"}


@pytest.fixture
def during_co_creation(monkeypatch):
    monkeypatch.setattr("bashke.plans.cycle.today", lambda: D(2020, 1, 20))


@pytest.mark.parametrize("permission", sorted(EXPECTED))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_per_persona(request, permission, persona, component, during_co_creation):
    user = request.getfixturevalue(persona)
    target = component if permission in COMPONENT_PERMISSIONS else component.goal.plan
    assert user.has_perm(permission, target) is (persona in EXPECTED[permission])


@pytest.mark.parametrize("persona,allowed", [("component_leader", False), ("coordinator", True)])
def test_components_are_frozen_for_leaders_after_co_creation(request, persona, allowed,
                                                            component, monkeypatch):
    monkeypatch.setattr("bashke.plans.cycle.today", lambda: D(2021, 3, 1))
    user = request.getfixturevalue(persona)
    assert user.has_perm("plans.change_component", component) is allowed


def test_a_leader_of_one_component_cannot_change_another(component_leader, plan,
                                                         during_co_creation):
    other = plan.goals.get(number=1).components.get(slug="transparency")
    assert not component_leader.has_perm("plans.change_component", other)


def test_an_inactive_coordinator_holds_nothing(coordinator, plan, component,
                                              during_co_creation):
    coordinator.is_active = False
    coordinator.save()
    assert not coordinator.has_perm("plans.change_plan", plan)
    assert not coordinator.has_perm("plans.change_component", component)


def test_the_components_one_runs_are_read_in_one_query(
        coordinator, component_leader, other_plan_coordinator, staff_without_role, plan,
        component, django_assert_num_queries):
    from bashke.plans.rules import ALL, components_run_by

    with django_assert_num_queries(1):
        assert components_run_by(coordinator, plan) is ALL
    with django_assert_num_queries(1):
        assert components_run_by(component_leader, plan) == {component.pk}
    assert components_run_by(other_plan_coordinator, plan) == set()
    assert components_run_by(staff_without_role, plan) == set()
