"""Who may record ideas received elsewhere, and see drafts' absence of secrets."""

import rules

from bashke.plans.models import Component, Role
from bashke.plans.rules import _has_role, is_coordinator


@rules.predicate
def in_any_secretariat(user, plan):
    if isinstance(plan, Component):
        plan = plan.goal.plan
    return _has_role(user, plan, Role.SECRETARIAT) or _has_role(user, plan,
                                                                 Role.COMPONENT_LEADER)


rules.add_perm("consultation.record_idea", is_coordinator | in_any_secretariat | rules.is_staff)
