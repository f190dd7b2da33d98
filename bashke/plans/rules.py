"""Who may do what to a plan cycle. Predicates take (user, plan) or (user, component) and
read the roles from the database; the stage-aware ones also ask today's stage.

Authority over a plan comes only from a role on that plan. Being staff opens the Django
admin and nothing more; an active superuser holds every permission (Django's own rule, in
``User.has_perm``), so no predicate here names either.
"""

import rules
from django.db.models import Q

from bashke.plans.cycle import Timeline
from bashke.plans.models import ActionPlan, Component, Phase, PlanRole, Role

COMPONENT_ROLES = (Role.COMPONENT_LEADER, Role.SECRETARIAT)


class _AllComponents:
    """Every component of the plan (``components_run_by`` for its coordinators)."""

    def __contains__(self, component_id):
        return True

    def __bool__(self):
        return True

    def __repr__(self):
        return "ALL"


ALL = _AllComponents()


def _plan_of(target):
    if isinstance(target, Component):
        return target.goal.plan
    return target


def _signed_in(user):
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def has_role(user, plan, role, component=None) -> bool:
    """Whether ``user`` holds ``role`` on ``plan`` (on ``component`` when given)."""
    if not _signed_in(user) or plan is None:
        return False
    roles = PlanRole.objects.filter(user=user, plan=plan, role=role)
    if component is not None:
        roles = roles.filter(component=component)
    return roles.exists()


def components_run_by(user, plan):
    """The components of ``plan`` whose consultation ``user`` runs, read in one query:
    ``ALL`` for the plan's coordinators (and superusers), else the set of ids of the
    components the person leads or sits on the secretariat of (empty for everyone else).

    For pages that list many rows of a plan (briefs, meetings, surveys) and must not ask the
    database once per row; a single object's permission is asked through the kernel."""
    if not _signed_in(user) or plan is None:
        return set()
    if user.is_superuser:
        return ALL
    roles = PlanRole.objects.filter(user=user, plan=plan).values_list("role", "component_id")
    mine = set()
    for role, component_id in roles:
        if role == Role.COORDINATOR:
            return ALL
        if role in COMPONENT_ROLES and component_id is not None:
            mine.add(component_id)
    return mine


def plans_run_by(user, roles=(Role.COORDINATOR, *COMPONENT_ROLES)):
    """The plans on which ``user`` holds one of ``roles`` (superusers: every plan), as a
    queryset: whether the admin shows them a kind of row at all."""
    if not _signed_in(user):
        return ActionPlan.objects.none()
    if user.is_superuser:
        return ActionPlan.objects.all()
    return ActionPlan.objects.filter(
        pk__in=PlanRole.objects.filter(user=user, role__in=roles).values("plan"))


def rows_run_by(user, plan_path="plan", component_path="component", roles=(Role.COORDINATOR,)):
    """A filter (``Q``) for the rows of a plan that ``user`` runs: every row of a plan on
    which they hold one of ``roles``, and, with ``component_path``, the rows of the
    components they lead or sit on the secretariat of. Superusers: every row. What the
    admin's lists show; one row's own permission is asked through the kernel."""
    if not _signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    mine = PlanRole.objects.filter(user=user)
    rows = Q(**{f"{plan_path}__in": mine.filter(role__in=roles).values("plan")})
    if component_path:
        rows |= Q(**{f"{component_path}__in": mine.filter(role__in=COMPONENT_ROLES)
                     .values("component")})
    return rows


def coordinated_plans(user):
    """The plans ``user`` coordinates (superusers: every plan), as a queryset."""
    if not _signed_in(user):
        return ActionPlan.objects.none()
    if user.is_superuser:
        return ActionPlan.objects.all()
    return ActionPlan.objects.filter(
        pk__in=PlanRole.objects.filter(user=user, role=Role.COORDINATOR).values("plan"))


def role_predicate(role):
    @rules.predicate(name=f"is_{role}")
    def holds_role(user, target):
        return has_role(user, _plan_of(target), role)

    return holds_role


is_coordinator = role_predicate(Role.COORDINATOR)
is_assessor = role_predicate(Role.ASSESSOR)
is_reviewer = role_predicate(Role.REVIEWER)
is_moderator = role_predicate(Role.MODERATOR)


@rules.predicate
def coordinates_any_plan(user):
    return _signed_in(user) and PlanRole.objects.filter(user=user,
                                                        role=Role.COORDINATOR).exists()


@rules.predicate
def leads_component(user, component):
    if not isinstance(component, Component):
        return False
    return has_role(user, component.goal.plan, Role.COMPONENT_LEADER, component)


@rules.predicate
def in_component_secretariat(user, component):
    if not isinstance(component, Component):
        return False
    return has_role(user, component.goal.plan, Role.SECRETARIAT, component)


@rules.predicate
def in_co_creation(user, target):
    """True while today falls before the plan's approval stage has ended."""
    plan = _plan_of(target)
    if plan is None:
        return False
    stages = list(plan.stages.all())
    timeline = Timeline.of(plan, stages)
    return any(stage.phase == Phase.CO_CREATION for stage in timeline.current + timeline.upcoming)


always = rules.always_allow

# Reading is public: everything about a plan is open data.
rules.add_perm("plans.view_plan", always)
rules.add_perm("plans.view_history", always)
# The coordinator runs the cycle: dates, stages, goals, components and who holds which role.
rules.add_perm("plans.change_plan", is_coordinator)
rules.add_perm("plans.manage_stages", is_coordinator)
rules.add_perm("plans.assign_roles", is_coordinator)
# A component's leaders and secretariat shape it while the plan is co-created; afterwards
# only the coordinator may, so an approved plan is not rewritten quietly.
rules.add_perm("plans.change_component",
               is_coordinator | ((leads_component | in_component_secretariat) & in_co_creation))
# Opening a new cycle (in the admin) and the shared list of institutions: any coordinator.
# Whoever opens a plan becomes its coordinator (plans/admin.py).
rules.add_perm("plans.open_plan", coordinates_any_plan)
rules.add_perm("plans.manage_institutions", coordinates_any_plan)
# Jurisdictions are the platform's frame: superusers only (they pass every rule).
rules.add_perm("plans.manage_jurisdictions", rules.always_deny)
# Assessing ideas is the assessment app's, decided in bashke/assessment/rules/scoring.py
# ("assessment.assess_idea": the assessors of the idea's component; "assessment.view_scores")
# and rules/criteria.py ("assessment.manage_criteria", "assessment.assign_assessors": the
# coordinators). "plans.review" (independent reviewers) comes with the monitoring app, which
# asks it: a permission that no code asks is a promise nobody keeps
# (tests/test_permissions_declared.py). Moderation is the consultation's
# ("consultation.moderate": the plan's moderators and coordinators).
