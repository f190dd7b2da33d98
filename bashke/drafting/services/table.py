"""Drafting the table: specific objectives and measures (activities in ``activities.py``).

Each write asks ``drafting.edit_table`` of the component the item belongs to, locks the
item's row and compares the version the person saw with the saved one: a difference is a
:class:`Conflict` carrying the saved item, never a silent overwrite. Numbers are not stored:
``position`` orders siblings and :mod:`bashke.drafting.tree` numbers them, so moving an item
renumbers the others.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.consultation.models.meetings import Meeting, MeetingStatus
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.drafting.models import Measure, Objective
from bashke.drafting.models.versions import is_approved
from bashke.plans.models import Component

CREATE, UPDATE, DELETE = (AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE,
                          AuditEntry.Action.DELETE)
OBJECTIVE_FIELDS = ["title_sq", "title_en", "description_sq", "description_en"]
MEASURE_TEXTS = ["problem", "status_quo", "description", "how_it_helps", "transparency",
                 "participation", "accountability", "technology", "additional_information"]
MEASURE_FIELDS = ["title_sq", "title_en", "ogp_id", "lead_institution",
                  *[f"{name}_{lang}" for name in MEASURE_TEXTS for lang in ("sq", "en")],
                  "other_government_actors", "civil_society_actors", "private_sector_actors",
                  "evidence_meeting"]
UP, DOWN = "up", "down"


class Conflict(Exception):
    """The item changed since the form was shown (its version moved on): ``saved`` is the
    item as it is now, to be shown beside what the person typed."""

    def __init__(self, saved):
        super().__init__(_("Someone else saved this item while you were editing it. Compare "
                           "the two versions below, then save again to keep yours."))
        self.saved = saved


# Shared by objectives, measures and activities ------------------------------------------------

def component_of(item) -> Component:
    """The component whose drafters may change ``item`` (an objective, measure, activity)."""
    if isinstance(item, Component):
        return item
    if isinstance(item, Objective):
        return item.component
    if isinstance(item, Measure):
        return item.objective.component
    return item.measure.objective.component


def require_drafting(actor, component) -> None:
    """Refuses unless ``actor`` may draft ``component``'s part of the table now; an approved
    plan refuses everyone, saying why."""
    plan = component.goal.plan
    if is_approved(plan):
        raise PermissionDenied(_("The plan has an approved version, so its table can no longer "
                                 "be changed."))
    require(actor, "drafting.edit_table", component,
            _("Only the plan's coordinators and the component's leaders and technical "
              "secretariat draft this part of the action plan."))


def unknown_fields(changes, known) -> None:
    unknown = set(changes) - set(known)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")


def check_version(item, expected_version) -> None:
    if expected_version is not None and int(expected_version) != item.version:
        raise Conflict(item)


def need_title(item) -> None:
    item.title_sq = (item.title_sq or "").strip()
    item.title_en = (item.title_en or "").strip()
    if not (item.title_sq or item.title_en):
        raise ValidationError({"title_sq": _("Give the title in at least one language.")})


def locked(model, item):
    return model.objects.select_for_update(of=("self",)).get(pk=item.pk)


def next_position(siblings) -> int:
    return (siblings.aggregate(top=Max("position"))["top"] or 0) + 1


def renumber(siblings) -> None:
    """Positions 1…n in the current order, so that moving by one is a swap of neighbours."""
    for index, item in enumerate(siblings.order_by("position", "id"), 1):
        if item.position != index:
            type(item).objects.filter(pk=item.pk).update(position=index)


def shift(item, siblings, direction) -> bool:
    """Swaps ``item`` with its neighbour above or below; False at either end."""
    if direction not in (UP, DOWN):
        raise ValidationError(_("Say whether to move the item up or down."))
    renumber(siblings)
    ordered = list(siblings.order_by("position", "id").values_list("pk", flat=True))
    index = ordered.index(item.pk)
    other = index - 1 if direction == UP else index + 1
    if other < 0 or other >= len(ordered):
        return False
    model = type(item)
    model.objects.filter(pk=ordered[other]).update(position=index + 1)
    model.objects.filter(pk=item.pk).update(position=other + 1)
    return True


def relocate(item, *, actor, parent_field, parent, target, direction, plan_of, component_of,
             other_plan_error):
    """Moves ``item`` (locked already) up or down among the children of ``parent``, or to the
    end of ``target``, another parent of the same plan that the person must draft too; the
    move is audited. The one way objectives, measures and activities move."""
    model = type(item)
    before = {parent_field: parent.pk, "position": item.position}
    siblings = model.objects.filter(**{parent_field: parent})
    if target is not None and target.pk != parent.pk:
        if plan_of(target).pk != plan_of(parent).pk:
            raise ValidationError({"to": other_plan_error})
        require_drafting(actor, component_of(target))
        setattr(item, parent_field, target)
        item.position = next_position(model.objects.filter(**{parent_field: target}))
        item.save(update_fields=[parent_field, "position"])
        renumber(siblings)
    elif not shift(item, siblings, direction):
        return item
    item.refresh_from_db()
    audit.record(actor=actor, action=UPDATE, instance=item, before=before,
                 after={parent_field: getattr(item, f"{parent_field}_id"),
                        "position": item.position},
                 scope=plan_of(parent).audit_scope)
    return item


def save_and_record(item, *, actor, before, plan, creating=False, extra_before=None,
                    extra_after=None):
    """Saves ``item`` with a new version and audits the change; a save that changes nothing
    keeps the version, so that it cannot make someone else's form stale."""
    after = {**audit.snapshot(item), **(extra_after or {})}
    after.pop("version", None)
    before = {**before, **(extra_before or {})}
    before.pop("version", None)
    if not creating:
        if after == before:
            return item
        item.version += 1
    item.save()
    audit.record(actor=actor, action=CREATE if creating else UPDATE, instance=item,
                 before=before, after=after, scope=plan.audit_scope)
    return item


# Specific objectives --------------------------------------------------------------------------

@transaction.atomic
def create_objective(component, *, actor, **fields) -> Objective:
    require_drafting(actor, component)
    unknown_fields(fields, OBJECTIVE_FIELDS)
    objective = Objective(component=component, **fields)
    need_title(objective)
    objective.position = next_position(Objective.objects.filter(component=component))
    objective.full_clean()
    return save_and_record(objective, actor=actor, before={}, plan=component.goal.plan,
                           creating=True)


@transaction.atomic
def update_objective(objective, *, actor, expected_version=None, **changes) -> Objective:
    component = objective.component
    require_drafting(actor, component)
    unknown_fields(changes, OBJECTIVE_FIELDS)
    objective = locked(Objective, objective)
    check_version(objective, expected_version)
    before = audit.snapshot(objective)
    for name, value in changes.items():
        setattr(objective, name, value)
    need_title(objective)
    objective.full_clean()
    return save_and_record(objective, actor=actor, before=before, plan=component.goal.plan)


@transaction.atomic
def delete_objective(objective, *, actor, expected_version=None) -> None:
    component = objective.component
    require_drafting(actor, component)
    objective = locked(Objective, objective)
    check_version(objective, expected_version)
    if objective.measures.exists():
        raise ValidationError(_("This objective still has measures: move or delete them "
                                "first."))
    audit.record(actor=actor, action=DELETE, instance=objective,
                 before=audit.snapshot(objective), scope=component.goal.plan.audit_scope)
    objective.delete()
    renumber(Objective.objects.filter(component=component))


@transaction.atomic
def move_objective(objective, *, actor, direction=None, to_component=None) -> Objective:
    """Up or down among the component's objectives, or to the end of another component of
    the same plan (which the person must draft too)."""
    component = objective.component
    require_drafting(actor, component)
    objective = locked(Objective, objective)
    return relocate(objective, actor=actor, parent_field="component", parent=component,
                    target=to_component, direction=direction,
                    plan_of=lambda c: c.goal.plan, component_of=lambda c: c,
                    other_plan_error=_("Choose a component of the same plan."))


# Measures -----------------------------------------------------------------------------------------

def held_meetings(plan):
    """Meetings of ``plan`` that can be the evidence of a choice: published and begun."""
    return (Meeting.objects.filter(plan=plan, status=MeetingStatus.PUBLISHED,
                                   starts_at__lte=timezone.now())
            .order_by("-starts_at", "-id"))


def _check_measure(measure, plan) -> None:
    meeting = measure.evidence_meeting
    if meeting is not None and not held_meetings(plan).filter(pk=meeting.pk).exists():
        raise ValidationError({"evidence_meeting": _(
            "Choose a meeting of this plan that has taken place.")})
    measure.ogp_id = (measure.ogp_id or "").strip().upper()


@transaction.atomic
def create_measure(objective, *, actor, **fields) -> Measure:
    component = objective.component
    require_drafting(actor, component)
    unknown_fields(fields, MEASURE_FIELDS)
    measure = Measure(objective=objective, **fields)
    need_title(measure)
    _check_measure(measure, component.goal.plan)
    measure.position = next_position(Measure.objects.filter(objective=objective))
    measure.full_clean()
    return save_and_record(measure, actor=actor, before={}, plan=component.goal.plan,
                           creating=True)


@transaction.atomic
def update_measure(measure, *, actor, expected_version=None, **changes) -> Measure:
    component = measure.objective.component
    require_drafting(actor, component)
    unknown_fields(changes, MEASURE_FIELDS)
    measure = locked(Measure, measure)
    check_version(measure, expected_version)
    before = audit.snapshot(measure)
    for name, value in changes.items():
        setattr(measure, name, value)
    need_title(measure)
    _check_measure(measure, component.goal.plan)
    measure.full_clean()
    return save_and_record(measure, actor=actor, before=before, plan=component.goal.plan)


@transaction.atomic
def delete_measure(measure, *, actor, expected_version=None) -> None:
    """Deletes the measure with its activities (each one audited)."""
    objective = measure.objective
    plan = objective.component.goal.plan
    require_drafting(actor, objective.component)
    measure = locked(Measure, measure)
    check_version(measure, expected_version)
    for activity in measure.activities.all():
        audit.record(actor=actor, action=DELETE, instance=activity,
                     before=audit.snapshot(activity), scope=plan.audit_scope)
        activity.delete()
    audit.record(actor=actor, action=DELETE, instance=measure, before=audit.snapshot(measure),
                 scope=plan.audit_scope)
    measure.delete()
    renumber(Measure.objects.filter(objective=objective))


@transaction.atomic
def move_measure(measure, *, actor, direction=None, to_objective=None) -> Measure:
    objective = measure.objective
    require_drafting(actor, objective.component)
    measure = locked(Measure, measure)
    return relocate(measure, actor=actor, parent_field="objective", parent=objective,
                    target=to_objective, direction=direction,
                    plan_of=lambda o: o.component.goal.plan, component_of=lambda o: o.component,
                    other_plan_error=_("Choose an objective of the same plan."))
