"""What changed between two versions of the table: rows added, removed and changed, and for
each changed row every field with its old and new value — numbers that moved because rows
were added or moved, money, dates, institutions and texts.

Pure: it reads two :class:`bashke.drafting.tree.PlanTable` and touches no database. Rows are
matched by their key ("measure:12"), the item's id, which stays the same from one version
to the next whatever its number; values stay raw (Decimal, date, institution) for the page
and the API to write out.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from bashke.core.text import format_day, format_number
from bashke.drafting.tree import MEASURE_TEXTS, ActivityRow, InstitutionRef, MeasureRow

ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"

OBJECTIVE_FIELDS = ("number", "title_sq", "title_en", "description_sq", "description_en")
MEASURE_FIELDS = ("number", "title_sq", "title_en", "ogp_id", "lead_institution",
                  "other_government_actors", "civil_society_actors", "private_sector_actors",
                  *(f"{name}_{lang}" for name in MEASURE_TEXTS for lang in ("sq", "en")),
                  "evidence_meeting", "source_ideas")
ACTIVITY_FIELDS = ("number", "title_sq", "title_en", "responsible", "other_responsible",
                   "start", "end", "cost", "state_budget", "foreign_financing", "gap",
                   "indicator_sq", "indicator_en", "target_sq", "target_en", "source_ideas")
MONEY_FIELDS = ("cost", "state_budget", "foreign_financing", "gap")


@dataclass
class FieldChange:
    field: str
    old: object
    new: object


@dataclass
class RowChange:
    key: str            # "activity:40"
    kind: str           # objective, measure, activity
    status: str         # added, removed, changed, same
    old: object = None  # the row in the first version (None when added)
    new: object = None  # the row in the second version (None when removed)
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def item(self):
        return self.new if self.new is not None else self.old

    @property
    def number(self):
        return self.item.number


@dataclass
class Comparison:
    rows: list[RowChange]
    totals: list[FieldChange]  # the plan's money, first → second (only what changed)

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def added(self):
        return self.count(ADDED)

    @property
    def removed(self):
        return self.count(REMOVED)

    @property
    def changed(self):
        return self.count(CHANGED)

    @property
    def differences(self):
        """Every row that is not the same, in table order."""
        return [row for row in self.rows if row.status != SAME]


def _fields_of(item):
    if isinstance(item, ActivityRow):
        return ACTIVITY_FIELDS
    if isinstance(item, MeasureRow):
        return MEASURE_FIELDS
    return OBJECTIVE_FIELDS


def _comparable(value):
    """Institutions are the same when their id is; a list of them when its ids are."""
    if isinstance(value, InstitutionRef):
        return value.id
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return value


def value_of(item, name):
    if isinstance(item, MeasureRow) and name in item.texts:
        return item.texts[name]
    return getattr(item, name)


def field_changes(old, new) -> list[FieldChange]:
    changes = []
    for name in _fields_of(new):
        before, after = value_of(old, name), value_of(new, name)
        if _comparable(before) != _comparable(after):
            changes.append(FieldChange(name, before, after))
    return changes


def _ordered(first, second):
    """The second version's rows in its order, each removed row placed after the row that
    came before it in the first version (or first, when nothing did)."""
    first_rows, second_rows = dict(first.rows()), dict(second.rows())
    after = {}
    previous = None
    for key in first_rows:
        if key not in second_rows:
            after.setdefault(previous, []).append(key)
        else:
            previous = key
    keys = list(after.get(None, []))
    for key in second_rows:
        keys.append(key)
        keys.extend(after.get(key, []))
    return keys, first_rows, second_rows


def compare(first, second) -> Comparison:
    """Every row of either table, in order, with what happened to it from ``first`` to
    ``second``."""
    keys, first_rows, second_rows = _ordered(first, second)
    rows = []
    for key in keys:
        kind = key.split(":", 1)[0]
        old, new = first_rows.get(key), second_rows.get(key)
        if old is None:
            rows.append(RowChange(key, kind, ADDED, None, new))
        elif new is None:
            rows.append(RowChange(key, kind, REMOVED, old, None))
        else:
            changes = field_changes(old, new)
            rows.append(RowChange(key, kind, CHANGED if changes else SAME, old, new, changes))
    totals = [FieldChange(name, getattr(first.totals, name), getattr(second.totals, name))
              for name in MONEY_FIELDS
              if getattr(first.totals, name) != getattr(second.totals, name)]
    return Comparison(rows, totals)


# Writing a change out ------------------------------------------------------------------------

LABELS = {
    "number": _("number"), "title_sq": _("title (Albanian)"), "title_en": _("title (English)"),
    "description_sq": _("description (Albanian)"), "description_en": _("description (English)"),
    "ogp_id": _("OGP commitment ID"), "lead_institution": _("lead implementing institution"),
    "other_government_actors": _("other actors: government"),
    "civil_society_actors": _("other actors: civil society"),
    "private_sector_actors": _("other actors: private sector"),
    "evidence_meeting": _("meeting that selected it"), "source_ideas": _("ideas it came from"),
    "responsible": _("responsible institution"),
    "other_responsible": _("other responsible institutions"),
    "start": _("start"), "end": _("end"), "cost": _("indicative cost (thousand lek)"),
    "state_budget": _("state budget"), "foreign_financing": _("foreign financing"),
    "gap": _("financing gap"), "indicator_sq": _("indicator (Albanian)"),
    "indicator_en": _("indicator (English)"), "target_sq": _("target (Albanian)"),
    "target_en": _("target (English)"),
    "problem_sq": _("problem addressed (Albanian)"), "problem_en": _("problem addressed (English)"),
    "status_quo_sq": _("status quo (Albanian)"), "status_quo_en": _("status quo (English)"),
    "how_it_helps_sq": _("how it helps (Albanian)"), "how_it_helps_en": _("how it helps (English)"),
    "transparency_sq": _("relevance to transparency (Albanian)"),
    "transparency_en": _("relevance to transparency (English)"),
    "participation_sq": _("relevance to civic participation (Albanian)"),
    "participation_en": _("relevance to civic participation (English)"),
    "accountability_sq": _("relevance to public accountability (Albanian)"),
    "accountability_en": _("relevance to public accountability (English)"),
    "technology_sq": _("relevance to technology and innovation (Albanian)"),
    "technology_en": _("relevance to technology and innovation (English)"),
    "additional_information_sq": _("additional information (Albanian)"),
    "additional_information_en": _("additional information (English)"),
}


def label(name) -> str:
    return str(LABELS.get(name, name))


def amount(value) -> str:
    """Thousand lek as the reader writes numbers: "1.250,5" in Albanian, "1,250.5" in
    English."""
    return format_number(value)


def written(value) -> str:
    """A field's value as the page writes it; "—" for nothing."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, Decimal):
        return amount(value)
    if isinstance(value, datetime.date):
        return format_day(value)
    if isinstance(value, InstitutionRef):
        return value.short
    if isinstance(value, list):
        return ", ".join(written(item) for item in value)
    return str(value)
