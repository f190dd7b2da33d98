"""Download my data, delete my account: every reference to a person is covered."""

import datetime
import io
import json
import zipfile

import pytest
from accounts_helpers import assert_well_formed_page
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bashke.accounts import privacy, services
from bashke.accounts.models import Gender, Sector, User
from bashke.api.models import ApiToken, hash_token, new_token
from bashke.consultation.models import (
    Comment,
    Follow,
    Idea,
    IdeaDraft,
    IdeaRevision,
    NotificationSettings,
    Statement,
    Support,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    Vote,
)
from bashke.consultation.models.meetings import (
    Attendance,
    Meeting,
    MeetingDocument,
    MeetingRegistration,
)
from bashke.consultation.models.wordform import PendingWordForm
from bashke.core.models import AuditEntry
from bashke.plans.models import PlanRole, Role

from personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


# Coverage of the model graph ---------------------------------------------------------------

def references_to_people():
    """"app.Model.field" for every foreign key, one-to-one or many-to-many to the user."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (getattr(field, "concrete", False) and field.is_relation
                    and field.related_model is user_model):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_reference_to_a_person_is_declared_by_a_personal_data_module():
    handled = privacy.handled_references()
    missing = references_to_people() - handled
    assert not missing, (
        f"No app's personal_data.py says what happens to {sorted(missing)} when a person "
        "downloads their data or deletes their account: add it to that app's HANDLES, "
        "with export() and erase() covering it.")


def test_no_module_declares_a_reference_that_does_not_exist():
    assert privacy.handled_references() - references_to_people() == set()


def test_every_app_module_has_the_whole_interface():
    labels = []
    for label, module in privacy.personal_data_modules():
        labels.append(label)
        for name in ("HANDLES", "export", "files", "erase"):
            assert hasattr(module, name), f"{label}.personal_data has no {name}"
    assert {"accounts", "plans", "consultation", "api"} <= set(labels)


# A person with something everywhere -----------------------------------------------------

@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def build_person(plan, *, email="ana@example.org", ideas=1, organisation=None):
    person = make_user(email, "Ana Hoxha", organisation=organisation,
                       gender=Gender.WOMAN, sector=Sector.CIVIL_SOCIETY)
    services.update_profile(person, actor=person, display_name="Ana B. Hoxha")
    now = timezone.now()
    statement = Statement.objects.create(plan=plan, text="Open budgets", author=person,
                                         approved=True)
    meeting = Meeting.objects.create(plan=plan, title_sq="Takim", place="Tirana", starts_at=now,
                                     ends_at=now + datetime.timedelta(hours=2))
    survey = Survey.objects.create(plan=plan, title_sq="Sondazh", opens_at=now,
                                   closes_at=now + datetime.timedelta(days=3))
    question = SurveyQuestion.objects.create(survey=survey, kind="text", text_sq="Pse?",
                                             text_en="Why?")
    for number in range(ideas):
        idea = Idea.objects.create(plan=plan, title=f"Idea {number}",
                                   overall_idea="Publish the registers", author=person,
                                   publish_name=True)
        IdeaRevision.objects.create(idea=idea, number=1, editor=person,
                                    answers={"title": "First title"})
        Comment.objects.create(idea=idea, author=person, body=f"My comment {number}")
        Support.objects.create(idea=idea, user=person)
        Follow.objects.create(idea=idea, user=person)
    Vote.objects.create(statement=statement, user=person, choice=1)
    IdeaDraft.objects.create(user=person, plan=plan, data={"title": "Unsent"})
    NotificationSettings.objects.create(user=person)
    response = SurveyResponse.objects.create(survey=survey, user=person)
    SurveyAnswer.objects.create(response=response, question=question, text="Because")
    MeetingRegistration.objects.create(meeting=meeting, user=person)
    Attendance.objects.create(meeting=meeting, user=person, name="Ana B. Hoxha",
                              gender=Gender.WOMAN, sector=Sector.CIVIL_SOCIETY)
    PendingWordForm.objects.create(plan=plan, uploaded_by=person, file_name="ide.docx",
                                   parsed={"title": "From Word"})
    document = MeetingDocument(meeting=meeting, title="Slides", filename="slides.pdf",
                               content_type="application/pdf", size=4, uploaded_by=person)
    document.file.save("slides.pdf", ContentFile(b"%PDF"), save=False)
    document.save()
    token = new_token()
    ApiToken.objects.create(user=person, name="sync", prefix=token[:11],
                            token_hash=hash_token(token))
    PlanRole.objects.create(user=person, plan=plan, role=Role.MODERATOR)
    return person


def download(person):
    client = Client()
    client.force_login(person)
    response = client.post(reverse("accounts:download_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return archive, json.loads(archive.read("personal-data.json"))


# Download -------------------------------------------------------------------------------

def test_download_page_needs_a_login_and_explains_the_contents(client, client_for, citizen):
    response = client.get(reverse("accounts:download_data"))
    assert response.status_code == 302
    page = client_for(citizen).get(reverse("accounts:download_data"))
    assert page.status_code == 200
    assert_well_formed_page(page)
    assert "never the tokens themselves" in page.content.decode()


def test_the_profile_page_links_to_every_privacy_page(client_for, citizen):
    html = client_for(citizen).get(reverse("accounts:profile")).content.decode()
    for name in ("download_data", "delete_account", "change_email"):
        assert f'href="{reverse(f"accounts:{name}")}"' in html


def test_download_holds_everything_about_the_person_and_their_files(plan, cso, media):
    person = build_person(plan, organisation=cso)
    services.create_organisation(actor=person, name="Forumi i Ri", sector=Sector.CIVIL_SOCIETY)
    archive, data = download(person)
    assert data["profile"]["email"] == "ana@example.org"
    assert data["profile"]["gender"] == "woman"
    assert data["accounts"]["organisation"]["name"] == cso.name
    consultation = data["consultation"]
    assert [idea["title"] for idea in consultation["ideas"]] == ["Idea 0"]
    assert consultation["idea_versions"][0]["answers"] == {"title": "First title"}
    assert consultation["idea_drafts"][0]["data"] == {"title": "Unsent"}
    assert consultation["comments"][0]["body"] == "My comment 0"
    assert len(consultation["supports"]) == len(consultation["follows"]) == 1
    assert consultation["votes"][0]["statement_text"] == "Open budgets"
    assert consultation["statements"][0]["text"] == "Open budgets"
    answers = consultation["survey_responses"][0]["answers"]
    assert answers == [{"number": None, "text": "Because", "question_sq": "Pse?",
                        "question_en": "Why?", "option_sq": None, "option_en": None}]
    assert len(consultation["meeting_registrations"]) == 1
    assert consultation["meeting_attendance"][0]["name"] == "Ana B. Hoxha"
    assert consultation["word_forms_waiting"][0]["parsed"] == {"title": "From Word"}
    assert data["plans"]["plan_roles"] == [{"role": "moderator", "plan_slug": plan.slug,
                                            "component_slug": None}]
    token = data["api"]["api_tokens"][0]
    assert token["name"] == "sync" and "token_hash" not in token
    about = data["accounts"]["audit_entries_about_you"]
    assert any(entry["changes"].get("display_name") == ["Ana Hoxha", "Ana B. Hoxha"]
               for entry in about)
    assert [entry["object_repr"] for entry in data["accounts"]["audit_entries_by_you"]] == [
        "Forumi i Ri"]
    files = [name for name in archive.namelist() if name.startswith("files/")]
    assert len(files) == 1 and files[0].endswith("slides.pdf")
    assert archive.read(files[0]) == b"%PDF"
    # The download itself is in the log, with no personal data.
    entry = AuditEntry.objects.filter(object_type="accounts.user",
                                      object_id=str(person.pk)).newest_first().first()
    assert entry.note == "Downloaded their personal data." and entry.changes == {}


def test_another_persons_data_is_not_in_the_download(plan, media, citizen):
    build_person(plan)
    _archive, data = download(citizen)
    assert data["profile"]["email"] == "citizen@example.org"
    assert data["consultation"]["ideas"] == [] and data["api"]["api_tokens"] == []
    assert "Ana" not in json.dumps(data)


def test_download_runs_the_same_queries_whatever_the_amount_of_data(plan, media):
    few = build_person(plan, email="few@example.org", ideas=1)
    many = build_person(plan, email="many@example.org", ideas=6)
    counts = []
    for person in (few, many):
        with CaptureQueriesContext(connection) as queries:
            privacy.export_zip(person)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] < 45


# Deletion -------------------------------------------------------------------------------

def delete(client, password=PASSWORD):
    return client.post(reverse("accounts:delete_account"), {"password": password})


def test_delete_page_explains_and_asks_for_the_password(client_for, citizen):
    page = client_for(citizen).get(reverse("accounts:delete_account"))
    assert page.status_code == 200
    form = assert_well_formed_page(page)
    assert [attrs["name"] for _tag, attrs in form.controls] == ["password"]
    assert "a former participant" in page.content.decode()


def test_a_wrong_password_deletes_nothing(client_for, citizen):
    client = client_for(citizen)
    response = delete(client, "not my password")
    assert response.status_code == 200
    assert "The password is not right" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.erased_at is None and citizen.email == "citizen@example.org"
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_wrong_passwords_on_the_delete_page_meet_the_log_in_throttle(client_for, citizen,
                                                                      settings):
    client = client_for(citizen)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        delete(client, "guess")
    response = delete(client)
    assert "Too many wrong passwords" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.erased_at is None


def test_deleting_erases_personal_data_and_keeps_contributions(plan, cso, media):
    person = build_person(plan, organisation=cso)
    old_entry = AuditEntry.objects.filter(object_type="accounts.user", object_id=str(person.pk),
                                          changes__has_key="display_name").first()
    client = Client()
    client.force_login(person)
    other_device = Client()
    other_device.force_login(person)
    response = delete(client)
    assert response.status_code == 200
    assert "Your account has been deleted" in response.content.decode()

    person.refresh_from_db()
    assert person.erased_at is not None
    assert person.email == f"erased-{person.pk}@erased.invalid"
    assert (person.display_name, person.gender, person.organisation_id) == ("", "", None)
    assert not person.is_active and not person.has_usable_password()
    assert person.public_name == "A former participant" == str(person)
    # Logged out here and on every other device.
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert other_device.get(reverse("accounts:profile")).status_code == 302
    # Only the person's own things are gone…
    for model in (IdeaDraft, Follow, NotificationSettings, MeetingRegistration):
        assert not model.objects.filter(user=person).exists(), model
    assert not PendingWordForm.objects.filter(uploaded_by=person).exists()
    assert not ApiToken.objects.filter(user=person).exists()
    assert not PlanRole.objects.filter(user=person).exists()
    # …what they published stays, unnamed.
    idea = Idea.objects.get(author=person)
    assert idea.public_name == "A former participant"
    assert Comment.objects.filter(author=person).count() == 1
    assert Support.objects.filter(user=person).count() == Vote.objects.filter(
        user=person).count() == 1
    response = SurveyResponse.objects.get()
    assert response.user_id is None and response.answers.count() == 1
    attendance = Attendance.objects.get()
    assert attendance.name == "" and attendance.user_id == person.pk
    # The old profile edits in the log keep what changed, not the values.
    old_entry.refresh_from_db()
    assert old_entry.changes["display_name"] == ["[erased]", "[erased]"]
    # The deletion itself is audited, without personal data.
    entry = AuditEntry.objects.filter(object_type="accounts.user", object_id=str(person.pk),
                                      action=AuditEntry.Action.DELETE).get()
    assert entry.changes == {}
    assert "Ana" not in entry.note and "ana@example.org" not in entry.note
    assert "ana@example.org" not in json.dumps(list(
        AuditEntry.objects.filter(object_type="accounts.user").values("changes", "note")))


def test_after_deletion_pages_and_api_say_former_participant(client, plan, media):
    person = build_person(plan)
    Client().force_login(person)
    privacy.erase_account(person, actor=person, password=PASSWORD)
    idea = Idea.objects.get(author=person)
    for language, label in (("en", "A former participant"), ("sq", "Një ish-pjesëmarrës")):
        page = client.get(f"/{language}/plans/{plan.slug}/ideas/{idea.pk}/")
        assert page.status_code == 200
        html = page.content.decode()
        assert label in html and "Ana" not in html
    docx = client.get(f"/en/plans/{plan.slug}/ideas/{idea.pk}/idea.docx")
    assert docx.status_code == 200
    text = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "A former participant" in text and "Ana" not in text
    api = client.get(f"/api/v1/ideas/{idea.pk}/comments")
    assert api.status_code == 200
    assert "Ana" not in api.content.decode()
    assert api.json()["items"][0]["author"] in ("A former participant", "Një ish-pjesëmarrës")


def test_the_email_address_is_free_again_after_deletion(client, citizen):
    privacy.erase_account(citizen, actor=citizen, password=PASSWORD)
    response = client.post(reverse("accounts:signup"), {
        "email": "Citizen@Example.org", "display_name": "Citizen again",
        "password1": "a fresh long passphrase 7", "password2": "a fresh long passphrase 7",
        "sector": Sector.CITIZEN, "gender": ""})
    assert response.status_code == 302
    assert User.objects.get(email="citizen@example.org").pk != citizen.pk
    # The deleted account cannot be logged into, with the old or any password.
    assert not Client().login(username=f"erased-{citizen.pk}@erased.invalid", password=PASSWORD)


def test_only_the_person_may_delete_their_account(citizen, staff):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        privacy.erase_account(citizen, actor=staff, password=PASSWORD)
    citizen.refresh_from_db()
    assert citizen.erased_at is None


def test_deleting_twice_is_refused(citizen):
    from django.core.exceptions import ValidationError

    privacy.erase_account(citizen, actor=citizen, password=PASSWORD)
    with pytest.raises(ValidationError):
        privacy.erase_account(citizen, actor=citizen, password=PASSWORD)


@pytest.mark.parametrize("name", ["download_data", "delete_account", "change_email"])
def test_privacy_pages_exist_in_both_languages(client_for, citizen, name):
    client = client_for(citizen)
    for language in ("sq", "en"):
        path = reverse(f"accounts:{name}").replace("/sq/", f"/{language}/").replace(
            "/en/", f"/{language}/")
        assert client.get(path).status_code == 200


def test_the_plan_history_names_a_deleted_coordinator_a_former_participant(client, plan):
    from bashke.plans import services as plan_services

    person = make_user("coord@example.org", "Ana Koordinatore")
    plan_services.assign_role(plan, person, Role.COORDINATOR, actor=None)
    plan_services.add_goal(plan, actor=person, number=9, title_sq="Qëllim", title_en="Goal")
    before = client.get(reverse("plans:history", kwargs={"slug": plan.slug})).content.decode()
    assert "the coordinator" in before
    privacy.erase_account(person, actor=person, password=PASSWORD)
    after = client.get(reverse("plans:history", kwargs={"slug": plan.slug})).content.decode()
    assert "a former participant" in after
    assert "Koordinatore" not in after and "coord@example.org" not in after


def test_downloads_are_limited_to_a_few_an_hour(client_for, citizen):
    client = client_for(citizen)
    for _ in range(privacy.DOWNLOADS_PER_HOUR):
        assert client.post(reverse("accounts:download_data")).status_code == 200
    refused = client.post(reverse("accounts:download_data"))
    assert refused.status_code == 429
    assert "try again in" in refused.content.decode()


def test_staff_download_leaves_out_other_peoples_personal_data(admin_client, citizen):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(is_superuser=True)
    services.update_profile(citizen, actor=admin, display_name="Renamed by staff")
    data = privacy.collect(admin)
    by_admin = [entry for entry in data["accounts"]["audit_entries_by_you"]
                if entry["object_id"] == str(citizen.pk)]
    assert by_admin and all("display_name" not in entry["changes"] for entry in by_admin)
    assert "Renamed by staff" not in json.dumps(data, default=str)
