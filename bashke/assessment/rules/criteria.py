"""Permissions: the criteria sheet. Its coordinators shape it (criteria, weights, scale,
margin), open and close assessment, and choose the assessors; everyone reads it.

Targets are the plan, its sheet or one of its criteria. *When* the sheet may change (only
while it is being prepared) is the service's question, which says why not."""

import rules

from bashke.assessment.models import CriteriaSheet, Criterion
from bashke.plans.rules import ALL, components_run_by


def sheet_plan(target):
    """The plan of a plan, a criteria sheet or a criterion (None for anything else)."""
    if isinstance(target, Criterion):
        target = target.sheet
    if isinstance(target, CriteriaSheet):
        return target.plan
    return target


@rules.predicate
def coordinates_sheet(user, target):
    plan = sheet_plan(target)
    return plan is not None and components_run_by(user, plan) is ALL


rules.add_perm("assessment.manage_criteria", coordinates_sheet)
# Assessors are held as plan roles (PlanRole, role "assessor", per component or for all);
# the plans service that writes roles asks "plans.assign_roles" as well.
rules.add_perm("assessment.assign_assessors", coordinates_sheet)
