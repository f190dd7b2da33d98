"""The exports opened by a real office suite: LibreOffice, headless, converts the .docx
files to PDF (and to text, to read what it laid out) and the .xlsx to CSV, recalculating
every formula — the CSV's gaps and totals must be the expected numbers.

Marked ``browser`` so that it runs in the browser phase of `make test`, whose script
(scripts/test-browser) installs LibreOffice with scripts/ensure-libreoffice first.
"""

import csv
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from bashke.exports import commitment_docx, plan_docx, plan_xlsx, source

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# UTF-8 (76), comma-separated, raw values rather than as formatted: the numbers themselves.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false"


def convert(tmp_path, name, content, target):
    if SOFFICE is None:
        pytest.fail("LibreOffice (soffice) is missing: run scripts/ensure-libreoffice",
                    pytrace=False)
    given = tmp_path / name
    given.write_bytes(content)
    out = tmp_path / "out"
    # A profile of its own, so that a LibreOffice already running elsewhere does not
    # swallow the conversion.
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--norestore", "--convert-to", target, "--outdir", str(out), str(given)],
        capture_output=True, timeout=180, check=False)
    extension = target.split(":", 1)[0]
    converted = out / f"{given.stem}.{extension}"
    assert converted.exists(), (result.stdout, result.stderr)
    return converted.read_bytes()


def test_word_opens_the_table_and_lays_it_out(plan, table, tmp_path):
    content = plan_docx.build(source.source(plan, language="sq"))
    pdf = convert(tmp_path, "plan.docx", content, "pdf")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    text = convert(tmp_path, "again.docx", content, "txt:Text (encoded):UTF8").decode("utf-8")
    for expected in ("Kosto indikative (në mijë lekë)", "Hendeku financiar",
                     "OBJEKTIVI SPECIFIK: Rritja e aksesueshmërisë", "1-Jul-2020",
                     "Totali i planit", "6.400,50", "1.800,50"):
        assert expected in text


def test_the_commitment_template_opens(plan, table, tmp_path):
    found = source.source(plan, language="en")
    pdf = convert(tmp_path, "commitments.docx",
                  commitment_docx.build(found, found.table.measures()), "pdf")
    assert pdf.startswith(b"%PDF-")


def _rows(csv_bytes):
    return {row[12]: row for row in csv.reader(io.StringIO(csv_bytes.decode("utf-8")))
            if len(row) > 12 and row[12]}


def test_calc_recalculates_the_gap_and_the_totals(plan, table, tmp_path):
    content = plan_xlsx.build(source.source(plan, language="en"))
    rows = _rows(convert(tmp_path, "plan.xlsx", content, CSV_FILTER))
    first, second = table["activities"][:2]
    money = slice(6, 10)
    assert [float(v) for v in rows[f"activity:{second.pk}"][money]] == [2000.5, 1500, 500, 0.5]
    assert [float(v) for v in rows[f"total:measure:{table['measures'][0].pk}"][money]] == \
        [6000.5, 3500, 1000, 1500.5]
    assert [float(v) for v in rows["total:plan"][money]] == [6400.5, 3600, 1050, 1800.5]
    # The activity without a cost has no gap.
    assert rows[f"activity:{table['activities'][6].pk}"][9] == ""

    # A ministry changes a cost in its spreadsheet: the gap and every total follow.
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    line = next(r for r in range(1, sheet.max_row + 1)
                if sheet[f"M{r}"].value == f"activity:{first.pk}")
    sheet[f"G{line}"] = 1500
    changed = io.BytesIO()
    workbook.save(changed)
    rows = _rows(convert(tmp_path, "changed.xlsx", changed.getvalue(), CSV_FILTER))
    assert float(rows[f"activity:{first.pk}"][9]) == 500
    assert [float(v) for v in rows["total:plan"][money]] == [6900.5, 3600, 1050, 2300.5]
