"""The offline sheet: download, fill, upload. Its layout and validation; a round trip;
every kind of mistake reported by its cell with nothing imported; hostile files."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from scoring_helpers import make_assessor, open_sheet, record_idea, submit

from bashke.assessment.models import Assessment
from bashke.assessment.services import offline_sheet
from bashke.assessment.services import scoring as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(plan, coordinator):
    return open_sheet(plan, coordinator)


@pytest.fixture
def ideas(plan, coordinator, component):
    return [record_idea(plan, coordinator, component, title)
            for title in ("First idea", "=HYPERLINK(\"http://evil\")")]


def download(sheet, user):
    return load_workbook(io.BytesIO(offline_sheet.build_workbook(sheet, user)))


def as_upload(book, name="sheet.xlsx"):
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def column_of(ws, key):
    for cell in ws[offline_sheet.KEY_ROW]:
        if cell.value == key:
            return cell.column
    raise KeyError(key)


def fill(ws, row, code, meets=None, score=None, evidence=None):
    first = column_of(ws, f"{code}:meets")
    for offset, value in enumerate((meets, score, evidence)):
        if value is not None:
            ws.cell(row=row, column=first + offset, value=value)


def test_the_layout(sheet, ideas, assessor):
    book = download(sheet, assessor)
    ws = book["Assessment"]
    assert ws.protection.sheet
    assert ws.row_dimensions[offline_sheet.KEY_ROW].hidden
    assert ws.column_dimensions["B"].hidden
    assert ws["A3"].value == "Idea no. (do not change)"
    keys = [cell.value for cell in ws[offline_sheet.KEY_ROW]]
    assert keys[:7] == ["idea", "version", "title", "component", "specific:meets",
                        "specific:score", "specific:evidence"]
    assert [ws.cell(row=row, column=1).value for row in (5, 6)] == [i.pk for i in ideas]
    # An idea's title that looks like a formula reaches the sheet as text.
    assert ws["C6"].value.startswith("'=HYPERLINK")
    validations = ws.data_validations.dataValidation
    kinds = {v.type: v for v in validations}
    assert kinds["list"].formula1 == '"Yes,Partly,No"'
    assert (kinds["whole"].formula1, kinds["whole"].formula2) == ("0", "3")
    assert "E5:E6" in str(kinds["list"].sqref) and "F5:F6" in str(kinds["whole"].sqref)
    assert not ws["F5"].protection.locked and ws["A5"].protection.locked
    assert "Criteria" in book.sheetnames


def test_a_round_trip(sheet, ideas, assessor):
    book = download(sheet, assessor)
    ws = book["Assessment"]
    fill(ws, 5, "specific", "Yes", 3, "Clear actions")
    fill(ws, 5, "measurable", "partly", 2, "=SUM(1,2) is just text here")
    fill(ws, 5, "other", None, None, "Costs little")
    assert offline_sheet.import_upload(sheet, actor=assessor, uploaded=as_upload(book)) == 1
    saved = Assessment.objects.get()
    assert saved.idea == ideas[0] and saved.submitted_at is None
    by_code = {s.criterion.code: (s.meets, s.score, s.evidence) for s in saved.scores.all()}
    assert by_code["specific"] == ("yes", 3, "Clear actions")
    assert by_code["measurable"] == ("partly", 2, "=SUM(1,2) is just text here")
    # Downloaded again: what was saved, the formula-like text made safe, the new version.
    again = download(sheet, assessor)["Assessment"]
    assert again.cell(row=5, column=column_of(again, "measurable:evidence")).value == (
        "'=SUM(1,2) is just text here")
    assert again["B5"].value == 1
    # …and uploaded again unchanged, it round-trips without gaining an apostrophe.
    offline_sheet.import_upload(sheet, actor=assessor, uploaded=as_upload(again.parent))
    assert Assessment.objects.get().scores.get(criterion__code="measurable").evidence == (
        "=SUM(1,2) is just text here")


def problems_of(sheet, user, book):
    with pytest.raises(ValidationError) as caught:
        offline_sheet.import_upload(sheet, actor=user, uploaded=as_upload(book))
    assert not Assessment.objects.exists(), "nothing is imported when anything is wrong"
    return caught.value.messages


def test_every_mistake_is_named_by_its_cell_and_nothing_is_imported(sheet, ideas, assessor):
    book = download(sheet, assessor)
    ws = book["Assessment"]
    fill(ws, 5, "specific", "Yes", 3)           # a good row: still not imported
    fill(ws, 6, "specific", "maybe", 5)
    fill(ws, 6, "measurable", None, "=1+1")
    messages = problems_of(sheet, assessor, book)
    assert "F6: Specific: score 5 is above the scale's highest, 3." in messages
    assert "E6: Specific: “maybe” is not an answer; choose yes, partly or no." in messages
    assert any(m.startswith("I6: a formula is not an answer") for m in messages)


def test_unknown_and_foreign_ideas(plan, coordinator, sheet, ideas, component):
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    foreign = record_idea(plan, coordinator, other, "Not theirs")
    person = make_assessor(plan, "a.assessor@example.org", component=component)
    book = download(sheet, person)
    ws = book["Assessment"]
    ws["A5"] = 999999
    fill(ws, 5, "specific", "Yes", 2)
    ws["A6"] = foreign.pk
    fill(ws, 6, "specific", "Yes", 2)
    messages = problems_of(sheet, person, book)
    assert "A5: idea no. 999999 is not one of the ideas you assess on this plan." in messages
    assert f"A6: idea no. {foreign.pk} is not one of the ideas you assess on this plan." in (
        messages)


def test_a_changed_layout(sheet, ideas, assessor):
    book = download(sheet, assessor)
    ws = book["Assessment"]
    ws.cell(row=offline_sheet.KEY_ROW, column=6, value="impact:score")
    fill(ws, 5, "specific", "Yes", 2)
    messages = problems_of(sheet, assessor, book)
    assert messages == ["F4: the column should be “specific:score”, not “impact:score”; the "
                        "sheet's layout was changed. Download it again."]
    ws.title = "Renamed"
    assert "no sheet named" in problems_of(sheet, assessor, book)[0]


def test_a_sheet_older_than_a_save_on_the_site_is_refused(sheet, ideas, assessor):
    book = download(sheet, assessor)
    services.save_assessment(ideas[0], actor=assessor, scores={"specific": {"score": 1}})
    fill(book["Assessment"], 5, "specific", "Yes", 3)
    with pytest.raises(ValidationError) as caught:
        offline_sheet.import_upload(sheet, actor=assessor, uploaded=as_upload(book))
    assert "B5: you saved your assessment of idea no." in caught.value.messages[0]
    assert Assessment.objects.get().total == 1


def test_a_submitted_row_cannot_change(sheet, ideas, assessor):
    submit(ideas[0], assessor, sheet, score=2)
    book = download(sheet, assessor)
    ws = book["Assessment"]
    assert ws["F5"].protection.locked
    fill(ws, 5, "specific", "Yes", 3)
    with pytest.raises(ValidationError, match="A5: you have submitted"):
        offline_sheet.import_upload(sheet, actor=assessor, uploaded=as_upload(book))


def test_an_empty_sheet_imports_nothing(sheet, ideas, assessor):
    with pytest.raises(ValidationError, match="no scores in it"):
        offline_sheet.import_upload(sheet, actor=assessor,
                                    uploaded=as_upload(download(sheet, assessor)))


def test_hostile_files(sheet, ideas, assessor):
    def refused(upload, match):
        with pytest.raises(ValidationError, match=match):
            offline_sheet.import_upload(sheet, actor=assessor, uploaded=upload)

    refused(SimpleUploadedFile("sheet.xlsx", b"not a zip at all"), "is not a Excel|damaged")
    refused(SimpleUploadedFile("sheet.csv", b"a,b"), "not an accepted kind")
    refused(SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04" + b"0" * (6 * 1024 * 1024)),
            "the limit is 5")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/huge.xml", b"0" * (150 * 1024 * 1024))
    refused(SimpleUploadedFile("sheet.xlsx", bomb.getvalue()), "would expand")
    laughs = io.BytesIO()
    with zipfile.ZipFile(laughs, "w") as archive:
        archive.writestr("xl/workbook.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    refused(SimpleUploadedFile("sheet.xlsx", laughs.getvalue()), "document type declaration")
    plain = Workbook()
    refused(as_upload(plain), "no sheet named")


def test_the_pages(plan, sheet, ideas, assessor, cso_member):
    client = Client()
    client.force_login(assessor)
    response = client.get(reverse("assessment:sheet_download", kwargs={"slug": plan.slug}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    fill(book["Assessment"], 5, "specific", "Yes", 9)
    upload_url = reverse("assessment:sheet_upload", kwargs={"slug": plan.slug})
    bad = client.post(upload_url, {"file": as_upload(book)})
    assert bad.status_code == 400
    assert "F5: Specific: score 9 is above the scale&#x27;s highest, 3." in bad.content.decode()
    fill(book["Assessment"], 5, "specific", "Yes", 2)
    good = client.post(upload_url, {"file": as_upload(book)}, follow=True)
    assert "1 assessment saved as a draft" in good.content.decode()
    outsider = Client()
    outsider.force_login(cso_member)
    assert outsider.get(reverse("assessment:sheet_download",
                                kwargs={"slug": plan.slug})).status_code == 403
