"""Permissions of the exports: who may import a filled table back.

Downloads are open data and ask ``plans.view_plan`` (a frozen version also
``drafting.view_version``). Importing the .xlsx writes the whole table, as only the plan's
coordinators may, and only until a version of the plan is approved: the approved plan is
read-only, and a spreadsheet must not be a way round that.
"""

import rules

from bashke.drafting.models import PlanVersion, VersionStatus
from bashke.plans.models import ActionPlan
from bashke.plans.rules import is_coordinator

signed_in = rules.is_authenticated & rules.is_active


@rules.predicate
def plan_is_approved(user, plan):
    return (isinstance(plan, ActionPlan)
            and PlanVersion.objects.filter(plan=plan, status=VersionStatus.APPROVED).exists())


rules.add_perm("exports.import_table", signed_in & is_coordinator & ~plan_is_approved)
