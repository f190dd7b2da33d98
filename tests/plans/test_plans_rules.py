"""One test per permission and persona (design.md)."""

import datetime

import pytest

D = datetime.date
PERSONAS = ["coordinator", "component_leader", "secretariat_member", "assessor", "reviewer",
            "moderator", "cso_member", "citizen", "anonymous", "staff"]

EXPECTED = {
    # permission: personas that hold it on the plan (or its component)
    "plans.view_plan": set(PERSONAS),
    "plans.view_history": set(PERSONAS),
    "plans.change_plan": {"coordinator", "staff"},
    "plans.manage_stages": {"coordinator", "staff"},
    "plans.assign_roles": {"coordinator", "staff"},
    "plans.change_component": {"coordinator", "staff", "component_leader", "secretariat_member"},
    "plans.moderate": {"moderator", "coordinator", "staff"},
    "plans.assess": {"assessor", "staff"},
    "plans.review": {"reviewer", "staff"},
}
# "staff" is a superuser, who holds every permission (Django's own rule).
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


def test_assessors_assess_only_during_co_creation(assessor, plan, monkeypatch):
    monkeypatch.setattr("bashke.plans.cycle.today", lambda: D(2021, 3, 1))
    assert not assessor.has_perm("plans.assess", plan)
