"""Who may run consultation meetings, and who may see what of them.

Targets are a plan (to schedule a meeting in it) or a meeting. The plan's coordinators and
site staff run every meeting of the plan; a component's leaders and technical secretariat
run the meetings of their own component (and may schedule meetings, for their components
only: the form offers no other). Everyone may read a published or cancelled meeting and
its participation figures; only those who run it see who attended by name.
"""

import rules

from bashke.consultation.models.meetings import Meeting
from bashke.plans.models import ActionPlan, PlanRole, Role
from bashke.plans.rules import _has_role

COMPONENT_ROLES = (Role.COMPONENT_LEADER, Role.SECRETARIAT)


def _plan_of(target):
    if isinstance(target, Meeting):
        return target.plan
    return target if isinstance(target, ActionPlan) else None


@rules.predicate
def coordinates_plan(user, target):
    plan = _plan_of(target)
    return plan is not None and _has_role(user, plan, Role.COORDINATOR)


@rules.predicate
def runs_a_component(user, target):
    """Leads, or sits on the secretariat of, some component of the plan."""
    plan = _plan_of(target)
    if plan is None or not getattr(user, "is_authenticated", False):
        return False
    return PlanRole.objects.filter(user=user, plan=plan, role__in=COMPONENT_ROLES,
                                   component__isnull=False).exists()


@rules.predicate
def runs_meeting_component(user, meeting):
    if not isinstance(meeting, Meeting) or meeting.component_id is None:
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    return PlanRole.objects.filter(user=user, plan_id=meeting.plan_id, role__in=COMPONENT_ROLES,
                                   component_id=meeting.component_id).exists()


@rules.predicate
def is_meeting(user, target):
    return isinstance(target, Meeting)


@rules.predicate
def is_public_meeting(user, meeting):
    return isinstance(meeting, Meeting) and meeting.is_public


def components_run_by(user, plan):
    """The components of ``plan`` whose meetings ``user`` may run: all of them for the
    coordinator and site staff, else those the person leads or supports."""
    components = [c for goal in plan.goals.all() for c in goal.components.all()]
    if user.is_staff or _has_role(user, plan, Role.COORDINATOR):
        return components
    mine = set(PlanRole.objects.filter(user=user, plan=plan, role__in=COMPONENT_ROLES)
               .values_list("component_id", flat=True))
    return [c for c in components if c.pk in mine]


manage_meeting = (
    rules.is_staff | coordinates_plan
    | (~is_meeting & runs_a_component)
    | (is_meeting & runs_meeting_component)
)

rules.add_perm("consultation.manage_meeting", manage_meeting)
rules.add_perm("consultation.view_meeting", is_public_meeting | manage_meeting)
rules.add_perm("consultation.view_attendance_names", manage_meeting)
# Registering needs an account; whether a place is free is the service's question.
rules.add_perm("consultation.register_for_meeting", rules.is_authenticated & is_public_meeting)
