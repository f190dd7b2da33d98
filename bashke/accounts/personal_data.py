"""What the accounts app (and the audit log below it) holds about one person. The account
row itself is exported and erased by :mod:`bashke.accounts.privacy`; this module covers the
rest, like every other app's ``personal_data.py``."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models

from bashke.accounts.models import LoginFailure, User
from bashke.core.models import AuditEntry

HANDLES = {
    "core.AuditEntry.actor": "kept (the log is permanent); the actor shows as a former "
                             "participant and personal values about the account are erased",
    "admin.LogEntry.user": "kept (staff work in the admin); entries naming the account "
                           "lose the name",
}

ERASED = "[erased]"


def _entries_about(user):
    return AuditEntry.objects.filter(object_type=User._meta.label_lower,
                                     object_id=str(user.pk))


def _entry_rows(queryset, *, own):
    rows = list(queryset.order_by("at", "pk").values(
        "at", "action", "object_type", "object_id", "object_repr", "changes", "note",
        "personal_fields"))
    for row in rows:
        personal = row.pop("personal_fields") or []
        if not own:
            # What the person changed may include someone else's personal data (staff
            # editing an account): that is not theirs to download.
            row["changes"] = {field: values for field, values in row["changes"].items()
                              if field not in personal}
    return rows


def export(user) -> dict:
    organisation = user.organisation
    return {
        "organisation": None if organisation is None else {
            "name": organisation.name, "acronym": organisation.acronym,
            "sector": organisation.sector, "website": organisation.website},
        "failed_log_ins": list(LoginFailure.objects.filter(email=user.email)
                               .order_by("at").values("ip", "at")),
        "audit_entries_about_you": _entry_rows(_entries_about(user), own=True),
        "audit_entries_by_you": _entry_rows(
            AuditEntry.objects.filter(actor=user).exclude(
                object_type=User._meta.label_lower, object_id=str(user.pk)), own=False),
    }


def files(user):
    return ()


def _redacted(changes: dict, personal: list) -> dict:
    return {field: ([ERASED if value not in (None, "") else value for value in values]
                    if field in personal else values)
            for field, values in changes.items()}


def erase(user) -> dict:
    # The audit log is append-only for every change of the platform's data; erasing a
    # person's own data at their request is the one rewrite it allows: what changed and
    # when stays, the personal values (address, name, gender) become "[erased]". A base
    # QuerySet is used on purpose, past AuditEntry's refusal of updates.
    rows = models.QuerySet(model=AuditEntry).filter(
        object_type=User._meta.label_lower, object_id=str(user.pk))
    redacted = 0
    for pk, changes, personal in rows.values_list("pk", "changes", "personal_fields"):
        clean = _redacted(changes, personal)
        if clean != changes:
            models.QuerySet(model=AuditEntry).filter(pk=pk).update(changes=clean)
            redacted += 1
    user_type = ContentType.objects.get_for_model(User)
    admin_entries = LogEntry.objects.filter(content_type=user_type, object_id=str(user.pk))
    return {
        "audit_entries_redacted": redacted,
        "admin_entries_redacted": admin_entries.update(object_repr=f"user #{user.pk}"),
        "failed_log_ins": LoginFailure.objects.filter(email=user.email).delete()[0],
    }
