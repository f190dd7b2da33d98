"""The criteria sheet: created from the seed's defaults, shaped by the coordinators while it
is being prepared (criteria, weights, guidance, order, the score scale and the margin past
which assessors disagree), then opened for assessment and later closed.

Once opened the sheet is frozen: assessors have scored against it, and a changed weight or
scale would change the meaning of every score given. Every write locks the sheet row and
checks the version the person saw, so two coordinators editing at once cannot overwrite
each other: the second is told, and shown what the sheet now says.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bashke.assessment.criteria_defaults import DEFAULT_MARGIN, DEFAULT_SCALE, default_rows
from bashke.assessment.models import CriteriaSheet, Criterion, SheetStatus
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require

CREATE, UPDATE, DELETE = (AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE,
                          AuditEntry.Action.DELETE)
CRITERION_FIELDS = {"group_sq", "group_en", "title_sq", "title_en", "guidance_sq",
                    "guidance_en", "weight"}
# A scale of more than a hundred points is a typing mistake, not a scale.
HIGHEST_SCALE = 100
MAX_CRITERIA = 60


class Conflict(ValidationError):
    """Someone saved the same thing since the person loaded it. ``current`` is what is
    saved now, to show beside what they typed; nothing was overwritten."""

    def __init__(self, message, *, current):
        super().__init__(message, code="conflict")
        self.current = current


def _manage(actor, target):
    require(actor, "assessment.manage_criteria", target,
            _("Only the plan's coordinators can change its criteria sheet."))


def ensure_sheet(plan, *, actor=None) -> CriteriaSheet:
    """The plan's sheet, created from the seed's criteria if it has none yet (new plans
    get one when they are opened; older plans on first use). Not a choice anybody makes,
    so nothing is asked; its creation is in the plan's history all the same."""
    existing = CriteriaSheet.objects.filter(plan=plan).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            sheet = CriteriaSheet.objects.create(
                plan=plan, scale_min=DEFAULT_SCALE[0], scale_max=DEFAULT_SCALE[1],
                disagreement_margin=DEFAULT_MARGIN)
            Criterion.objects.bulk_create(Criterion(sheet=sheet, **row) for row in default_rows())
            audit.record(actor=actor, action=CREATE, instance=sheet,
                         after=audit.snapshot(sheet), scope=plan.audit_scope)
    except IntegrityError:  # created at the same moment by another request
        return CriteriaSheet.objects.get(plan=plan)
    return sheet


def _locked(sheet, version=None) -> CriteriaSheet:
    locked = (CriteriaSheet.objects.select_for_update(of=("self",)).select_related("plan")
              .get(pk=sheet.pk))
    if version is not None and int(version) != locked.version:
        raise Conflict(_("Someone else changed the criteria sheet after you opened it. "
                         "Nothing of yours was saved: here is the sheet as it is now."),
                       current=locked)
    return locked


def _check_preparing(sheet):
    if sheet.status != SheetStatus.PREPARING:
        raise ValidationError(_(
            "Assessment has opened: the criteria, weights and scale can no longer change, "
            "because assessors have scored against them."), code="frozen")


def _bump(sheet):
    sheet.version += 1
    sheet.save(update_fields=["version"])


@transaction.atomic
def update_sheet(sheet, *, actor, version=None, scale_min, scale_max,
                 disagreement_margin) -> CriteriaSheet:
    """The score scale and the disagreement margin."""
    _manage(actor, sheet)
    sheet = _locked(sheet, version)
    _check_preparing(sheet)
    errors = {}
    if scale_min is None or scale_min < 0:
        errors["scale_min"] = _("The lowest score cannot be below 0.")
    if scale_max is None or scale_max > HIGHEST_SCALE:
        errors["scale_max"] = _("The highest score can be at most %(limit)s.") % {
            "limit": HIGHEST_SCALE}
    elif scale_min is not None and scale_max <= scale_min:
        errors["scale_max"] = _("The highest score must be above the lowest, %(low)s.") % {
            "low": scale_min}
    margin = disagreement_margin
    if margin is None or margin < 0:
        errors["disagreement_margin"] = _("The margin cannot be negative.")
    elif not errors and margin > scale_max - scale_min:
        errors["disagreement_margin"] = _(
            "The margin is wider than the whole scale (%(low)s to %(high)s): no two "
            "assessors could ever disagree.") % {"low": scale_min, "high": scale_max}
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(sheet)
    sheet.scale_min, sheet.scale_max = scale_min, scale_max
    sheet.disagreement_margin = Decimal(margin)
    sheet.version += 1
    sheet.full_clean()
    sheet.save()
    audit.record(actor=actor, action=UPDATE, instance=sheet, before=before,
                 after=audit.snapshot(sheet), scope=sheet.plan.audit_scope)
    return sheet


def _unknown(fields):
    unknown = set(fields) - CRITERION_FIELDS
    if unknown:
        raise TypeError(f"unknown criterion fields: {', '.join(sorted(unknown))}")


def _clean_criterion(criterion):
    for field in ("group_sq", "group_en", "title_sq", "title_en", "guidance_sq",
                  "guidance_en"):
        setattr(criterion, field, (getattr(criterion, field) or "").strip())
    errors = {}
    if not (criterion.title_sq or criterion.title_en):
        errors["title_en"] = _("Give the criterion a title, in either language or both.")
    if criterion.weight is None or criterion.weight < 0:
        errors["weight"] = _("The weight cannot be negative; 0 means asked but not "
                             "counted.")
    elif criterion.weight > 100:
        errors["weight"] = _("The weight can be at most 100.")
    if errors:
        raise ValidationError(errors)
    # A criterion without a group of its own is a group of one, as most of the seed's are.
    criterion.group_sq = criterion.group_sq or criterion.title_sq
    criterion.group_en = criterion.group_en or criterion.title_en
    criterion.full_clean(exclude=["sheet", "code"])


def _new_code(sheet, criterion):
    base = slugify(criterion.title_en or criterion.title_sq)[:34] or "criterion"
    taken = set(sheet.criteria.values_list("code", flat=True))
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


@transaction.atomic
def add_criterion(sheet, *, actor, version=None, **fields) -> Criterion:
    _manage(actor, sheet)
    _unknown(fields)
    sheet = _locked(sheet, version)
    _check_preparing(sheet)
    if sheet.criteria.count() >= MAX_CRITERIA:
        raise ValidationError(_("A sheet can have at most %(limit)s criteria.")
                              % {"limit": MAX_CRITERIA})
    fields.setdefault("weight", Decimal("1"))
    criterion = Criterion(sheet=sheet, **fields)
    _clean_criterion(criterion)
    criterion.code = _new_code(sheet, criterion)
    criterion.position = (sheet.criteria.aggregate(last=Max("position"))["last"] or 0) + 1
    criterion.save()
    _bump(sheet)
    audit.record(actor=actor, action=CREATE, instance=criterion,
                 after=audit.snapshot(criterion), scope=sheet.plan.audit_scope)
    return criterion


@transaction.atomic
def update_criterion(criterion, *, actor, version=None, **fields) -> Criterion:
    _manage(actor, criterion)
    _unknown(fields)
    sheet = _locked(criterion.sheet, version)
    _check_preparing(sheet)
    criterion = Criterion.objects.get(pk=criterion.pk)
    before = audit.snapshot(criterion)
    for name, value in fields.items():
        setattr(criterion, name, value)
    _clean_criterion(criterion)
    criterion.save()
    _bump(sheet)
    audit.record(actor=actor, action=UPDATE, instance=criterion, before=before,
                 after=audit.snapshot(criterion), scope=sheet.plan.audit_scope)
    return criterion


@transaction.atomic
def remove_criterion(criterion, *, actor, version=None) -> None:
    _manage(actor, criterion)
    sheet = _locked(criterion.sheet, version)
    _check_preparing(sheet)
    audit.record(actor=actor, action=DELETE, instance=criterion,
                 before=audit.snapshot(criterion), scope=sheet.plan.audit_scope)
    criterion.delete()
    _renumber(sheet)
    _bump(sheet)


def _renumber(sheet, ordered=None):
    ordered = ordered if ordered is not None else list(sheet.criteria.order_by("position", "id"))
    for position, item in enumerate(ordered, 1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def move_criterion(criterion, *, actor, offset: int, version=None) -> Criterion:
    """One place up (``offset=-1``) or down (``+1``); at either end it stays."""
    _manage(actor, criterion)
    if offset not in (-1, 1):
        raise ValueError("offset is -1 or 1")
    sheet = _locked(criterion.sheet, version)
    _check_preparing(sheet)
    ordered = list(sheet.criteria.order_by("position", "id"))
    index = next(i for i, item in enumerate(ordered) if item.pk == criterion.pk)
    other = index + offset
    if 0 <= other < len(ordered):
        before = [item.code for item in ordered]
        ordered[index], ordered[other] = ordered[other], ordered[index]
        _renumber(sheet, ordered)
        _bump(sheet)
        audit.record(actor=actor, action=UPDATE, instance=sheet, before={"order": before},
                     after={"order": [item.code for item in ordered]},
                     scope=sheet.plan.audit_scope)
    return Criterion.objects.get(pk=criterion.pk)


@transaction.atomic
def open_assessment(sheet, *, actor, version=None) -> CriteriaSheet:
    _manage(actor, sheet)
    sheet = _locked(sheet, version)
    if sheet.status != SheetStatus.PREPARING:
        raise ValidationError(_("Assessment is already open or closed."))
    if not sheet.criteria.filter(weight__gt=0).exists():
        raise ValidationError(_("At least one criterion must count (a weight above 0) "
                                "before assessment opens."))
    return _set_status(sheet, SheetStatus.OPEN, actor=actor, at="opened_at")


@transaction.atomic
def close_assessment(sheet, *, actor, version=None) -> CriteriaSheet:
    """Ends scoring. Every assessor's submitted scores become public; drafts stay drafts
    and count for nothing."""
    _manage(actor, sheet)
    sheet = _locked(sheet, version)
    if sheet.status != SheetStatus.OPEN:
        raise ValidationError(_("Only an open assessment can be closed."))
    return _set_status(sheet, SheetStatus.CLOSED, actor=actor, at="closed_at")


def _set_status(sheet, status, *, actor, at):
    before = {"status": sheet.status}
    sheet.status = status
    setattr(sheet, at, timezone.now())
    sheet.version += 1
    sheet.save(update_fields=["status", at, "version"])
    audit.record(actor=actor, action=UPDATE, instance=sheet, before=before,
                 after={"status": status}, scope=sheet.plan.audit_scope)
    return sheet
