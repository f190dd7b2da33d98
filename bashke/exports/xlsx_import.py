"""Importing a filled action-plan workbook back: the service behind ``exports.import_table``.

The file is read and every cell checked (``xlsx_read``), then each row is compared with the
item as it is now, shown in the file's language as the download showed it: only what
differs is a change. A row that differs from an item changed on the site since the file was
downloaded (the file recorded each item's version) is a conflict, listed with both values:
the file is never allowed to overwrite someone's later edit. Nothing is written unless the
whole file is valid and free of conflicts; then everything is written in one transaction,
each item's version goes up and every change is in the audit log.

The writes go through the drafting's own services (``update_objective``,
``update_measure``, ``update_activity``): the same checks, version comparison and audit
entries as its pages. A refusal there is reported by the cell it concerns and rolls the
whole import back.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from bashke.core.permissions import require
from bashke.core.text import active_content_language
from bashke.core.uploads import check_upload
from bashke.drafting import tree
from bashke.drafting.models import Activity, Measure, Objective
from bashke.drafting.services import activities as activity_services
from bashke.drafting.services import table as table_services
from bashke.exports import labels, xlsx_read
from bashke.exports.xlsx_cells import CellError
from bashke.exports.xlsx_read import L
from bashke.plans.models import Institution

MAX_BYTES = 5 * 1024 * 1024
MODELS = {"objective": Objective, "measure": Measure, "activity": Activity}
MONEY = ("cost", "state_budget", "foreign_financing")


def field_label(name):
    return {
        "title": _("title"), "responsible": _("responsible institution"),
        "other_responsible": _("other responsible institutions"), "start": _("start date"),
        "end": _("end date"), "cost": _("indicative cost"), "state_budget": _("state budget"),
        "foreign_financing": _("foreign financing"), "indicator": _("indicator"),
        "target": _("target"),
    }[name]


@dataclass
class Change:
    number: str
    kind: str
    field: str
    before: str
    after: str


@dataclass
class Conflict:
    number: str
    line: int
    fields: list = field(default_factory=list)  # (label, in the file, on the site now)


@dataclass
class Report:
    """What an import found: errors by cell, conflicts, and the changes (made, or that
    would be made)."""

    errors: list = field(default_factory=list)  # CellError
    conflicts: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    imported: bool = False

    @property
    def ok(self):
        return not self.errors and not self.conflicts


def _shown(value):
    """A value as the report shows it, in the reader's language."""
    if value is None:
        return "—"
    if hasattr(value, "isoformat"):
        return labels.day(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(value) or "—"
    if not isinstance(value, str):
        return labels.amount(value, active_content_language())
    return value or "—"


class Institutions:
    """Institutions by acronym or name, in either language, whatever the letter case."""

    def __init__(self):
        self.by_key, self.by_id = {}, {}
        for institution in Institution.objects.all():
            self.by_id[institution.pk] = institution
            for key in (institution.acronym, institution.name_sq, institution.name_en,
                        str(institution)):
                if key:
                    self.by_key.setdefault(" ".join(key.lower().split()), set()).add(
                        institution.pk)

    def instance(self, pk):
        return None if pk is None else self.by_id[pk]

    def find(self, cell, written):
        found = self.by_key.get(" ".join(written.lower().split()), set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise CellError(cell, _("“%(name)s” names more than one institution; write its "
                                    "full name.") % {"name": written})
        raise CellError(cell, _("no institution is called “%(name)s”. Write an institution's "
                                "name or acronym as the site lists it.") % {"name": written})


def _split(written):
    return [part.strip() for part in written.replace("\n", ";").split(";") if part.strip()]


def _current(item, kind):
    """An item of the live table as the file showed it (the active language's words)."""
    values = {"title": item.title}
    if kind == "activity":
        values.update({
            "responsible": item.responsible.short if item.responsible else "",
            "responsible_id": item.responsible.id if item.responsible else None,
            "other_responsible": [i.short for i in item.other_responsible],
            "other_ids": sorted(i.id for i in item.other_responsible),
            "start": item.start, "end": item.end, "indicator": item.indicator,
            "target": item.target, **{name: getattr(item, name) for name in MONEY}})
    return values


def _wanted(row, now, institutions, errors):
    """The row's fields that differ from ``now``: {field: (before, after, stored value)}."""
    wanted = {}
    values = row.values
    if values["title"] != now["title"]:
        wanted["title"] = (now["title"], values["title"], values["title"])
    if row.kind != "activity":
        return wanted
    for name in ("start", "end", "indicator", "target", *MONEY):
        if name in values and values[name] != now[name]:
            wanted[name] = (now[name], values[name], values[name])
    responsible = values.get("responsible")
    if responsible is not None and responsible != now["responsible"]:
        try:
            found = institutions.find(f"{L['responsible']}{row.line}", responsible) \
                if responsible else None
        except CellError as error:
            errors.append(error)
        else:
            if found != now["responsible_id"]:
                wanted["responsible"] = (now["responsible"], responsible, found)
    others = values.get("other_responsible")
    if others is not None and _split(others) != now["other_responsible"]:
        try:
            ids = sorted({institutions.find(f"{L['other_responsible']}{row.line}", name)
                          for name in _split(others)})
        except CellError as error:
            errors.append(error)
        else:
            if ids != now["other_ids"]:
                wanted["other_responsible"] = (now["other_responsible"], _split(others), ids)
    return wanted


@dataclass
class Write:
    kind: str
    item_id: int
    version: int
    line: int
    number: str
    fields: dict  # {column name: value to store (institution ids for institutions)}


def compare(plan, reading, institutions) -> tuple[Report, list[Write]]:
    """The report of a read file against the live table, and the writes it asks for."""
    report = Report(errors=list(reading.errors))
    live = dict(tree.build(plan).rows())
    writes = []
    for row in reading.rows:
        item = live.get(f"{row.kind}:{row.item_id}")
        if item is None:
            report.errors.append(CellError(f"{L['key']}{row.line}", _(
                "unknown row id “%(kind)s:%(id)s”: it is not an item of this plan (it may "
                "have been removed since the file was downloaded).") % {
                "kind": row.kind, "id": row.item_id}))
            continue
        with override(reading.language):
            now = _current(item, row.kind)
        wanted = _wanted(row, now, institutions, report.errors)
        if not wanted:
            continue
        if row.version != item.version:
            report.conflicts.append(Conflict(item.number, row.line, [
                (field_label(name), _shown(after), _shown(before))
                for name, (before, after, _stored) in wanted.items()]))
            continue
        for name, (before, after, _stored) in wanted.items():
            report.changes.append(Change(item.number, row.kind, field_label(name),
                                         _shown(before), _shown(after)))
        writes.append(Write(row.kind, row.item_id, row.version, row.line, item.number,
                            {name: stored for name, (_b, _a, stored) in wanted.items()}))
    return report, writes


def _column(name, language):
    """The model's field behind a column of the file."""
    return f"{name}_{language}" if name in ("title", "indicator", "target") else name


def _letter(field_name):
    name = field_name.removesuffix("_sq").removesuffix("_en")
    return L.get("activity" if name == "title" else name, "A")


UPDATES = {"objective": table_services.update_objective,
           "measure": table_services.update_measure,
           "activity": activity_services.update_activity}


def _write(write, language, institutions, actor, report):
    """One item through the drafting's own service (its checks, its audit entry); a refusal
    lands in ``report`` by cell."""
    item = MODELS[write.kind].objects.get(pk=write.item_id)
    changes = {}
    for name, value in write.fields.items():
        if name == "responsible":
            value = institutions.instance(value)
        elif name == "other_responsible":
            value = [institutions.instance(pk) for pk in value]
        changes[_column(name, language)] = value
    try:
        UPDATES[write.kind](item, actor=actor, expected_version=write.version, **changes)
    except table_services.Conflict:
        # Saved by someone else between the comparison and now.
        report.conflicts.append(Conflict(write.number, write.line, [
            (field_label(name), _shown(value), _("changed meanwhile"))
            for name, value in write.fields.items()]))
    except ValidationError as error:
        problems = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for field_name, messages in problems.items():
            for message in messages:
                report.errors.append(CellError(f"{_letter(field_name)}{write.line}", message))


def import_table(plan, uploaded, *, actor) -> Report:
    """Checks and imports ``uploaded``; returns the report. Raises ValidationError for a
    file that cannot be read as this plan's table at all, PermissionDenied for someone who
    may not import (and once the plan has an approved version)."""
    require(actor, "exports.import_table", plan,
            _("Only the plan's coordinators may import the table, and only until a version "
              "of the plan is approved."))
    check_upload(uploaded, allowed=("xlsx",), max_bytes=MAX_BYTES)
    try:
        reading = xlsx_read.read(plan, uploaded)
    except xlsx_read.FileRefused as refused:
        raise ValidationError(str(refused)) from None
    institutions = Institutions()
    report, writes = compare(plan, reading, institutions)
    if not report.ok or not writes:
        return report
    with transaction.atomic():
        for write in writes:
            _write(write, reading.language, institutions, actor, report)
        if not report.ok:
            # A refusal of one item leaves the whole file unimported.
            transaction.set_rollback(True)
            report.changes = []
            return report
    report.imported = True
    return report
