"""The audit log's one way in: services call :func:`record` inside their transaction."""

import contextvars
import datetime
import decimal
import uuid
from contextlib import contextmanager

from django.db import models
from django.utils import timezone

from bashke.core.models import AuditEntry


def snapshot(instance: models.Model, fields=None) -> dict:
    """The instance's concrete field values, as JSON-safe data, keyed by field name."""
    data = {}
    for field in instance._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.primary_key:
            continue
        data[field.name] = json_safe(field.value_from_object(instance))
    return data


def json_safe(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value


def diff(before: dict, after: dict) -> dict:
    keys = set(before) | set(after)
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(keys)
        if before.get(key) != after.get(key)
    }


def public_repr(instance) -> str:
    """How the object is named on public history pages. Objects whose ``str`` names a person
    define ``audit_repr`` to leave the person out."""
    describe = getattr(instance, "audit_repr", None)
    return describe() if callable(describe) else str(instance)


_dated = contextvars.ContextVar("audit_dated", default=None)


def _moment(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(9)))
    return value


@contextmanager
def dated(moment=None, *, scopes=None):
    """Entries recorded inside the block carry a moment of the past instead of now, for
    histories loaded after the fact such as the demo's past plans: ``moment`` for every
    entry, or ``scopes`` ({"plan:12": day}) for the entries of those scopes only. A date
    stands for nine in the morning of that day."""
    if scopes is not None:
        rule = {scope: _moment(day) for scope, day in scopes.items()}
    else:
        rule = {None: _moment(moment)}
    token = _dated.set(rule)
    try:
        yield
    finally:
        _dated.reset(token)


def _dated_moment(scope):
    rule = _dated.get()
    if not rule:
        return None
    return rule.get(None) or rule.get(scope)


def record(*, actor, action, instance, before=None, after=None, scope="", note="",
           personal_fields=()) -> AuditEntry | None:
    changes = diff(before or {}, after or {})
    if action == AuditEntry.Action.UPDATE and not changes and not note:
        return None  # a save that changed nothing is not a change worth a line
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        at=_dated_moment(scope) or timezone.now(),
        actor=user,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=public_repr(instance)[:300],
        scope=scope,
        changes=changes,
        personal_fields=list(personal_fields),
        note=note,
    )
