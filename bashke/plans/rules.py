"""Who may do what to a plan cycle. Predicates take (user, plan) or (user, component) and
read the roles from the database; the stage-aware ones also ask today's stage."""

import rules

from bashke.plans.cycle import Timeline
from bashke.plans.models import Component, Phase, PlanRole, Role


def _plan_of(target):
    if isinstance(target, Component):
        return target.goal.plan
    return target


def _has_role(user, plan, role, component=None):
    if not getattr(user, "is_authenticated", False) or plan is None:
        return False
    roles = PlanRole.objects.filter(user=user, plan=plan, role=role)
    if component is not None:
        roles = roles.filter(component=component)
    return roles.exists()


def role_predicate(role):
    @rules.predicate(name=f"is_{role}")
    def has_role(user, target):
        return _has_role(user, _plan_of(target), role)

    return has_role


is_coordinator = role_predicate(Role.COORDINATOR)
is_assessor = role_predicate(Role.ASSESSOR)
is_reviewer = role_predicate(Role.REVIEWER)
is_moderator = role_predicate(Role.MODERATOR)


@rules.predicate
def leads_component(user, component):
    if not isinstance(component, Component):
        return False
    return _has_role(user, component.goal.plan, Role.COMPONENT_LEADER, component)


@rules.predicate
def in_component_secretariat(user, component):
    if not isinstance(component, Component):
        return False
    return _has_role(user, component.goal.plan, Role.SECRETARIAT, component)


@rules.predicate
def in_co_creation(user, target):
    """True while today falls before the plan's approval stage has ended."""
    plan = _plan_of(target)
    if plan is None:
        return False
    stages = list(plan.stages.all())
    timeline = Timeline.of(plan, stages)
    return any(stage.phase == Phase.CO_CREATION for stage in timeline.current + timeline.upcoming)


is_staff = rules.is_staff
always = rules.always_allow

# Reading is public: everything about a plan is open data.
rules.add_perm("plans.view_plan", always)
rules.add_perm("plans.view_history", always)
# The coordinator runs the cycle: dates, stages, goals, components and who holds which role.
rules.add_perm("plans.change_plan", is_coordinator | is_staff)
rules.add_perm("plans.manage_stages", is_coordinator | is_staff)
rules.add_perm("plans.assign_roles", is_coordinator | is_staff)
# A component's leaders and secretariat shape it while the plan is co-created; afterwards
# only the coordinator may, so an approved plan is not rewritten quietly.
rules.add_perm("plans.change_component",
               is_coordinator | is_staff
               | ((leads_component | in_component_secretariat) & in_co_creation))
rules.add_perm("plans.moderate", is_moderator | is_coordinator)
rules.add_perm("plans.assess", is_assessor & in_co_creation)
rules.add_perm("plans.review", is_reviewer)
