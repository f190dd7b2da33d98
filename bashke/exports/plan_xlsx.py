"""The action plan table as an Excel workbook a ministry can keep working in: the seed's
ten columns (then the indicator and target), the financing gap and every total as
formulas (``=IF(G6="","",G6-H6-I6)``, ``=SUM(G6:G9)``), amounts and dates as numbers and
dates with their formats, the header frozen and printed on every page.

Two hidden columns carry each row's item (``activity:12``) and the version of the item
when the file was written, and a hidden sheet says which plan, version and language the
file is of: ``xlsx_import`` reads the same layout back and tells a row changed in the file
from an item changed on the site since (a conflict).
"""

import datetime
import io

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from bashke.core.spreadsheets import safe_cell
from bashke.exports import labels
from bashke.plans.cycle import today

FORMAT = "bashke-action-plan/1"
META_SHEET = "bashke"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
# Columns A–J are the seed's; K, L the indicator and target; M, N hidden.
COLUMNS = (*labels.COLUMNS, "indicator", "target", "key", "version")
LETTER = {name: get_column_letter(index) for index, name in enumerate(COLUMNS, 1)}
WIDTHS = {"number": 8, "activity": 48, "responsible": 18, "other_responsible": 22,
          "start": 12, "end": 12, "cost": 14, "state_budget": 13, "foreign_financing": 13,
          "gap": 13, "indicator": 28, "target": 28, "key": 16, "version": 8}
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "d-mmm-yyyy"
MONEY = ("cost", "state_budget", "foreign_financing", "gap")
# Excel's SUM takes at most 255 arguments: longer lists are summed in nested groups.
SUM_ARGUMENTS = 200
FILLS = {kind: PatternFill("solid", fgColor=colour) for kind, colour in {
    "header": "D9E2F3", "goal": "B4C6E7", "objective": "DDEBF7", "measure": "F2F2F2",
    "total": "FFF2CC", "plan_total": "FFE699"}.items()}
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


def sum_of(cells):
    """``=SUM(…)`` of the given cell references, nested where they are many."""
    if not cells:
        return "=0"
    groups = [cells[i:i + SUM_ARGUMENTS] for i in range(0, len(cells), SUM_ARGUMENTS)]
    if len(groups) == 1:
        return f"=SUM({','.join(cells)})"
    return "=SUM(" + ",".join(f"SUM({','.join(group)})" for group in groups) + ")"


def gap_formula(row):
    g, h, i = (f"{LETTER[c]}{row}" for c in ("cost", "state_budget", "foreign_financing"))
    return f'=IF({g}="","",{g}-{h}-{i})'


class Writer:
    """Writes rows from ``FIRST_ROW`` down. Cells take named styles, registered once per
    workbook: setting a border, a fill and a font on each of 15,000 cells one by one is
    what makes openpyxl slow, a named style is one assignment."""

    def __init__(self, sheet, language):
        self.sheet, self.language, self.row = sheet, language, FIRST_ROW
        self.styles = set()

    def style(self, kind, number_format):
        name = f"bashke-{kind or 'plain'}-{number_format or 'text'}"
        if name not in self.styles:
            style = NamedStyle(name=name, border=BORDER, alignment=WRAP,
                               number_format=number_format or "General")
            if kind:
                style.font, style.fill = BOLD, FILLS[kind]
            self.sheet.parent.add_named_style(style)
            self.styles.add(name)
        return name

    def put(self, column, value, *, number_format=None, kind=None, formula=False):
        # Our own formulas go in as formulas; everything else, the people's text included,
        # goes through safe_cell so that it can never run as one.
        cell = self.sheet.cell(self.row, COLUMNS.index(column) + 1,
                               value if formula else safe_cell(value))
        cell.style = self.style(kind, number_format)
        return cell

    def merge(self, first, last):
        # Added to the sheet's ranges directly: merge_cells() would also turn each covered
        # cell into a styled MergedCell, slow at this size, and they are empty anyway.
        self.sheet.merged_cells.add(CellRange(f"{LETTER[first]}{self.row}:"
                                              f"{LETTER[last]}{self.row}"))

    def keyed(self, key, version=""):
        self.put("key", key)
        self.put("version", version)

    def spanning(self, kind, number, title, key, version):
        first = "number" if kind == "goal" else "activity"
        if kind != "goal":
            self.put("number", number, kind=kind)
        self.put(first, title, kind=kind)
        self.merge(first, "target")
        self.keyed(key, version)
        self.row += 1

    def activity(self, activity):
        put = self.put
        put("number", activity.number)
        put("activity", activity.title)
        put("responsible", activity.responsible.short if activity.responsible else "")
        put("other_responsible", "; ".join(i.short for i in activity.other_responsible))
        put("start", activity.start, number_format=DATE_FORMAT)
        put("end", activity.end, number_format=DATE_FORMAT)
        for column in MONEY[:3]:
            put(column, getattr(activity, column), number_format=MONEY_FORMAT)
        put("gap", gap_formula(self.row), number_format=MONEY_FORMAT, formula=True)
        put("indicator", activity.indicator)
        put("target", activity.target)
        self.keyed(f"activity:{activity.id}", activity.version)
        self.row += 1

    def total(self, label, key, formulas, kind):
        """A totals row; ``formulas(column)`` gives each money column's formula."""
        self.put("number", label, kind=kind)
        self.merge("number", "end")
        for column in MONEY:
            self.put(column, formulas(column), number_format=MONEY_FORMAT, kind=kind,
                     formula=True)
        for column in ("indicator", "target"):
            self.put(column, None, kind=kind)
        self.keyed(key)
        row, self.row = self.row, self.row + 1
        return row


def _write_table(writer, table):
    word = lambda key, **values: labels.text(writer.language, key, **values)  # noqa: E731
    goal_rows = []
    for goal in table.goals:
        writer.spanning("goal", "", word("goal", title=goal.title), f"goal:{goal.id}", "")
        objective_rows = []
        for objective in goal.objectives:
            writer.spanning("objective", objective.number,
                            word("objective", title=objective.title),
                            f"objective:{objective.id}", objective.version)
            measure_rows = []
            for measure in objective.measures:
                writer.spanning("measure", measure.number, measure.title,
                                f"measure:{measure.id}", measure.version)
                first = writer.row
                for activity in measure.activities:
                    writer.activity(activity)
                last = writer.row - 1
                measure_rows.append(writer.total(
                    word("measure_total", number=measure.number), f"total:measure:{measure.id}",
                    lambda c, first=first, last=last: (
                        f"=SUM({LETTER[c]}{first}:{LETTER[c]}{last})" if last >= first
                        else "=0"), "total"))
            objective_rows.append(writer.total(
                word("objective_total", number=objective.number),
                f"total:objective:{objective.id}",
                lambda c, rows=measure_rows: sum_of([f"{LETTER[c]}{r}" for r in rows]),
                "total"))
        goal_rows.append(writer.total(
            word("goal_total", numeral=goal.numeral), f"total:goal:{goal.id}",
            lambda c, rows=objective_rows: sum_of([f"{LETTER[c]}{r}" for r in rows]),
            "total"))
    writer.total(word("plan_total"), "total:plan",
                 lambda c: sum_of([f"{LETTER[c]}{r}" for r in goal_rows]), "plan_total")


def _header(sheet, source):
    language, table = source.language, source.table
    sheet["A1"] = labels.text(language, "title", period=labels.period(table))
    sheet["A1"].font = Font(bold=True, size=13)
    stamp = (labels.text(language, "version", number=source.version.number)
             if source.version else labels.text(language, "draft", day=labels.day(today())))
    sheet["A2"] = safe_cell(f"{source.plan.title} — {stamp}")
    sheet["A3"] = labels.text(language, "xlsx_note")
    sheet["A3"].font = Font(italic=True)
    for index, name in enumerate(header_names(language), 1):
        cell = sheet.cell(HEADER_ROW, index, name)
        cell.font, cell.fill, cell.border = BOLD, FILLS["header"], BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _meta(workbook, source):
    meta = workbook.create_sheet(META_SHEET)
    rows = [("format", FORMAT), ("plan", source.plan.slug), ("plan_id", source.plan.pk),
            ("language", source.language),
            ("version", source.version.number if source.version else "draft"),
            ("written", datetime.date.today().isoformat())]
    for row in rows:
        meta.append(list(row))
    meta.sheet_state = "hidden"


def header_names(language):
    """The header row as written (the import checks it is unchanged)."""
    return [*labels.headers(language), labels.text(language, "indicator"),
            labels.text(language, "target"), "id", "version"]


def build(source) -> bytes:
    with translation.override(source.language):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = labels.text(source.language, "sheet")
        _header(sheet, source)
        _write_table(Writer(sheet, source.language), source.table)
        for name, width in WIDTHS.items():
            sheet.column_dimensions[LETTER[name]].width = width
        for name in ("key", "version"):
            sheet.column_dimensions[LETTER[name]].hidden = True
        sheet.freeze_panes = f"A{FIRST_ROW}"
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        _meta(workbook, source)
        # Excel and LibreOffice compute the formulas when they open the file.
        workbook.calculation.fullCalcOnLoad = True
        workbook.properties.title = source.plan.title
        workbook.properties.identifier = source.filename("action-plan", "xlsx")
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
