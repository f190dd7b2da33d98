"""Writing briefs, their documents and the examples library.

Each function checks the actor's permission (``actor=None`` is the system itself: demo
data, management commands), runs in one transaction and leaves an audit entry in the plan's
public history.
"""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.consultation.models import Brief, BriefDocument, BriefKind, Example
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.core.uploads import MB, check_upload

CREATE, UPDATE, DELETE = (AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE,
                          AuditEntry.Action.DELETE)
# A methodological package with annexes can be larger than a filled-in form.
MAX_DOCUMENT_BYTES = 20 * MB
BRIEF_FIELDS = {"component", "kind", "title_sq", "title_en", "body_sq", "body_en",
                "published", "order"}
EXAMPLE_FIELDS = {"slug", "country_code", "country_sq", "country_en", "place_sq", "place_en",
                  "period", "start_year", "end_year", "title_sq", "title_en", "summary_sq",
                  "summary_en", "theme", "source_url", "published"}


def _require(actor, permission, target=None):
    require(actor, permission, target, _("You may not change this."))


def _check_fields(fields, allowed):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")


def _brief_snapshot(brief):
    return audit.snapshot(brief, fields=BRIEF_FIELDS | {"plan", "sent_at"})


def _check_component(brief):
    if brief.component is not None and brief.component.goal.plan_id != brief.plan_id:
        raise ValidationError({"component": _("This component belongs to another plan.")})


# Briefs ----------------------------------------------------------------------------------

@transaction.atomic
def create_brief(plan, *, actor, **fields) -> Brief:
    _check_fields(fields, BRIEF_FIELDS)
    brief = Brief(plan=plan, **fields)
    _check_component(brief)
    _require(actor, "consultation.manage_brief", brief.component or plan)
    brief.full_clean()
    brief.save()
    audit.record(actor=actor, action=CREATE, instance=brief, after=_brief_snapshot(brief),
                 scope=plan.audit_scope)
    return brief


@transaction.atomic
def update_brief(brief, *, actor, **changes) -> Brief:
    _check_fields(changes, BRIEF_FIELDS)
    # Only the brief's row is locked: PostgreSQL cannot lock the outer side of a join.
    brief = Brief.objects.select_for_update(of=("self",)).select_related(
        "plan", "component").get(pk=brief.pk)
    _require(actor, "consultation.manage_brief", brief)
    before = _brief_snapshot(brief)
    for name, value in changes.items():
        setattr(brief, name, value)
    _check_component(brief)
    # Moving a brief is managing it in both places.
    _require(actor, "consultation.manage_brief", brief.component or brief.plan)
    brief.full_clean()
    brief.save()
    audit.record(actor=actor, action=UPDATE, instance=brief, before=before,
                 after=_brief_snapshot(brief), scope=brief.plan.audit_scope)
    return brief


def publish_brief(brief, *, actor, published=True) -> Brief:
    return update_brief(brief, actor=actor, published=published)


@transaction.atomic
def mark_package_sent(brief, *, actor, components, sent_at=None) -> Brief:
    """Records to which components' leaders the methodological package was sent."""
    brief = Brief.objects.select_for_update(of=("self",)).select_related("plan").get(
        pk=brief.pk)
    _require(actor, "consultation.send_package", brief.plan)
    if brief.kind != BriefKind.METHODOLOGY:
        raise ValidationError(_("Only a methodological package is sent to the component "
                                "leaders."))
    components = list(components)
    if any(c.goal.plan_id != brief.plan_id for c in components):
        raise ValidationError({"sent_to": _("Choose components of this plan.")})
    before = {"sent_to": sorted(brief.sent_to.values_list("pk", flat=True)),
              "sent_at": audit.json_safe(brief.sent_at)}
    brief.sent_at = (sent_at or timezone.now()) if components else None
    brief.save(update_fields=["sent_at", "updated_at"])
    brief.sent_to.set(components)
    audit.record(actor=actor, action=UPDATE, instance=brief, before=before,
                 after={"sent_to": sorted(c.pk for c in components),
                        "sent_at": audit.json_safe(brief.sent_at)},
                 scope=brief.plan.audit_scope)
    return brief


# Documents -------------------------------------------------------------------------------

def add_document(brief, *, actor, uploaded, title_sq="", title_en="") -> BriefDocument:
    """Checks the file (type by content, size, archive expansion), stores it under a name
    of our own and lists it with the brief. A refused file raises ValidationError keyed
    ``file``; nothing is stored then."""
    _require(actor, "consultation.manage_brief", brief)
    try:
        kind = check_upload(uploaded, max_bytes=MAX_DOCUMENT_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    document = BriefDocument(
        brief=brief, title_sq=title_sq.strip(), title_en=title_en.strip(), kind=kind.extension,
        size=uploaded.size, original_name=(uploaded.name or "")[-200:],
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None)
    document.full_clean(exclude=["file"])
    uploaded.seek(0)
    document.file.save("upload", uploaded, save=False)
    try:
        with transaction.atomic():
            document.full_clean()
            document.save()
            audit.record(actor=actor, action=CREATE, instance=document,
                         after={"brief": brief.pk, "title_sq": document.title_sq,
                                "title_en": document.title_en, "kind": document.kind,
                                "size": document.size, "original_name": document.original_name},
                         scope=brief.plan.audit_scope)
    except BaseException:
        # The row was not written: the stored file would belong to nothing.
        default_storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def remove_document(document, *, actor) -> None:
    brief = document.brief
    _require(actor, "consultation.manage_brief", brief)
    name = document.file.name
    audit.record(actor=actor, action=DELETE, instance=document,
                 before={"brief": brief.pk, "kind": document.kind,
                         "original_name": document.original_name},
                 scope=brief.plan.audit_scope)
    document.delete()
    # Only once the row is surely gone: a rolled-back removal must still have its file.
    transaction.on_commit(lambda: default_storage.delete(name))


# Examples --------------------------------------------------------------------------------

def _example_snapshot(example):
    return audit.snapshot(example, fields=EXAMPLE_FIELDS)


@transaction.atomic
def create_example(*, actor, **fields) -> Example:
    _require(actor, "consultation.manage_example")
    _check_fields(fields, EXAMPLE_FIELDS)
    example = Example(**fields)
    example.country_code = example.country_code.upper()
    example.full_clean()
    example.save()
    audit.record(actor=actor, action=CREATE, instance=example, after=_example_snapshot(example))
    return example


@transaction.atomic
def update_example(example, *, actor, **changes) -> Example:
    _require(actor, "consultation.manage_example")
    _check_fields(changes, EXAMPLE_FIELDS)
    example = Example.objects.select_for_update().get(pk=example.pk)
    before = _example_snapshot(example)
    for name, value in changes.items():
        setattr(example, name, value)
    example.country_code = example.country_code.upper()
    example.full_clean()
    example.save()
    audit.record(actor=actor, action=UPDATE, instance=example, before=before,
                 after=_example_snapshot(example))
    return example
