"""Predicates shared by the consultation's areas: the plan's coordinators, and the leaders
and technical secretariat of a component, for anything that belongs to a plan (a brief, a
meeting, a survey) or is a plan or a component itself."""

import rules

from bashke.plans.models import ActionPlan, Component, PlanRole, Role
from bashke.plans.rules import _has_role

COMPONENT_ROLES = (Role.COMPONENT_LEADER, Role.SECRETARIAT)


def plan_and_component(target):
    """(plan, component or None) for a plan, a component, or a row that belongs to a plan
    through ``plan`` and ``component`` fields (a brief, a meeting, a survey)."""
    if isinstance(target, Component):
        return target.goal.plan, target
    if isinstance(target, ActionPlan):
        return target, None
    if hasattr(target, "plan_id"):
        return target.plan, getattr(target, "component", None)
    return None, None


def _component_roles(user, plan):
    if plan is None or not getattr(user, "is_authenticated", False):
        return PlanRole.objects.none()
    return PlanRole.objects.filter(user=user, plan=plan, role__in=COMPONENT_ROLES,
                                   component__isnull=False)


@rules.predicate
def coordinates_plan_of(user, target):
    plan, _component = plan_and_component(target)
    return plan is not None and _has_role(user, plan, Role.COORDINATOR)


@rules.predicate
def works_on_component_of(user, target):
    """Leads, or sits on the secretariat of, the component the target belongs to."""
    plan, component = plan_and_component(target)
    return component is not None and _component_roles(user, plan).filter(
        component=component).exists()


@rules.predicate
def works_on_any_component(user, target):
    """Leads, or sits on the secretariat of, some component of the target's plan."""
    plan, _component = plan_and_component(target)
    return _component_roles(user, plan).exists()
