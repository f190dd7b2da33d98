"""Who may freeze, publish, comment on, compare, endorse and approve versions of the plan.

Targets are a plan (to freeze a new version), a version, or a comment on one. Every version
is public from the moment it is frozen: a frozen draft is what the coordinator puts on the
record, and comparing any two versions is how the public follows what changed — there is no
private version. The plan's coordinators run the versions; its moderators and coordinators
moderate the public comments; anyone signed in may comment while a version is published for
comment and today falls within its window (the service says why not, in words).
"""

import rules

from bashke.consultation.rules.common import coordinates_plan_of, signed_in
from bashke.drafting.models import PlanVersion, VersionComment
from bashke.plans.cycle import today
from bashke.plans.rules import is_coordinator, is_moderator


def _plan_of(target):
    if isinstance(target, VersionComment):
        return target.version.plan
    if isinstance(target, PlanVersion):
        return target.plan
    return target


@rules.predicate
def open_for_comment(user, target):
    version = target.version if isinstance(target, VersionComment) else target
    return isinstance(version, PlanVersion) and version.open_for_comment(today())


@rules.predicate
def moderates_plan_of(user, target):
    plan = _plan_of(target)
    return plan is not None and (is_moderator(user, plan) or is_coordinator(user, plan))


rules.add_perm("drafting.view_version", rules.always_allow)
rules.add_perm("drafting.manage_versions", signed_in & coordinates_plan_of)
rules.add_perm("drafting.comment_on_version", signed_in & open_for_comment)
rules.add_perm("drafting.moderate_version_comments", signed_in & moderates_plan_of)
