"""Who may run consultation meetings, and who may see what of them.

Targets are a plan (to schedule a meeting in it) or a meeting. The plan's coordinators run
every meeting of the plan; a component's leaders and technical secretariat run the meetings
of their own component (and may schedule meetings, for their components only: the form
offers no other, from ``plans.rules.components_run_by``). Everyone may read a published or
cancelled meeting and its participation figures; only those who run it see who attended by
name.
"""

import rules

from bashke.consultation.models.meetings import Meeting
from bashke.consultation.rules.common import (
    coordinates_plan_of,
    signed_in,
    works_on_any_component,
    works_on_component_of,
)
from bashke.plans.models import ActionPlan


@rules.predicate
def is_plan(user, target):
    return isinstance(target, ActionPlan)


@rules.predicate
def is_public_meeting(user, meeting):
    return isinstance(meeting, Meeting) and meeting.is_public


# On a plan: may schedule a meeting in it (for one's own components); on a component or a
# meeting: runs that component's meetings.
manage_meeting = (
    coordinates_plan_of
    | (is_plan & works_on_any_component)
    | (~is_plan & works_on_component_of)
)

rules.add_perm("consultation.manage_meeting", manage_meeting)
rules.add_perm("consultation.view_meeting", is_public_meeting | manage_meeting)
rules.add_perm("consultation.view_attendance_names", manage_meeting)
# A meeting about the whole plan rather than one component: only its coordinators.
rules.add_perm("consultation.schedule_plan_meeting", coordinates_plan_of)
# Registering needs an account; whether a place is free is the service's question.
rules.add_perm("consultation.register_for_meeting", signed_in & is_public_meeting)
