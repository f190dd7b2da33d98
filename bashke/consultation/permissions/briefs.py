"""Who may write briefs and examples. Reading published ones is open to everyone.

``consultation.manage_brief`` takes a plan (a plan-wide brief), a component (one of its
briefs) or a brief: the plan's coordinator manages them all; a component's leaders and
secretariat manage their component's briefs.
"""

from dataclasses import dataclass, field

import rules

from bashke.consultation.permissions.common import (
    COMPONENT_ROLES,
    coordinates_plan_of,
    works_on_any_component,
    works_on_component_of,
)
from bashke.plans.models import PlanRole, Role


@rules.predicate
def coordinates_any_plan(user):
    return PlanRole.objects.for_user(user).filter(role=Role.COORDINATOR).exists()


rules.add_perm("consultation.manage_brief",
               coordinates_plan_of | works_on_component_of | rules.is_staff)
# Whether the person may add at least one brief to the plan (the "Add a brief" link).
rules.add_perm("consultation.add_brief",
               coordinates_plan_of | works_on_any_component | rules.is_staff)
# Only the coordinator sends the methodological package to the component leaders.
rules.add_perm("consultation.send_package", coordinates_plan_of | rules.is_staff)
# The examples library is shared by every plan.
rules.add_perm("consultation.manage_example", coordinates_any_plan | rules.is_staff)


@dataclass(frozen=True)
class BriefScope:
    """What one person may manage in one plan, read in one query, so that a list of briefs
    can show edit links without asking the database once per brief."""

    whole_plan: bool = False
    component_ids: frozenset = field(default_factory=frozenset)

    @property
    def any(self):
        return self.whole_plan or bool(self.component_ids)

    def covers(self, brief) -> bool:
        return self.whole_plan or (brief.component_id is not None
                                   and brief.component_id in self.component_ids)


def brief_scope(user, plan) -> BriefScope:
    if not getattr(user, "is_authenticated", False):
        return BriefScope()
    if user.is_staff:
        return BriefScope(whole_plan=True)
    roles = list(PlanRole.objects.for_user(user).filter(plan=plan).values_list("role",
                                                                                "component_id"))
    if any(role == Role.COORDINATOR for role, _component in roles):
        return BriefScope(whole_plan=True)
    return BriefScope(component_ids=frozenset(
        component for role, component in roles if role in COMPONENT_ROLES and component))
