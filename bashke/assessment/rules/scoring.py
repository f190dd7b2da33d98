"""Permissions: scoring ideas against the criteria sheet.

- ``assessment.assess_idea``: on an idea, its plan's assessors for the idea's component (a
  role without a component covers them all); on a plan, anyone who assesses some of it
  (their own list and offline sheet).
- ``assessment.view_scores``: each assessor's own scores, not only the aggregates that the
  public ranking shows. On an idea: the plan's coordinators; everyone once the sheet is
  closed; an assessor of the idea once they have submitted their own assessment of it (so
  that nobody's scores lean on the others'). On a plan: every idea's, the same way but
  without the last case; lists ask ``ideas_with_visible_scores`` once instead.

Whether the sheet is open for scoring is the service's question."""

import rules

from bashke.assessment.models import Assessment, CriteriaSheet, SheetStatus
from bashke.consultation.models import Idea
from bashke.plans.models import ActionPlan, PlanRole, Role
from bashke.plans.rules import ALL, components_run_by


def _signed_in(user):
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def components_assessed_by(user, plan):
    """The components of ``plan`` whose ideas ``user`` assesses, in one query: ``ALL`` for
    an assessor of every component (and superusers), else a set of component ids (empty
    for everyone else)."""
    if not _signed_in(user) or plan is None:
        return set()
    if user.is_superuser:
        return ALL
    mine = set()
    for component_id in PlanRole.objects.filter(user=user, plan=plan, role=Role.ASSESSOR
                                                ).values_list("component_id", flat=True):
        if component_id is None:
            return ALL
        mine.add(component_id)
    return mine


def assesses(components, idea) -> bool:
    """Whether ``components`` (from ``components_assessed_by``) covers ``idea``."""
    if components is ALL:
        return True
    return idea.component_id is not None and idea.component_id in components


def sheet_status(plan):
    sheet = CriteriaSheet.objects.filter(plan=plan).only("status").first()
    return sheet.status if sheet is not None else SheetStatus.PREPARING


def ideas_with_visible_scores(user, plan, status=None):
    """The ideas of ``plan`` whose individual scores ``user`` may see: ``ALL`` for the
    coordinators and, once the sheet is closed, for everyone; else the ids of the ideas
    the person has submitted their own assessment of (one query)."""
    status = status if status is not None else sheet_status(plan)
    if status == SheetStatus.CLOSED or components_run_by(user, plan) is ALL:
        return ALL
    if not _signed_in(user):
        return set()
    return set(Assessment.objects.filter(assessor=user, sheet__plan=plan,
                                         submitted_at__isnull=False)
               .values_list("idea_id", flat=True))


@rules.predicate
def assesses_target(user, target):
    if isinstance(target, ActionPlan):
        return bool(components_assessed_by(user, target))
    if isinstance(target, Idea):
        return assesses(components_assessed_by(user, target.plan), target)
    return False


def _plan_of(target):
    if isinstance(target, Idea):
        return target.plan
    return target if isinstance(target, ActionPlan) else None


@rules.predicate
def coordinates_plan(user, target):
    plan = _plan_of(target)
    return plan is not None and components_run_by(user, plan) is ALL


@rules.predicate
def sheet_closed(user, target):
    plan = _plan_of(target)
    return plan is not None and sheet_status(plan) == SheetStatus.CLOSED


@rules.predicate
def submitted_own(user, target):
    return (isinstance(target, Idea) and _signed_in(user)
            and Assessment.objects.filter(idea=target, assessor=user,
                                          submitted_at__isnull=False).exists())


rules.add_perm("assessment.assess_idea", assesses_target)
rules.add_perm("assessment.view_scores", coordinates_plan | sheet_closed | submitted_own)
