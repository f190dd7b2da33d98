"""Importing the filled table back: each cell checked and reported by its address, nothing
imported unless everything is valid, changes written through the drafting's services (audit
entries, versions), conflicts with later edits listed, and only the coordinator may, until
the plan is approved."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from exports_helpers import line_of
from openpyxl import load_workbook

from bashke.core.models import AuditEntry
from bashke.drafting import tree
from bashke.drafting.models import Activity, Measure, PlanVersion, VersionStatus
from bashke.exports import plan_xlsx, source, xlsx_import

pytestmark = pytest.mark.django_db


def download(plan, language="en"):
    return load_workbook(io.BytesIO(plan_xlsx.build(source.source(plan, language=language))))


def upload(workbook, name="table.xlsx"):
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def edited(plan, edits, language="en"):
    """The downloaded table with ``edits`` {(key, column): value} made, as an upload."""
    workbook = download(plan, language)
    sheet = workbook.worksheets[0]
    for (key, column), value in edits.items():
        sheet[f"{column}{line_of(sheet, key)}"] = value
    return workbook


def run(plan, workbook, actor):
    return xlsx_import.import_table(plan, upload(workbook), actor=actor)


def test_the_file_as_downloaded_imports_as_no_change(plan, table, coordinator):
    report = run(plan, download(plan), coordinator)
    assert report.ok and report.changes == [] and not report.imported
    assert not AuditEntry.objects.filter(note__contains="xlsx").exists()


def test_changes_are_written_with_audit_entries_and_reported(plan, table, coordinator, adisa):
    first, second = table["activities"][:2]
    measure = table["measures"][0]
    workbook = edited(plan, {
        (f"activity:{first.pk}", "B"): "Finding accessible premises",
        (f"activity:{first.pk}", "F"): datetime.datetime(2021, 3, 31),
        (f"activity:{first.pk}", "G"): 1200,
        (f"activity:{first.pk}", "H"): "=G8-300",  # recomputed from the sheet
        (f"activity:{first.pk}", "C"): "ministry of justice",
        (f"activity:{first.pk}", "D"): "ADISA; AKSHI",
        (f"activity:{first.pk}", "K"): "Premises found",
        (f"activity:{second.pk}", "J"): 99999,  # the gap is derived: what the file says is ignored
        (f"measure:{measure.pk}", "B"): "New one-stop service centres",
    })
    sheet = workbook.worksheets[0]
    assert line_of(sheet, f"activity:{first.pk}") == 8
    report = run(plan, workbook, coordinator)
    assert report.ok and report.imported, (report.errors, report.conflicts)
    first.refresh_from_db()
    assert first.title_en == "Finding accessible premises" and first.title_sq == \
        "Identifikimi i ambjentit"
    assert first.end == datetime.date(2021, 3, 31)
    assert (first.cost, first.state_budget) == (Decimal("1200.00"), Decimal("900.00"))
    assert first.responsible.acronym == "MD"
    assert sorted(i.acronym for i in first.other_responsible.all()) == ["ADISA", "AKSHI"]
    assert first.indicator_en == "Premises found" and first.version == 2
    measure.refresh_from_db()
    assert measure.title_en == "New one-stop service centres" and measure.version == 2
    second.refresh_from_db()
    assert second.version == 1  # only its (derived) gap differed
    fields = {(c.number, c.field) for c in report.changes}
    assert ("1.1.1", "title") in fields and ("1.1", "title") in fields
    assert ("1.1.1", "state budget") in fields
    entries = AuditEntry.objects.filter(scope=plan.audit_scope, object_id=str(first.pk),
                                        object_type="drafting.activity")
    assert entries.count() == 1 and entries.get().actor == coordinator


def test_every_problem_is_reported_by_cell_and_nothing_is_imported(plan, table, coordinator):
    first, second, third = table["activities"][:3]
    workbook = edited(plan, {
        (f"activity:{first.pk}", "B"): "A new title that must not be saved",
        (f"activity:{first.pk}", "F"): datetime.datetime(2019, 5, 1),
        (f"activity:{second.pk}", "G"): -5,
        (f"activity:{second.pk}", "H"): "a lot",
        (f"activity:{third.pk}", "H"): 5000,
        (f"activity:{third.pk}", "I"): "=SUM(G1:G3)",
        (f"activity:{third.pk}", "C"): "Nobody",
    })
    sheet = workbook.worksheets[0]
    sheet[f"M{line_of(sheet, f'activity:{third.pk}') + 1}"] = "activity:999999"
    report = run(plan, workbook, coordinator)
    assert not report.ok and not report.imported
    messages = {error.cell: error.message for error in report.errors}
    f1 = line_of(sheet, f"activity:{first.pk}")
    assert messages[f"F{f1}"] == ("end date 2019-05-01 is before the plan's start 1 July "
                                  "2020.")
    l2 = line_of(sheet, f"activity:{second.pk}")
    assert "negative" in messages[f"G{l2}"]
    assert "“a lot” is text" in messages[f"H{l2}"]
    l3 = line_of(sheet, f"activity:{third.pk}")
    assert "cannot be read here" in messages[f"I{l3}"]
    assert "more than the indicative cost" in messages[f"H{l3}"] or f"I{l3}" in messages
    assert "no institution is called “Nobody”" in messages[f"C{l3}"]
    assert "unknown row id" in messages[f"M{l3 + 1}"] or "unknown row id" in messages.get(
        f"A{l3 + 1}", "unknown row id")
    first.refresh_from_db()
    assert first.title_en == "Finding premises" and first.version == 1


def test_funding_above_cost_and_an_end_before_the_start(plan, table, coordinator):
    first = table["activities"][0]
    workbook = edited(plan, {(f"activity:{first.pk}", "H"): 900,
                             (f"activity:{first.pk}", "I"): 200,
                             (f"activity:{first.pk}", "E"): "1-Jan-2022",
                             (f"activity:{first.pk}", "F"): "2021-12-31"})
    report = run(plan, workbook, coordinator)
    messages = {error.cell: error.message for error in report.errors}
    assert messages["H8"].startswith("the state budget and foreign financing (1100")
    assert messages["F8"] == "end date 2021-12-31 is before the start date 2022-01-01."


def test_a_changed_header_is_refused_before_any_row(plan, table, coordinator):
    workbook = edited(plan, {})
    workbook.worksheets[0]["G4"] = "Cost"
    report = run(plan, workbook, coordinator)
    assert [e.cell for e in report.errors] == ["G4"]
    assert "the header reads “Cost”" in report.errors[0].message


def test_an_item_changed_since_the_download_is_a_conflict(plan, table, coordinator):
    first = table["activities"][0]
    workbook = edited(plan, {(f"activity:{first.pk}", "B"): "My title"})
    Activity.objects.filter(pk=first.pk).update(title_en="Their title", version=2)
    report = run(plan, workbook, coordinator)
    assert not report.ok and report.conflicts[0].number == "1.1.1"
    assert report.conflicts[0].fields == [("title", "My title", "Their title")]
    first.refresh_from_db()
    assert first.title_en == "Their title"


def test_an_unchanged_row_of_an_item_changed_since_is_no_conflict(plan, table, coordinator):
    first, second = table["activities"][:2]
    workbook = edited(plan, {(f"activity:{second.pk}", "B"): "Preparing the design"})
    Measure.objects.filter(pk=table["measures"][1].pk).update(version=5)
    report = run(plan, workbook, coordinator)
    assert report.ok and report.imported
    assert [(c.number, c.field) for c in report.changes] == [("1.1.2", "title")]


def test_the_albanian_file_changes_the_albanian_titles(plan, table, coordinator):
    first = table["activities"][0]
    workbook = edited(plan, {(f"activity:{first.pk}", "B"): "Gjetja e ambjentit"}, "sq")
    assert run(plan, workbook, coordinator).imported
    first.refresh_from_db()
    assert (first.title_sq, first.title_en) == ("Gjetja e ambjentit", "Finding premises")


def test_only_the_coordinator_and_only_until_approval(plan, table, coordinator,
                                                      component_leader, citizen):
    for person in (component_leader, citizen):
        with pytest.raises(PermissionDenied):
            run(plan, download(plan), person)
    PlanVersion.objects.create(plan=plan, number=1, snapshot=tree.to_json(tree.build(plan)),
                               frozen_at=timezone.now(), status=VersionStatus.APPROVED)
    with pytest.raises(PermissionDenied):
        run(plan, download(plan), coordinator)


def test_a_file_that_is_not_this_plans_table_is_refused(plan, table, coordinator,
                                                        other_plan_coordinator):
    with pytest.raises(ValidationError, match="not an accepted kind of file"):
        xlsx_import.import_table(plan, SimpleUploadedFile("table.csv", b"a,b"),
                                 actor=coordinator)
    with pytest.raises(ValidationError, match="not a Excel|is damaged|not an? Excel"):
        xlsx_import.import_table(plan, SimpleUploadedFile("table.xlsx", b"PK\x03\x04junk"),
                                 actor=coordinator)
    from openpyxl import Workbook

    with pytest.raises(ValidationError, match="not an action plan table"):
        run(plan, Workbook(), coordinator)
    workbook = download(plan)
    workbook[plan_xlsx.META_SHEET]["B2"] = "another-plan"
    with pytest.raises(ValidationError, match="the table of another plan"):
        run(plan, workbook, coordinator)
