"""Who may run consultation meetings, and who may see what of them.

Targets are a plan (to schedule a meeting in it) or a meeting. The plan's coordinators and
site staff run every meeting of the plan; a component's leaders and technical secretariat
run the meetings of their own component (and may schedule meetings, for their components
only: the form offers no other). Everyone may read a published or cancelled meeting and
its participation figures; only those who run it see who attended by name.
"""

import rules

from bashke.consultation.models.meetings import Meeting
from bashke.consultation.permissions.common import (
    COMPONENT_ROLES,
    coordinates_plan_of,
    works_on_any_component,
    works_on_component_of,
)
from bashke.plans.models import PlanRole, Role
from bashke.plans.rules import _has_role


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
    rules.is_staff | coordinates_plan_of
    | (~is_meeting & works_on_any_component)
    | (is_meeting & works_on_component_of)
)

rules.add_perm("consultation.manage_meeting", manage_meeting)
rules.add_perm("consultation.view_meeting", is_public_meeting | manage_meeting)
rules.add_perm("consultation.view_attendance_names", manage_meeting)
# Registering needs an account; whether a place is free is the service's question.
rules.add_perm("consultation.register_for_meeting", rules.is_authenticated & is_public_meeting)
