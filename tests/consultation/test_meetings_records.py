"""After a meeting: attendance (rows, pasted lines, registered people), minutes, documents
and the ideas raised at it."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from meetings_helpers import at, held, schedule

from bashke.accounts.models import Organisation, Sector
from bashke.consultation.forms.meetings import parse_attendance_lines
from bashke.consultation.models import Channel, Idea
from bashke.consultation.models.meetings import Attendance, MeetingDocument
from bashke.consultation.services import meetings as services
from bashke.core.models import AuditEntry

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(plan, component, coordinator):
    return held(plan, coordinator, component=component)


def url(meeting, page=""):
    return meeting.get_absolute_url().replace("/sq/", "/en/") + page


# Pasted lines --------------------------------------------------------------------------

def test_parsing_understands_both_languages_and_matches_organisations(cso):
    Organisation.objects.create(name="Lëvizja Mjaft", acronym="MJAFT",
                                sector=Sector.CIVIL_SOCIETY)
    rows, problems = parse_attendance_lines(
        "Arta Hoxha; qendra për shoqëri të hapur; ; grua\n"
        "\n"
        "  Besnik Marku ; MJAFT ; Shoqëri civile ; M  \n"
        "Klea Shkreli\tUniversiteti i Shkodrës\tacademia\tfemale\n"
        "Drita Gjoni;;citizen;prefer not to say\n"
        "Ilir Dema; Bashkia; Qeveria;\n")
    assert problems == []
    assert [r["name"] for r in rows] == ["Arta Hoxha", "Besnik Marku", "Klea Shkreli",
                                         "Drita Gjoni", "Ilir Dema"]
    assert rows[0]["organisation"] == cso and rows[0]["organisation_name"] == ""
    assert rows[0]["sector"] == Sector.CIVIL_SOCIETY  # taken from the organisation
    assert rows[1]["organisation"].acronym == "MJAFT" and rows[1]["gender"] == "man"
    assert rows[2]["organisation"] is None
    assert rows[2]["organisation_name"] == "Universiteti i Shkodrës"
    assert (rows[2]["sector"], rows[2]["gender"]) == ("academia", "woman")
    assert (rows[3]["sector"], rows[3]["gender"]) == ("citizen", "")
    assert rows[4]["sector"] == "government"


def test_parsing_names_each_bad_line():
    rows, problems = parse_attendance_lines(
        "Good Person; Org; civil society; woman\n"
        "; Org without a name\n"
        "Too; many; parts; here; really\n"
        "Sector Person; Org; martians\n"
        "Gender Person; Org; citizen; 42\n"
        + "L" * 201 + "\n")
    assert [number for number, _m in problems] == [2, 3, 4, 5, 6]
    assert "name is missing" in problems[0][1]
    assert "more than four parts" in problems[1][1]
    assert "“martians” is not a sector" in problems[2][1]
    assert "“42” is not understood as a gender" in problems[3][1]
    assert len(rows) == 1


def test_a_paste_with_a_bad_line_saves_nothing_and_keeps_the_text(client_for, coordinator,
                                                                  meeting):
    text = "Arta Hoxha; Org; civil society; woman\nBesnik; Org; martians; man\n"
    response = client_for(coordinator).post(url(meeting, "attendance/"), {
        "action": "paste", "paste-lines": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Line 2: “martians” is not a sector." in page
    assert "Arta Hoxha; Org; civil society; woman" in page  # what was typed stays
    assert not Attendance.objects.exists()


def test_a_good_paste_is_saved_with_one_audit_entry_without_names(client_for, coordinator,
                                                                  meeting, client):
    text = "Arta Hoxha; Org A; civil society; woman\nBesnik Marku; Org B; government; man\n"
    response = client_for(coordinator).post(url(meeting, "attendance/"), {
        "action": "paste", "paste-lines": text}, follow=True)
    assert "2 people added to the attendance." in response.content.decode()
    assert Attendance.objects.filter(meeting=meeting).count() == 2
    entry = AuditEntry.objects.get(object_type="consultation.meeting", note__contains="added")
    assert entry.personal_fields == ["attendees"] and entry.scope == meeting.plan.audit_scope
    assert "attendees" not in entry.public_changes()
    history = client.get(f"/en/plans/{meeting.plan.slug}/history/").content.decode()
    assert "Arta Hoxha" not in history


def test_rows_form_all_or_nothing(client_for, coordinator, meeting):
    data = {"action": "rows", "people-TOTAL_FORMS": "3", "people-INITIAL_FORMS": "3",
            "people-MIN_NUM_FORMS": "0", "people-MAX_NUM_FORMS": "50",
            "people-0-name": "Arta Hoxha", "people-0-organisation_name": "Org",
            "people-0-sector": "civil_society", "people-0-gender": "woman",
            "people-1-name": "", "people-1-sector": "citizen",
            "people-2-name": ""}
    browser = client_for(coordinator)
    page = browser.post(url(meeting, "attendance/"), data).content.decode()
    assert "Give the person&#x27;s name, or clear the row." in page
    assert 'value="Arta Hoxha"' in page
    assert not Attendance.objects.exists()
    data["people-1-sector"] = ""
    data["people-0-sector"] = "no-such-sector"
    assert "Select a valid choice" in browser.post(url(meeting, "attendance/"),
                                                   data).content.decode()
    data["people-0-sector"] = "civil_society"
    response = browser.post(url(meeting, "attendance/"), data, follow=True)
    assert "1 person added to the attendance." in response.content.decode()
    person = Attendance.objects.get()
    assert (person.name, person.organisation_name, person.gender) == ("Arta Hoxha", "Org",
                                                                       "woman")


def test_registered_people_who_came(client_for, coordinator, plan, component, cso_member,
                                    citizen):
    cso_member.gender = "woman"
    cso_member.save()
    upcoming = schedule(plan, coordinator, component=component)
    services.register(upcoming, actor=cso_member)
    services.register(upcoming, actor=citizen)
    # The meeting takes place: moved to yesterday.
    upcoming.starts_at, upcoming.ends_at = at(-1, 10), at(-1, 12)
    upcoming.save()
    browser = client_for(coordinator)
    page = browser.get(url(upcoming, "attendance/")).content.decode()
    assert "NGO Member" in page and "Registered people who came" in page
    browser.post(url(upcoming, "attendance/"), {"action": "registered",
                                                "registered-people": [str(cso_member.pk)]})
    person = Attendance.objects.get()
    assert person.user == cso_member and person.organisation == cso_member.organisation
    assert (person.sector, person.gender) == ("civil_society", "woman")
    with pytest.raises(ValidationError) as excinfo:
        services.record_attendance(upcoming, actor=coordinator,
                                   rows=[{"user": cso_member, "name": "NGO Member"}])
    assert "already on the attendance list" in excinfo.value.messages[0]


def test_attendance_only_once_the_meeting_has_started(plan, coordinator):
    upcoming = schedule(plan, coordinator)
    with pytest.raises(ValidationError) as excinfo:
        services.record_attendance(upcoming, actor=coordinator, rows=[{"name": "Early"}])
    assert "has not started yet" in excinfo.value.messages[0]


def test_service_rows_are_all_or_nothing(coordinator, meeting):
    with pytest.raises(ValidationError) as excinfo:
        services.record_attendance(meeting, actor=coordinator, rows=[
            {"name": "Fine"}, {"name": ""}, {"name": "Bad", "gender": "robot"}])
    assert [m.split(":")[0] for m in excinfo.value.messages] == ["Row 2", "Row 3"]
    assert not Attendance.objects.exists()
    with pytest.raises(ValidationError):
        services.record_attendance(meeting, actor=coordinator, rows=[])


def test_removing_a_person(client_for, coordinator, meeting):
    (person,) = services.record_attendance(meeting, actor=coordinator,
                                           rows=[{"name": "Arta"}])
    browser = client_for(coordinator)
    assert browser.get(url(meeting, f"attendance/{person.pk}/remove/")).status_code == 405
    browser.post(url(meeting, f"attendance/{person.pk}/remove/"))
    assert not Attendance.objects.exists()


def test_citizens_cannot_record_attendance(citizen, meeting, client_for):
    with pytest.raises(PermissionDenied):
        services.record_attendance(meeting, actor=citizen, rows=[{"name": "Me"}])
    response = client_for(citizen).post(url(meeting, "attendance/"), {
        "action": "paste", "paste-lines": "Me"})
    assert response.status_code == 403 and not Attendance.objects.exists()


# Minutes -------------------------------------------------------------------------------

def test_minutes_are_markdown_light_and_sanitised(client_for, coordinator, meeting, client):
    browser = client_for(coordinator)
    browser.post(url(meeting, "minutes/"), {
        "minutes_sq": "", "minutes_en": "**Agreed**: publish the budget.\n\n"
                                        "<script>alert(1)</script> [site](javascript:x)"})
    page = client.get(url(meeting)).content.decode()
    assert "<strong>Agreed</strong>" in page
    assert "<script>alert(1)</script>" not in page and "javascript:x" not in page
    assert "&lt;script&gt;" in page


def test_minutes_wait_for_the_meeting(client_for, coordinator, plan):
    upcoming = schedule(plan, coordinator)
    response = client_for(coordinator).post(url(upcoming, "minutes/"), {
        "minutes_sq": "Shënime", "minutes_en": ""})
    assert "has not started yet" in response.content.decode()
    upcoming.refresh_from_db()
    assert upcoming.minutes_sq == ""


# Documents -----------------------------------------------------------------------------

def test_upload_and_download_a_document(client_for, coordinator, meeting, client):
    browser = client_for(coordinator)
    upload = SimpleUploadedFile("Procesverbali i takimit.pdf", PDF, "application/pdf")
    browser.post(url(meeting, "documents/"), {"title": "Minutes (signed)", "file": upload})
    document = MeetingDocument.objects.get()
    assert document.filename == "Procesverbali i takimit.pdf" and document.size == len(PDF)
    assert "Procesverbali" not in document.file.name  # stored under a random name
    response = client.get(url(meeting, f"documents/{document.pk}/"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Procesverbali" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    assert "Minutes (signed)" in client.get(url(meeting)).content.decode()


@pytest.mark.parametrize("name,content,message", [
    ("notes.txt", b"plain text", "not an accepted kind of file"),
    ("fake.pdf", b"MZ\x90\x00 executable", "is not a PDF file"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "damaged"),
    ("empty.pdf", b"", "is empty"),
])
def test_bad_files_are_refused_with_the_reason(client_for, coordinator, meeting, name,
                                               content, message):
    upload = SimpleUploadedFile(name, content)
    response = client_for(coordinator).post(url(meeting, "documents/"), {
        "title": "A document", "file": upload})
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert 'value="A document"' in page
    assert not MeetingDocument.objects.exists()


def test_a_zip_bomb_named_docx_is_refused(coordinator, meeting):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (50 * 1024 * 1024))
    upload = SimpleUploadedFile("bomb.docx", buffer.getvalue())
    with pytest.raises(ValidationError) as excinfo:
        services.add_document(meeting, actor=coordinator, uploaded=upload, title="Bomb")
    assert "would expand" in excinfo.value.message_dict["file"][0]


def test_documents_of_a_draft_are_hidden(client_for, coordinator, plan, client):
    draft = schedule(plan, coordinator, publish=False)
    document = services.add_document(draft, actor=coordinator, title="Draft agenda",
                                     uploaded=SimpleUploadedFile("a.pdf", PDF))
    assert client.get(url(draft, f"documents/{document.pk}/")).status_code == 404
    assert client_for(coordinator).get(url(draft, f"documents/{document.pk}/")) \
        .status_code == 200


def test_removing_a_document_is_audited(client_for, coordinator, meeting):
    document = services.add_document(meeting, actor=coordinator, title="Old",
                                     uploaded=SimpleUploadedFile("a.pdf", PDF))
    client_for(coordinator).post(url(meeting, f"documents/{document.pk}/remove/"))
    assert not MeetingDocument.objects.exists()
    assert AuditEntry.objects.filter(object_type="consultation.meetingdocument",
                                     action="delete").exists()


# Ideas raised --------------------------------------------------------------------------

def test_staff_record_an_idea_raised_at_the_meeting(client_for, coordinator, meeting, client):
    response = client_for(coordinator).post(url(meeting, "ideas/new/"), {
        "title": "Tabela për investimet", "language": "sq", "component": "",
        "overall_idea": "Një tabelë në çdo lagje.", "problem": "", "solution": "",
        "submitter_name": "Noemi Vata", "organisation": ""})
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.channel == Channel.MEETING and idea.meeting == meeting
    assert idea.recorded_by == coordinator and idea.submitter_name == "Noemi Vata"
    assert idea.component == meeting.component  # the meeting's component by default
    assert list(meeting.ideas.all()) == [idea]
    page = client.get(url(meeting)).content.decode()
    assert "Ideas raised at this meeting" in page and "Tabela për investimet" in page
    assert "Noemi Vata" not in page  # no consent to publish the name


def test_an_idea_form_with_errors_keeps_the_text(client_for, coordinator, meeting):
    response = client_for(coordinator).post(url(meeting, "ideas/new/"), {
        "title": "", "language": "sq", "overall_idea": "Kept text"})
    page = response.content.decode()
    assert response.status_code == 200 and "Kept text" in page
    assert not Idea.objects.exists()


def test_no_ideas_for_a_meeting_that_has_not_happened(coordinator, plan):
    upcoming = schedule(plan, coordinator)
    with pytest.raises(ValidationError):
        services.record_idea(upcoming, actor=coordinator,
                             answers={"title": "x", "overall_idea": "y"})
