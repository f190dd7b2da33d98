"""safe_cell: what an export writes is what a spreadsheet shows, never a formula it runs,
checked on real files read back with openpyxl and the csv module."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from bashke.core.spreadsheets import safe_cell, safe_row

HYPERLINK = '=HYPERLINK("http://evil.example","x")'
# (given, what the cell must hold afterwards)
HOSTILE = [
    ("\x01" + HYPERLINK, "'" + HYPERLINK),  # the writer would strip \x01 and leave "=…"
    ("\x00\x1f=1+1", "'=1+1"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=cmd|' /C calc'!A0", "'\r=cmd|' /C calc'!A0"),
    ("\n=1+1", "'\n=1+1"),
    (" =1+1", "' =1+1"),
    ("\u00a0=1+1", "'\u00a0=1+1"),
    ("=1+1", "'=1+1"),
    ("+1+2", "'+1+2"),
    ("-1+1", "'-1+1"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"),
]
HARMLESS = [("Plain text", "Plain text"), ("-5", "-5"), ("+3.5", "+3.5"), ("", ""),
            ("a = b", "a = b"), ("bad \x07 bell", "bad  bell"), ("ë ç", "ë ç")]


@pytest.mark.parametrize(("given", "expected"), HOSTILE + HARMLESS)
def test_text_is_defused_after_what_the_writer_strips(given, expected):
    assert safe_cell(given) == expected


@pytest.mark.parametrize("value", [-1, -2.5, 0, 7, None, True])
def test_values_that_are_not_text_stay_as_they_are(value):
    assert safe_cell(value) is value


def test_safe_row_defuses_each_cell():
    assert safe_row(["=1", -1, "ok"]) == ["'=1", -1, "ok"]


def rows():
    return [safe_row([given, -7, 3.25]) for given, _expected in HOSTILE + HARMLESS]


def test_an_xlsx_written_from_safe_cells_holds_no_formula():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Answers")
    for row in rows():
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    read = load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [cell for row in read.iter_rows() for cell in row]
    assert cells and all(cell.data_type != "f" for cell in cells)
    for (given, expected), row in zip(HOSTILE + HARMLESS, read.iter_rows(values_only=True),
                                      strict=True):
        text = row[0] if row[0] is not None else ""  # openpyxl reads an empty cell as None
        assert text == expected and not text.startswith("=")
        assert row[1:] == (-7, 3.25), given  # numbers stay numbers


def test_a_csv_written_from_safe_cells_starts_no_cell_with_a_formula():
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows())

    read = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert [row[0] for row in read] == [expected for _given, expected in HOSTILE + HARMLESS]
    for row in read:
        plain_number = row[0] in ("-5", "+3.5")
        assert plain_number or not row[0].lstrip().startswith(("=", "+", "-", "@"))
        assert row[1:] == ["-7", "3.25"]


def test_every_module_that_writes_a_spreadsheet_uses_safe_cell():
    """A new CSV or XLSX export must put its cells through safe_cell too."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "bashke"
    writers = []
    for path in package.rglob("*.py"):
        text = path.read_text()
        if "csv.writer" in text or "csv.DictWriter" in text or "Workbook(" in text:
            writers.append(path)
            assert "safe_cell" in text or "safe_row" in text, (
                f"{path.relative_to(package.parent)} writes a spreadsheet without safe_cell")
    assert writers  # the survey export at least
