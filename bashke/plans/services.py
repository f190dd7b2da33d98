"""Every write to plan cycles. Each function takes a keyword-only ``actor``, asks the
permission kernel (``actor=None`` is the system: demo data, commands), runs in one
transaction, checks the cycle's rules and leaves an audit entry."""

from django.core.exceptions import ValidationError
from django.db import transaction

from bashke.core import audit, discovery
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.plans import continuity
from bashke.plans.models import (
    ActionPlan,
    Component,
    Institution,
    Jurisdiction,
    PlanRole,
    PlanStatus,
    PolicyGoal,
    Role,
    Stage,
)

CREATE, UPDATE, DELETE = (AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE,
                          AuditEntry.Action.DELETE)


def _apply(instance, changes: dict):
    fields = instance._meta.concrete_fields
    allowed = {f.name for f in fields} | {f.attname for f in fields}
    unknown = [name for name in changes if name not in allowed]
    if unknown:
        raise TypeError(f"{type(instance).__name__} has no field {', '.join(unknown)}")
    for name, value in changes.items():
        setattr(instance, name, value)


def _save(instance, *, actor, check=None, scope="", note="", also_after=None):
    """Validate, save and audit one instance (created when it has no primary key yet)."""
    creating = instance.pk is None
    before = {} if creating else audit.snapshot(type(instance).objects.get(pk=instance.pk))
    if check is not None:
        check(instance)
    instance.full_clean(exclude=_m2m_names(instance))
    instance.save()
    audit.record(actor=actor, action=CREATE if creating else UPDATE, instance=instance,
                 before=before, after={**audit.snapshot(instance), **(also_after or {})},
                 scope=scope(instance) if callable(scope) else scope, note=note)
    return instance


def _m2m_names(instance):
    return [field.name for field in instance._meta.many_to_many]


def _lock_jurisdiction(jurisdiction_id):
    # Serialises plan writes per jurisdiction, so two plans saved at once cannot both pass
    # the overlap check. (SQLite's IMMEDIATE transactions already serialise every write.)
    Jurisdiction.objects.select_for_update().filter(pk=jurisdiction_id).first()


# Jurisdictions and institutions ---------------------------------------------------------

@transaction.atomic
def create_jurisdiction(*, actor, **fields) -> Jurisdiction:
    require(actor, "plans.manage_jurisdictions")
    return _save(Jurisdiction(**fields), actor=actor)


@transaction.atomic
def create_institution(*, actor, **fields) -> Institution:
    require(actor, "plans.manage_institutions")
    return _save(Institution(**fields), actor=actor)


@transaction.atomic
def update_institution(institution: Institution, *, actor, **changes) -> Institution:
    require(actor, "plans.manage_institutions", institution)
    _apply(institution, changes)
    return _save(institution, actor=actor)


# Plans -----------------------------------------------------------------------------------

def _length_note(plan):
    if plan.length_override_reason:
        return f"Non-standard length accepted: {plan.length_override_reason}"
    return ""


@transaction.atomic
def create_plan(*, actor, **fields) -> ActionPlan:
    """A new cycle. Whoever opens it (a coordinator of another plan) coordinates it, in the
    same transaction: otherwise they could not see it afterwards."""
    require(actor, "plans.open_plan")
    plan = ActionPlan(**fields)
    _lock_jurisdiction(plan.jurisdiction_id)
    # The scope names the new primary key, known only once saved.
    plan = _save(plan, actor=actor, check=continuity.check_plan, note=_length_note(plan),
                 scope=lambda saved: saved.audit_scope)
    if actor is not None and not actor.is_superuser:
        _create_role(plan, actor, Role.COORDINATOR, actor=actor, component=None)
    # What the apps above give every new plan (the assessment's criteria sheet…): found
    # through the app registry, since plans may not import them.
    for _label, module in discovery.app_modules("plan_setup"):
        module.setup(plan)
    return plan


def submission_blockers(plan) -> list[str]:
    """Why ``plan`` cannot be marked submitted yet, from every app that has a say: each
    ``<app>/submission_checks.py`` gives ``blockers(plan)`` (found through the app registry:
    the apps that know what blocks a submission sit above ``plans``)."""
    found = []
    for _label, module in discovery.app_modules("submission_checks"):
        found.extend(module.blockers(plan))
    return found


def check_submission(plan) -> None:
    """Refuses marking ``plan`` submitted while anything blocks it (checked on the change
    to "submitted" only: a plan already submitted is not re-judged by every later save)."""
    if plan.status != PlanStatus.SUBMITTED:
        return
    stored = ActionPlan.objects.filter(pk=plan.pk).values_list("status", flat=True).first()
    if stored == PlanStatus.SUBMITTED:
        return
    blockers = submission_blockers(plan) if plan.pk else []
    if blockers:
        raise ValidationError({"status": blockers})


def check_plan(plan) -> None:
    """The cycle's rules on a plan's dates, and the submission check on its status."""
    continuity.check_plan(plan)
    check_submission(plan)


@transaction.atomic
def update_plan(plan: ActionPlan, *, actor, **changes) -> ActionPlan:
    require(actor, "plans.change_plan", plan)
    _lock_jurisdiction(plan.jurisdiction_id)
    _apply(plan, changes)
    note = _length_note(plan) if {"start", "end", "length_override_reason"} & changes.keys() else ""
    return _save(plan, actor=actor, check=check_plan, scope=plan.audit_scope, note=note)


# Stages ----------------------------------------------------------------------------------

@transaction.atomic
def add_stage(plan: ActionPlan, *, actor, **fields) -> Stage:
    require(actor, "plans.manage_stages", plan)
    _lock_jurisdiction(plan.jurisdiction_id)
    return _save(Stage(plan=plan, **fields), actor=actor, check=continuity.check_stage,
                 scope=plan.audit_scope)


@transaction.atomic
def update_stage(stage: Stage, *, actor, **changes) -> Stage:
    require(actor, "plans.manage_stages", stage.plan)
    _lock_jurisdiction(stage.plan.jurisdiction_id)
    _apply(stage, changes)
    return _save(stage, actor=actor, check=continuity.check_stage, scope=stage.plan.audit_scope)


@transaction.atomic
def remove_stage(stage: Stage, *, actor) -> None:
    require(actor, "plans.manage_stages", stage.plan)
    audit.record(actor=actor, action=DELETE, instance=stage, before=audit.snapshot(stage),
                 scope=stage.plan.audit_scope)
    stage.delete()


# Goals and components --------------------------------------------------------------------

@transaction.atomic
def add_goal(plan: ActionPlan, *, actor, **fields) -> PolicyGoal:
    require(actor, "plans.change_plan", plan)
    return _save(PolicyGoal(plan=plan, **fields), actor=actor, scope=plan.audit_scope)


@transaction.atomic
def update_goal(goal: PolicyGoal, *, actor, **changes) -> PolicyGoal:
    require(actor, "plans.change_plan", goal.plan)
    _apply(goal, changes)
    return _save(goal, actor=actor, scope=goal.plan.audit_scope)


def _institution_ids(institutions):
    return sorted(institution.pk for institution in institutions)


@transaction.atomic
def add_component(goal: PolicyGoal, *, actor, leaders=(), secretariat=(), **fields) -> Component:
    require(actor, "plans.change_plan", goal.plan)
    component = _save(Component(goal=goal, **fields), actor=actor, scope=goal.plan.audit_scope,
                      also_after={"leaders": _institution_ids(leaders),
                                  "secretariat": _institution_ids(secretariat)})
    component.leaders.set(leaders)
    component.secretariat.set(secretariat)
    return component


@transaction.atomic
def update_component(component: Component, *, actor, **changes) -> Component:
    require(actor, "plans.change_component", component)
    _apply(component, changes)
    return _save(component, actor=actor, scope=component.goal.plan.audit_scope)


@transaction.atomic
def set_component_institutions(component: Component, *, actor, leaders, secretariat) -> None:
    # Who leads a component is the coordinator's choice, not the component's own.
    require(actor, "plans.change_plan", component.goal.plan)
    before = {"leaders": _institution_ids(component.leaders.all()),
              "secretariat": _institution_ids(component.secretariat.all())}
    component.leaders.set(leaders)
    component.secretariat.set(secretariat)
    audit.record(actor=actor, action=UPDATE, instance=component, before=before,
                 after={"leaders": _institution_ids(leaders),
                        "secretariat": _institution_ids(secretariat)},
                 scope=component.goal.plan.audit_scope)


# Roles -----------------------------------------------------------------------------------

COMPONENT_ROLES = {Role.COMPONENT_LEADER, Role.SECRETARIAT}


@transaction.atomic
def assign_role(plan: ActionPlan, user, role: str, *, actor, component=None) -> PlanRole:
    require(actor, "plans.assign_roles", plan)
    return _create_role(plan, user, role, actor=actor, component=component)


def _create_role(plan, user, role, *, actor, component):
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}."})
    if role in COMPONENT_ROLES and component is None:
        raise ValidationError({"component": "A component leader or secretariat member needs "
                                            "a component."})
    if component is not None and component.goal.plan_id != plan.pk:
        raise ValidationError({"component": "The component belongs to another plan."})
    existing = PlanRole.objects.filter(user=user, plan=plan, role=role,
                                       component=component).first()
    if existing:
        return existing
    plan_role = PlanRole.objects.create(user=user, plan=plan, role=role, component=component)
    audit.record(actor=actor, action=CREATE, instance=plan_role, scope=plan.audit_scope,
                 after={"user": user.pk, "role": role,
                        "component": component.pk if component else None},
                 personal_fields=("user",))
    return plan_role


@transaction.atomic
def revoke_role(plan_role: PlanRole, *, actor) -> None:
    require(actor, "plans.assign_roles", plan_role.plan)
    audit.record(actor=actor, action=DELETE, instance=plan_role, scope=plan_role.plan.audit_scope,
                 before={"user": plan_role.user_id, "role": plan_role.role,
                         "component": plan_role.component_id},
                 personal_fields=("user",))
    plan_role.delete()
