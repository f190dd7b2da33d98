"""Reading a filled action-plan workbook back (the layout ``plan_xlsx`` writes) into plain
rows, each cell checked: the file is ours and of this plan, the header is unchanged, every
row id is known, dates are dates inside the plan's period, amounts are numbers, not
negative, and the funding does not exceed the cost. Every problem is collected with the
cell it is in; nothing here writes.
"""

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
)
from openpyxl.utils.exceptions import InvalidFileException

from bashke.core.text import format_day
from bashke.exports import labels, plan_xlsx, xlsx_cells
from bashke.exports.xlsx_cells import CellError

L = plan_xlsx.LETTER
MAX_ROWS = 20_000
EDITABLE_KINDS = ("objective", "measure", "activity")


class FileRefused(ValueError):
    """The file as a whole cannot be read as this plan's table (wrong plan, not ours)."""


@dataclass
class Row:
    """One row of the file: its item, the version the file recorded, and what it says."""

    line: int
    kind: str
    item_id: int
    version: int | None
    values: dict = field(default_factory=dict)


@dataclass
class Reading:
    language: str
    rows: list[Row] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


class Cell:
    __slots__ = ("coordinate", "value")

    def __init__(self, coordinate, value):
        self.coordinate, self.value = coordinate, value


class Grid:
    """A sheet's values, read once (openpyxl's read-only mode: loading the merged cells
    and styles of a full workbook takes seconds at 1,000 activities), with the access
    the readers use: ``grid["G12"].value``, ``grid.cell(12, 7)``, ``grid.max_row``."""

    def __init__(self, sheet):
        # Every row as it is in the file, not as far as the size the file claims: some
        # programs write none, or a wrong one.
        sheet.reset_dimensions()
        self.rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        self.max_row = len(self.rows)

    def cell(self, row, column):
        values = self.rows[row - 1] if 0 < row <= self.max_row else ()
        value = values[column - 1] if 0 < column <= len(values) else None
        return Cell(f"{get_column_letter(column)}{row}", value)

    def __getitem__(self, coordinate):
        column, row = coordinate_from_string(coordinate)
        return self.cell(row, column_index_from_string(column))


def open_workbook(uploaded):
    uploaded.seek(0)
    try:
        # Formulas as written, not their cached results: see xlsx_cells.formula.
        return load_workbook(io.BytesIO(uploaded.read()), data_only=False, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError,
            TypeError):
        raise FileRefused(_("The file cannot be opened as an Excel workbook.")) from None


def _meta(workbook):
    if plan_xlsx.META_SHEET not in workbook.sheetnames:
        raise FileRefused(_("The file is not an action plan table downloaded from Bashkë "
                            "(its hidden sheet is missing). Download the table, fill it "
                            "in and upload that file."))
    sheet = workbook[plan_xlsx.META_SHEET]
    return {str(row[0]): row[1] for row in sheet.iter_rows(min_row=1, max_col=2,
                                                            values_only=True) if row[0]}


def _check_identity(meta, plan):
    if meta.get("format") != plan_xlsx.FORMAT:
        raise FileRefused(_("The file is not an action plan table downloaded from Bashkë, or "
                            "it comes from an older layout. Download the table again."))
    if meta.get("plan") != plan.slug:
        raise FileRefused(_("The file is the table of another plan (%(other)s), not of "
                            "this one.") % {"other": meta.get("plan")})
    if meta.get("language") not in labels.LANGUAGES:
        raise FileRefused(_("The file does not say its language. Download the table "
                            "again."))


def _check_header(sheet, language, errors):
    expected = plan_xlsx.header_names(language)
    for index, name in enumerate(expected, 1):
        cell = sheet.cell(plan_xlsx.HEADER_ROW, index)
        if xlsx_cells.text(cell.coordinate, cell.value) != name:
            errors.append(CellError(cell.coordinate, _(
                "the header reads “%(found)s” where the table has “%(expected)s”. Columns "
                "cannot be added, removed or moved: keep the layout of the downloaded "
                "table.") % {"found": cell.value or "", "expected": name}))


def _key(sheet, line):
    cell = sheet[f"{L['key']}{line}"]
    return cell.coordinate, xlsx_cells.text(cell.coordinate, cell.value)


def _version(sheet, line):
    coordinate = f"{L['version']}{line}"
    value = sheet[coordinate].value
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        raise CellError(coordinate, _("the hidden version “%(value)s” was changed; download "
                                      "the table again.") % {"value": value}) from None


def _title(sheet, line, kind, language):
    column = L["activity"]
    written = xlsx_cells.text(f"{column}{line}", sheet[f"{column}{line}"].value)
    if kind == "objective":
        prefix = labels.text(language, "objective", title="")
        if written.startswith(prefix):
            written = written[len(prefix):].strip()
    if not written:
        raise CellError(f"{column}{line}", _("the title is empty."))
    return written


def _activity_values(sheet, line, plan, errors):
    values = {}

    def read(column, reader, *extra):
        coordinate = f"{L[column]}{line}"
        try:
            values[column] = reader(coordinate, sheet[coordinate].value, *extra)
        except CellError as error:
            errors.append(error)

    for column in ("responsible", "other_responsible", "indicator", "target"):
        read(column, xlsx_cells.text)
    for column in ("start", "end"):
        read(column, xlsx_cells.date)
    for column in ("cost", "state_budget", "foreign_financing"):
        read(column, xlsx_cells.amount, sheet)
    _check_dates(values, line, plan, errors)
    _check_funding(values, line, errors)
    return values


def _check_dates(values, line, plan, errors):
    start, end = values.get("start"), values.get("end")
    outside = False
    for column, day in (("start", start), ("end", end)):
        if day is None:
            continue
        what = _("start date") if column == "start" else _("end date")
        coordinate = f"{L[column]}{line}"
        outside = outside or not plan.start <= day <= plan.end
        if day < plan.start:
            errors.append(CellError(coordinate, _(
                "%(what)s %(day)s is before the plan's start %(start)s.") % {
                "what": what, "day": day.isoformat(), "start": format_day(plan.start)}))
        elif day > plan.end:
            errors.append(CellError(coordinate, _(
                "%(what)s %(day)s is after the plan's end %(end)s.") % {
                "what": what, "day": day.isoformat(), "end": format_day(plan.end)}))
    if start and end and end < start and not outside:
        errors.append(CellError(f"{L['end']}{line}", _(
            "end date %(end)s is before the start date %(start)s.") % {
            "end": end.isoformat(), "start": start.isoformat()}))


def _check_funding(values, line, errors):
    cost = values.get("cost")
    state, foreign = values.get("state_budget"), values.get("foreign_financing")
    if cost is None or (state is None and foreign is None):
        return
    funded = (state or Decimal(0)) + (foreign or Decimal(0))
    if funded > cost:
        errors.append(CellError(f"{L['state_budget']}{line}", _(
            "the state budget and foreign financing (%(funded)s) are more than the "
            "indicative cost (%(cost)s).") % {"funded": funded, "cost": cost}))


def _row(sheet, line, plan, language, errors):
    """The row at ``line``, or None for a row that carries no item (totals, goals, blank)."""
    coordinate, key = _key(sheet, line)
    if not key:
        filled = any(sheet.cell(line, column).value not in (None, "")
                     for column in range(1, len(plan_xlsx.COLUMNS) - 1))
        if filled:
            errors.append(CellError(f"A{line}", _(
                "this row has no id in the hidden column %(column)s. New rows cannot be "
                "imported: add activities on the table page.") % {"column": L["key"]}))
        return None
    kind, _sep, rest = key.partition(":")
    if kind == "total" or kind == "goal":
        return None
    if kind not in EDITABLE_KINDS or not rest.isdigit():
        errors.append(CellError(coordinate, _("unknown row id “%(key)s”.") % {"key": key}))
        return None
    try:
        row = Row(line, kind, int(rest), _version(sheet, line))
        row.values["title"] = _title(sheet, line, kind, language)
    except CellError as error:
        errors.append(error)
        return None
    if kind == "activity":
        row.values.update(_activity_values(sheet, line, plan, errors))
    return row


def read(plan, uploaded) -> Reading:
    """Raises FileRefused for a file that is not this plan's table; else the rows read
    and every cell's problem."""
    workbook = open_workbook(uploaded)
    meta = _meta(workbook)
    _check_identity(meta, plan)
    reading = Reading(meta["language"])
    sheet = Grid(workbook.worksheets[0])
    workbook.close()
    _check_header(sheet, reading.language, reading.errors)
    if reading.errors:
        return reading  # another layout: its rows would be read in the wrong columns
    if sheet.max_row > MAX_ROWS:
        raise FileRefused(_("The file has %(rows)s rows; a plan's table has at most "
                            "%(limit)s.") % {"rows": sheet.max_row, "limit": MAX_ROWS})
    seen = {}
    for line in range(plan_xlsx.FIRST_ROW, sheet.max_row + 1):
        row = _row(sheet, line, plan, reading.language, reading.errors)
        if row is None:
            continue
        key = (row.kind, row.item_id)
        if key in seen:
            reading.errors.append(CellError(f"{L['key']}{line}", _(
                "the row id %(kind)s:%(id)s is also on row %(other)s; each item appears "
                "once.") % {"kind": row.kind, "id": row.item_id, "other": seen[key]}))
            continue
        seen[key] = line
        reading.rows.append(row)
    return reading
