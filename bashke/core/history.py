"""The audit log told as sentences, in the reader's language.

An audit entry keeps field names and raw values (``{"end": ["2020-12-01", "2020-12-15"]}``)
because that is what a machine can compare. People read "End: 1 December 2020 → 15 December
2020", with the field's own label, the value as the page would show it, and the object's
name in the language of the page. This module turns one page of entries into such lines, in
a fixed number of queries: one per kind of object on the page, one per kind of related
object that a changed field points at.

It reads models through the app registry and never imports another app, so the history of
anything audited (plans, consultation, and the apps that come later) is told the same way.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from bashke.core.models import AuditEntry
from bashke.core.text import format_day, format_moment

LONG_TEXT = 160  # characters of a long text shown in a change; the rest is elided


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class HistoryLine:
    at: object  # aware datetime
    sentence: str
    changes: list[Change] = field(default_factory=list)
    note: str = ""


def describe(entries, actor_labels=None) -> list[HistoryLine]:
    """Lines for ``entries`` (one page); ``actor_labels`` maps actor ids to how the page
    names them ("the coordinator") — never their names."""
    entries = list(entries)
    actor_labels = actor_labels or {}
    objects = _objects_of(entries)
    related = _related_names(entries)
    return [_line(entry, objects, related, actor_labels) for entry in entries]


def _model(entry):
    try:
        return apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        return None


def _objects_of(entries):
    ids = defaultdict(set)
    for entry in entries:
        model = _model(entry)
        if model is not None:
            ids[model].add(entry.object_id)
    found = {}
    for model, keys in ids.items():
        pk = model._meta.pk
        try:
            wanted = [pk.to_python(key) for key in keys]
        except Exception:  # noqa: BLE001 — an id that no longer parses names nothing
            continue
        # Names may read a foreign key (a role names its component): joined, not queried.
        foreign_keys = [f.name for f in model._meta.concrete_fields if f.many_to_one]
        for obj in model._base_manager.select_related(*foreign_keys).filter(pk__in=wanted):
            found[(model._meta.label_lower, str(obj.pk))] = obj
    return found


def _model_field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 — a key that is not a field (a count, a list of names)
        return None


def _related_names(entries):
    """{(model label, id): name} for every foreign key value among the changes."""
    wanted = defaultdict(set)
    for entry in entries:
        model = _model(entry)
        for name, values in entry.public_changes().items():
            model_field = _model_field(model, name)
            if isinstance(model_field, models.ForeignKey):
                for value in values:
                    if value is not None:
                        wanted[model_field.related_model].add(value)
    names = {}
    for related_model, keys in wanted.items():
        for obj in related_model._base_manager.filter(pk__in=keys):
            names[(related_model._meta.label_lower, obj.pk)] = _name_of(obj) or str(obj)
    return names


def _name_of(obj) -> str:
    """The object's public name in the active language, or "" when it has none of its own."""
    describe_self = getattr(obj, "history_name", None)
    if callable(describe_self):
        return describe_self()
    bilingual = getattr(type(obj), "bilingual_fields", ())
    for candidate in ("title", "name"):
        if candidate in bilingual:
            return getattr(obj, candidate)
    return ""


def _line(entry, objects, related, actor_labels) -> HistoryLine:
    model = _model(entry)
    kind = capfirst(model._meta.verbose_name) if model is not None else entry.object_type
    obj = objects.get((entry.object_type, entry.object_id))
    name = _name_of(obj) if obj is not None else ""
    if not name and obj is None and model is not None and _titled(model):
        name = entry.object_repr  # deleted since: the name it had then
    who = actor_labels.get(entry.actor_id, "")
    changes = [
        Change(_label(model, key), _value(model, key, before, related),
               _value(model, key, after, related))
        for key, (before, after) in entry.public_changes().items()
    ]
    if entry.action == AuditEntry.Action.CREATE:
        # What was just created is told by its name; its every field would be noise.
        changes = []
    return HistoryLine(at=entry.at, sentence=_sentence(entry.action, kind, name, who),
                       changes=changes, note=entry.note)


def _titled(model) -> bool:
    bilingual = getattr(model, "bilingual_fields", ())
    return "title" in bilingual or "name" in bilingual or hasattr(model, "history_name")


def _sentence(action, kind, name, who) -> str:
    values = {"kind": kind, "name": name, "who": who}
    if action == AuditEntry.Action.CREATE:
        if name:
            return (_("%(kind)s “%(name)s” was added by %(who)s.") if who
                    else _("%(kind)s “%(name)s” was added.")) % values
        return (_("%(kind)s was added by %(who)s.") if who else _("%(kind)s was added.")) % values
    if action == AuditEntry.Action.DELETE:
        if name:
            return (_("%(kind)s “%(name)s” was removed by %(who)s.") if who
                    else _("%(kind)s “%(name)s” was removed.")) % values
        return (_("%(kind)s was removed by %(who)s.") if who
                else _("%(kind)s was removed.")) % values
    if name:
        return (_("%(kind)s “%(name)s” was changed by %(who)s.") if who
                else _("%(kind)s “%(name)s” was changed.")) % values
    return (_("%(kind)s was changed by %(who)s.") if who else _("%(kind)s was changed.")) % values


def _label(model, key) -> str:
    model_field = _model_field(model, key)
    if model_field is not None and hasattr(model_field, "verbose_name"):
        return capfirst(model_field.verbose_name)
    return capfirst(key.replace("_", " "))


def _value(model, key, value, related) -> str:
    if value is None or value == "" or value == []:
        return "—"
    model_field = _model_field(model, key)
    if isinstance(value, list):
        return ", ".join(_value(model, key, item, related) for item in value)
    if model_field is None:
        return _plain(value)
    if getattr(model_field, "choices", None):
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.DateTimeField):
        moment = parse_datetime(value) if isinstance(value, str) else None
        return format_moment(moment) if moment else _plain(value)
    if isinstance(model_field, models.DateField):
        day = parse_date(value) if isinstance(value, str) else None
        return format_day(day) if day else _plain(value)
    if isinstance(model_field, models.ForeignKey):
        label = model_field.related_model._meta.label_lower
        return related.get((label, value), f"#{value}")
    return _plain(value)


def _plain(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    text = str(value)
    return text if len(text) <= LONG_TEXT else text[:LONG_TEXT].rstrip() + "…"
