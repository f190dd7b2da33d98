"""Who may read and write briefs and examples. Reading published ones is open to everyone.

``consultation.manage_brief`` takes a plan (a plan-wide brief), a component (one of its
briefs) or a brief: the plan's coordinator manages them all; a component's leaders and
secretariat manage their component's briefs. Lists of briefs ask
``plans.rules.components_run_by`` once instead of this rule per brief.
"""

import rules

from bashke.consultation.rules.common import (
    coordinates_plan_of,
    works_on_any_component,
    works_on_component_of,
)
from bashke.plans.rules import coordinates_any_plan


@rules.predicate
def is_published(user, target):
    return bool(getattr(target, "published", False))


manage_brief = coordinates_plan_of | works_on_component_of
rules.add_perm("consultation.manage_brief", manage_brief)
# A draft brief is not acknowledged to exist for anyone who does not manage it.
rules.add_perm("consultation.view_brief", is_published | manage_brief)
# Whether the person may add at least one brief to the plan (the "Add a brief" link).
rules.add_perm("consultation.add_brief", coordinates_plan_of | works_on_any_component)
# Only the coordinator sends the methodological package to the component leaders.
rules.add_perm("consultation.send_package", coordinates_plan_of)
# The examples library is shared by every plan: any plan's coordinator keeps it.
rules.add_perm("consultation.manage_example", coordinates_any_plan)
