"""Who may read and draft the action plan table.

Reading is public. Drafting (``drafting.edit_table``) takes a component — an objective,
measure or activity is asked about through its objective's component: the plan's
coordinators draft every component, a component's leaders and technical secretariat their
own. Once the plan has an approved version the table is the approved plan and nobody
drafts it any more (the services say so in their refusal); a superuser passes this rule as
every other, and the services refuse them the same way.
"""

import rules

from bashke.consultation.rules.common import coordinates_plan_of, plan_of, works_on_component_of
from bashke.drafting.models.versions import is_approved


@rules.predicate
def plan_is_approved(user, target):
    plan = plan_of(target)
    if plan is None:
        return False
    context = plan_is_approved.context
    if context is None:
        return is_approved(plan)
    key = ("plan_is_approved", plan.pk)
    if key not in context:
        context[key] = is_approved(plan)
    return context[key]


rules.add_perm("drafting.view_table", rules.always_allow)
rules.add_perm("drafting.edit_table",
               (coordinates_plan_of | works_on_component_of) & ~plan_is_approved)
