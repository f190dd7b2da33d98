"""Predicates shared by the consultation's areas: the plan's coordinators, and the leaders
and technical secretariat of a component, for anything that belongs to a plan (a brief, a
meeting, a survey) or is a plan or a component itself."""

import rules

from bashke.plans.models import ActionPlan, Component
from bashke.plans.rules import ALL, components_run_by

signed_in = rules.is_authenticated & rules.is_active


def plan_of(target):
    """The plan of a plan, a component, or a row with a ``plan`` (brief, meeting, survey)."""
    if isinstance(target, Component):
        return target.goal.plan
    if isinstance(target, ActionPlan):
        return target
    return target.plan if hasattr(target, "plan_id") else None


def _runs(user, plan):
    """``components_run_by``, read once per permission check however many predicates of
    the rule ask it (django-rules gives each check one shared context)."""
    context = coordinates_plan_of.context
    if context is None:
        return components_run_by(user, plan)
    key = ("components_run_by", plan.pk)
    if key not in context:
        context[key] = components_run_by(user, plan)
    return context[key]


def _component_id(target):
    if isinstance(target, Component):
        return target.pk
    return getattr(target, "component_id", None)


@rules.predicate
def coordinates_plan_of(user, target):
    plan = plan_of(target)
    return plan is not None and _runs(user, plan) is ALL


@rules.predicate
def works_on_component_of(user, target):
    """Coordinates the plan, or leads or sits on the secretariat of the component the
    target belongs to."""
    component_id = _component_id(target)
    plan = plan_of(target)
    return component_id is not None and plan is not None and component_id in _runs(user, plan)


@rules.predicate
def works_on_any_component(user, target):
    """Coordinates the target's plan, or leads or sits on the secretariat of one of its
    components."""
    plan = plan_of(target)
    return plan is not None and bool(_runs(user, plan))
