"""Permissions: who decides what becomes of an idea, and answers it with a reasoned response.

The plan's coordinators decide on every idea; a component's leaders and technical
secretariat on the ideas of their own component (on the plan: they may open the queue, which
lists only their components' ideas). Only while the plan is still being co-created and has
not been approved: an approved plan's answers are part of its record, not to be rewritten.
Reading decisions is public (``plans.view_plan``): every contribution's answer is published.
"""

import rules

from bashke.consultation.rules.common import (
    coordinates_plan_of,
    plan_of,
    works_on_any_component,
    works_on_component_of,
)
from bashke.plans.models import ActionPlan, PlanStatus
from bashke.plans.rules import in_co_creation

# Once approved (or later), the plan's record is closed.
CLOSED_STATUSES = {PlanStatus.APPROVED, PlanStatus.IMPLEMENTING, PlanStatus.COMPLETED}


@rules.predicate
def is_plan(user, target):
    return isinstance(target, ActionPlan)


@rules.predicate
def not_yet_approved(user, target):
    plan = plan_of(target)
    return plan is not None and plan.status not in CLOSED_STATUSES


@rules.predicate
def plan_in_co_creation(user, target):
    plan = plan_of(target)
    return plan is not None and in_co_creation(user, plan)


runs_it = coordinates_plan_of | (is_plan & works_on_any_component) | (
    ~is_plan & works_on_component_of)

rules.add_perm("assessment.decide", runs_it & not_yet_approved & plan_in_co_creation)
