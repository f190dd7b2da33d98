"""The action plan table in Excel, checked with openpyxl: the same rows as the Word table,
the gap and every total as formulas, numbers and dates with their formats, the header
frozen, and the hidden ids and versions the import matches rows by."""

import datetime
from decimal import Decimal

import pytest
from exports_helpers import line_of, sheet_of

from bashke.exports import plan_xlsx, source

pytestmark = pytest.mark.django_db


def _sheet(plan, language="sq"):
    return sheet_of(plan_xlsx.build(source.source(plan, language=language)))


def test_cells_formulas_and_formats(plan, table):
    sheet = _sheet(plan)
    header = [sheet.cell(plan_xlsx.HEADER_ROW, c).value for c in range(1, 15)]
    assert header[:10] == ["Nr.", "Aktiviteti", "Institucionet përgjegjëse",
                           "Institucione të tjera përgjegjëse", "Afati i fillimit",
                           "Afati i mbarimit", "Kosto indikative (në mijë lekë)",
                           "Buxhet i Shtetit", "Financim i huaj", "Hendeku financiar"]
    assert header[12:] == ["id", "version"]
    assert sheet.freeze_panes == "A5"
    assert sheet.column_dimensions["M"].hidden and sheet.column_dimensions["N"].hidden
    second = table["activities"][1]
    row = line_of(sheet, f"activity:{second.pk}")
    assert [sheet.cell(row, c).value for c in range(1, 5)] == [
        "1.1.2", "Përgatitja e projektit", "ADISA", "MD; AKSHI"]
    assert sheet[f"E{row}"].value == datetime.datetime(2020, 7, 1)
    assert sheet[f"E{row}"].number_format == "d-mmm-yyyy"
    assert sheet[f"G{row}"].value == Decimal("2000.50") or sheet[f"G{row}"].value == 2000.5
    assert sheet[f"G{row}"].number_format == "#,##0.00"
    assert sheet[f"J{row}"].value == f'=IF(G{row}="","",G{row}-H{row}-I{row})'
    assert sheet[f"N{row}"].value == 1
    # The measure's total sums its activities; the objective's its measures' totals.
    total = line_of(sheet, f"total:measure:{table['measures'][0].pk}")
    first = line_of(sheet, f"activity:{table['activities'][0].pk}")
    assert sheet[f"G{total}"].value == f"=SUM(G{first}:G{total - 1})"
    assert sheet[f"J{total}"].value == f"=SUM(J{first}:J{total - 1})"
    other = line_of(sheet, f"total:measure:{table['measures'][1].pk}")
    objective = line_of(sheet, f"total:objective:{table['objectives'][0].pk}")
    assert sheet[f"H{objective}"].value == f"=SUM(H{total},H{other})"
    plan_total = line_of(sheet, "total:plan")
    assert sheet[f"A{plan_total}"].value == "Totali i planit"
    assert sheet[f"G{plan_total}"].value.startswith("=SUM(")
    # Goal, objective and measure rows span the table (merged cells).
    measure_line = line_of(sheet, f"measure:{table['measures'][0].pk}")
    assert f"B{measure_line}:L{measure_line}" in {str(r) for r in sheet.merged_cells.ranges}
    goal_line = line_of(sheet, f"goal:{plan.goals.get().pk}")
    assert f"A{goal_line}:L{goal_line}" in {str(r) for r in sheet.merged_cells.ranges}


def test_text_never_runs_as_a_formula(plan, table):
    sheet = _sheet(plan, "en")
    row = line_of(sheet, f"activity:{table['activities'][2].pk}")
    assert sheet[f"B{row}"].value == "'=Reconstruction works"
    assert sheet[f"B{row}"].data_type == "s"


def test_sums_of_many_cells_are_nested_within_excels_limit():
    cells = [f"G{n}" for n in range(1, 451)]
    formula = plan_xlsx.sum_of(cells)
    assert formula.startswith("=SUM(SUM(G1,") and formula.count("SUM(") == 4
    assert plan_xlsx.sum_of([]) == "=0"


def test_the_hidden_sheet_says_what_the_file_is(plan, table):
    import io

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(plan_xlsx.build(source.source(plan, language="en"))))
    meta = workbook[plan_xlsx.META_SHEET]
    assert meta.sheet_state == "hidden"
    values = {row[0].value: row[1].value for row in meta.iter_rows()}
    assert values["plan"] == plan.slug and values["language"] == "en"
    assert values["version"] == "draft" and values["format"] == plan_xlsx.FORMAT
