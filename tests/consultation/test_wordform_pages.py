"""Downloading the form, uploading it filled, confirming what was read, and exporting ideas
back to Word; who may do which."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from docx import Document
from wordform_helpers import answer_cell, blank_form, fill_completely, to_bytes, upload, write

from bashke.consultation.models import Channel, Idea, PendingWordForm
from bashke.consultation.services import wordform as services
from bashke.consultation.wordform.parse import parse_docx
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.models import Institution, Role

from personas import make_user

pytestmark = pytest.mark.django_db


def url(name, plan, **kwargs):
    return reverse(f"consultation:{name}", kwargs={"slug": plan.slug, **kwargs})


def filled(plan, language="sq", name="form.docx", **cells):
    document = fill_completely(blank_form(plan, language), language)
    for start, text in cells.items():
        write(answer_cell(document, start.replace("_", ".")), *text.split("\n"))
    return upload(document, name)


# Download ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "question"), [
    ("sq", "Përshkruani idenë në përgjithësi."), ("en", "Describe the overall idea.")])
def test_anyone_downloads_the_form_in_either_language(client, open_plan, language, question):
    response = client.get(url("idea_form_docx", open_plan) + f"?lang={language}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="albania-open-idea-form-{language}.docx"' in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert open_plan.title_sq if language == "sq" else open_plan.title_en in text
    assert f"1. {question}" in cells
    assert ("I.1 Shërbimet online" if language == "sq" else "I.1 Online services") in cells
    assert ("II.1 Ndihma juridike" if language == "sq" else "II.1 Legal aid") in cells
    assert ("Kini parasysh" if language == "sq" else "Keep in mind") in text
    assert document.core_properties.identifier == f"bashke-idea-form/1/albania-open/{language}"


def test_the_albanian_form_uses_the_seed_wording(client, open_plan):
    response = client.get(url("idea_form_docx", open_plan) + "?lang=sq")
    document = Document(io.BytesIO(response.content))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for wording in ["Cili është problemi që do të adresojë ideja?",
                    "Si do të ndihmojë ideja në zgjidhjen e problemit?",
                    "Objektivi kryesor i idesë / cili do të ishte ndikimi nëse zbatohet?",
                    "Përfituesit kryesorë / kush përfiton?",
                    "6.1 Transparencën dhe aksesin në informacion?",
                    "6.2 Pjesëmarrjen publike dhe qytetare?",
                    "6.3 Llogaridhënien e qeverisë?",
                    "6.4 Teknologjinë dhe inovacionin për transparencën dhe llogaridhënien?",
                    "Cilat janë agjencitë kryesore që do ta zbatonin idenë (ministri, OJF, etj.)?"]:
        assert wording in cells


def test_an_unknown_plan_has_no_form(client):
    assert client.get("/sq/plans/nothing-here/ideas/form.docx").status_code == 404


# Upload by a person ---------------------------------------------------------------------------

def test_anonymous_people_are_sent_to_log_in(client, open_plan):
    response = client.post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not PendingWordForm.objects.exists()


def test_upload_shows_the_reading_for_confirmation_and_saves_no_idea(client_for, citizen,
                                                                     open_plan):
    client = client_for(citizen)
    response = client.post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    pending = PendingWordForm.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("confirm_word_form", open_plan, pk=pending.pk)
    assert not Idea.objects.exists()
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Regjistri i hapur i shëndetësisë" in html
    assert "Askush nuk e di çfarë pajisjesh ka secili spital." in html
    # Unanswered in the file: the component and the consent, flagged by name.
    assert 'id="flag-component"' in html and 'id="flag-publish_name"' in html
    assert 'id="flag-overall_idea"' not in html
    assert "Policy goal and component" in html
    # A reload loses nothing: the reading is kept on the server.
    assert client.get(response["Location"]).content.decode().count("Arsyeja 6.1") == 1


def test_confirming_publishes_the_idea_through_the_word_channel(client_for, citizen, open_plan,
                                                                open_component, agency,
                                                                ministry):
    client = client_for(citizen)
    client.post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    pending = PendingWordForm.objects.get()
    form = services_form_data(pending, citizen, component=open_component.pk,
                              publish_name="on")
    response = client.post(url("confirm_word_form", open_plan, pk=pending.pk), form)
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("consultation:idea",
                                           kwargs={"slug": open_plan.slug, "pk": idea.pk})
    assert idea.channel == Channel.WORD and idea.author == citizen
    assert idea.title == "Regjistri i hapur i shëndetësisë"
    assert idea.improves_transparency is True and idea.improves_participation is False
    assert idea.transparency_explanation == "Arsyeja 6.1"
    assert idea.component == open_component and idea.publish_name
    # "AKSHI" and "Ministria e Drejtësisë" are known institutions; the rest stays typed.
    assert set(idea.agencies.all()) == {agency, ministry}
    assert idea.other_agencies == "Qendra Lokale"
    assert not PendingWordForm.objects.exists()
    assert AuditEntry.objects.filter(object_id=str(idea.pk), action="create").exists()


def services_form_data(pending, user, **overrides):
    """The confirmation form as the page fills it, plus the person's corrections."""
    from bashke.consultation.forms.wordform import form_class, initial_from

    initial = initial_from(pending, user)
    data = {}
    for key, value in initial.items():
        if value is None or value is False:
            continue
        data[key] = ["" if v is None else v for v in value] if isinstance(value, list) \
            else ("on" if value is True else value)
    data.update(overrides)
    assert form_class(pending)  # the same class the page uses
    return data


def test_a_correction_that_leaves_a_required_answer_empty_saves_nothing(client_for, citizen,
                                                                      open_plan):
    client = client_for(citizen)
    client.post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    pending = PendingWordForm.objects.get()
    data = services_form_data(pending, citizen, overall_idea="", title="Corrected title")
    response = client.post(url("confirm_word_form", open_plan, pk=pending.pk), data)
    assert response.status_code == 200
    assert not Idea.objects.exists() and PendingWordForm.objects.exists()
    html = response.content.decode()
    assert "Corrected title" in html  # what the person typed is kept
    assert "errorlist" in html


def test_a_bad_file_is_refused_with_its_reason_next_to_the_field(client_for, citizen, open_plan):
    client = client_for(citizen)
    bad = SimpleUploadedFile("ideja.docx", b"%PDF-1.4 not really word")
    response = client.post(url("upload_idea_form", open_plan), {"file": bad})
    assert response.status_code == 200
    assert "ideja.docx is named .docx but is not a Word (.docx) file" in response.content.decode()
    assert not PendingWordForm.objects.exists()


def test_uploads_wait_for_an_open_stage(client_for, citizen, plan):
    client = client_for(citizen)
    response = client.post(url("upload_idea_form", plan), {"file": filled(plan)})
    assert response.status_code == 200
    assert "not being collected now" in response.content.decode()
    assert not PendingWordForm.objects.exists()


def test_someone_elses_pending_form_is_not_found(client_for, citizen, cso_member, open_plan):
    client_for(citizen).post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    pending = PendingWordForm.objects.get()
    other = client_for(cso_member)
    assert other.get(url("confirm_word_form", open_plan, pk=pending.pk)).status_code == 404
    assert other.post(url("discard_word_form", open_plan, pk=pending.pk)).status_code == 404
    assert PendingWordForm.objects.exists()


def test_discarding_deletes_the_reading_only(client_for, citizen, open_plan):
    client = client_for(citizen)
    client.post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    pending = PendingWordForm.objects.get()
    response = client.post(url("discard_word_form", open_plan, pk=pending.pk))
    assert response.status_code == 302
    assert not PendingWordForm.objects.exists() and not Idea.objects.exists()


def test_pending_forms_older_than_a_week_are_pruned(citizen, open_plan):
    old = PendingWordForm.objects.create(plan=open_plan, uploaded_by=citizen, file_name="a.docx",
                                         parsed={})
    fresh = PendingWordForm.objects.create(plan=open_plan, uploaded_by=citizen,
                                           file_name="b.docx", parsed={})
    PendingWordForm.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8))
    assert services.prune_pending() == 1
    assert list(PendingWordForm.objects.all()) == [fresh]


# Batches by staff ---------------------------------------------------------------------------

@pytest.fixture
def open_secretariat(open_plan, open_component):
    user = make_user("open-secretariat@example.org", "Secretariat")
    plan_services.assign_role(open_plan, user, Role.SECRETARIAT, actor=None,
                              component=open_component)
    return user


def test_only_staff_may_upload_batches(client_for, citizen, open_secretariat, open_plan):
    assert client_for(citizen).get(url("upload_word_batch", open_plan)).status_code == 403
    assert client_for(open_secretariat).get(url("upload_word_batch", open_plan)).status_code == 200
    response = client_for(citizen).post(url("upload_word_batch", open_plan),
                                        {"files": [filled(open_plan)]})
    assert response.status_code == 403 and not PendingWordForm.objects.exists()


def test_a_batch_with_one_bad_file_reads_the_good_ones(client_for, open_secretariat, open_plan):
    client = client_for(open_secretariat)
    files = [filled(open_plan, name="arta.docx"),
             SimpleUploadedFile("broken.docx", b"PK\x03\x04junk"),
             filled(open_plan, "en", name="ben.docx")]
    response = client.post(url("upload_word_batch", open_plan), {"files": files})
    assert response.status_code == 200
    html = response.content.decode()
    assert "broken.docx" in html and "broken.docx is damaged and cannot be opened." in html
    assert sorted(PendingWordForm.objects.values_list("file_name", flat=True)) == [
        "arta.docx", "ben.docx"]
    assert all(p.batch for p in PendingWordForm.objects.all())
    assert not Idea.objects.exists()


def test_staff_confirm_a_batch_form_as_a_recorded_idea(client_for, open_secretariat, open_plan):
    document = fill_completely(blank_form(open_plan, "sq"))
    write(answer_cell(document, "Emri"), "Arta Hoxha")
    write(answer_cell(document, "Organizata"), "Shoqata e Pacientëve")
    client = client_for(open_secretariat)
    client.post(url("upload_word_batch", open_plan), {"files": [upload(document)]})
    pending = PendingWordForm.objects.get()
    data = services_form_data(pending, open_secretariat, publish_name="on")
    assert data["submitter_name"] == "Arta Hoxha (Shoqata e Pacientëve)"
    response = client.post(url("confirm_word_form", open_plan, pk=pending.pk), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    idea = Idea.objects.get()
    assert idea.channel == Channel.WORD and idea.author is None
    assert idea.recorded_by == open_secretariat
    assert idea.submitter_name == "Arta Hoxha (Shoqata e Pacientëve)"
    assert idea.public_name == "Arta Hoxha (Shoqata e Pacientëve)"


def test_the_confirmation_page_runs_a_fixed_number_of_queries(
        client_for, citizen, open_plan, django_assert_num_queries):
    client = client_for(citizen)
    client.post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    small = url("confirm_word_form", open_plan, pk=PendingWordForm.objects.get().pk)
    with django_assert_num_queries(QUERIES):
        assert client.get(small).status_code == 200
    # Many more institutions, goals and components, and a form naming many agencies.
    for number in range(3, 13):
        goal = plan_services.add_goal(open_plan, actor=None, number=number,
                                      title_sq=f"Qëllimi {number}", title_en=f"Goal {number}")
        for position in range(1, 4):
            plan_services.add_component(goal, actor=None, slug=f"c{number}-{position}",
                                        position=position, title_sq=f"K {number}.{position}",
                                        title_en=f"C {number}.{position}")
    Institution.objects.bulk_create(Institution(name_sq=f"Institucioni {i}",
                                                name_en=f"Institution {i}", acronym=f"I{i}",
                                                kind=Institution.Kind.AGENCY)
                                    for i in range(200))
    document = fill_completely(blank_form(open_plan, "en"), "en")
    write(answer_cell(document, "7."), *[f"I{i}" for i in range(40)])
    client.post(url("upload_idea_form", open_plan), {"file": upload(document)})
    large = PendingWordForm.objects.order_by("-pk").first()
    assert len(large.parsed["matched"]["agencies"]) == 40
    with django_assert_num_queries(QUERIES):
        assert client.get(url("confirm_word_form", open_plan, pk=large.pk)).status_code == 200


QUERIES = 10


# Export -------------------------------------------------------------------------------------

def test_an_idea_exported_and_read_back_gives_the_same_answers(client, citizen, open_plan,
                                                               open_component, agency):
    from bashke.consultation.services import ideas as idea_services

    answers = {
        "title": "Buxheti i hapur", "language": "sq", "component": open_component,
        "overall_idea": "Publikimi i buxhetit.\n- çdo muaj\n- në format të hapur",
        "problem": "Askush nuk e sheh buxhetin.", "solution": "Një portal.",
        "objective_impact": "Llogaridhënie.", "beneficiaries": "Qytetarët.",
        "improves_transparency": True, "transparency_explanation": "Të dhëna të hapura.",
        "improves_participation": False, "participation_explanation": "",
        "improves_accountability": None, "accountability_explanation": "",
        "improves_technology": True, "technology_explanation": "Portal i ri.",
        "other_agencies": "Bashkia Shkodër", "publish_name": True,
    }
    idea = idea_services.submit_idea(open_plan, actor=citizen, answers=answers,
                                     agencies=[agency], channel=Channel.ONLINE)
    response = client.get(url("idea_docx", open_plan, pk=idea.pk))
    assert response.status_code == 200
    assert f'filename="albania-open-idea-{idea.pk}.docx"' in response["Content-Disposition"]
    read = parse_docx(upload(response.content))
    for key, value in answers.items():
        if key in ("component", "other_agencies"):
            continue
        assert read.answers[key] == value, key
    assert read.answers["component"] == "I.1 Shërbimet online"
    assert read.agency_names == [agency.name_sq, "Bashkia Shkodër"]
    assert read.answers["submitter_name"] == citizen.display_name
    assert citizen.email not in response.content.decode("latin-1")
    parsed = services.read_upload(open_plan, upload(response.content))
    assert parsed["matched"]["component"] == open_component.pk
    assert parsed["matched"]["agencies"] == [agency.pk]


def test_exports_name_only_whom_the_idea_names_in_public(client, citizen, open_plan,
                                                         open_component):
    from bashke.consultation.services import ideas as idea_services

    idea = idea_services.submit_idea(open_plan, actor=citizen, answers={
        "title": "Pa emër", "overall_idea": "Ideja.", "component": open_component,
        "publish_name": False}, channel=Channel.ONLINE)
    content = client.get(url("idea_docx", open_plan, pk=idea.pk)).content
    text = "\n".join(c.text for t in Document(io.BytesIO(content)).tables
                     for r in t.rows for c in r.cells)
    assert citizen.display_name not in text and citizen.email not in text


def test_a_component_exports_all_its_ideas(client, citizen, cso_member, open_plan,
                                           open_component):
    from bashke.consultation.services import ideas as idea_services

    for author, title in ((citizen, "E para"), (cso_member, "E dyta")):
        idea_services.submit_idea(open_plan, actor=author, answers={
            "title": title, "overall_idea": f"Ideja {title}.", "component": open_component},
            channel=Channel.ONLINE)
    response = client.get(url("component_ideas_docx", open_plan,
                              component_slug=open_component.slug) + "?lang=en")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert any("E para" in h for h in headings) and any("E dyta" in h for h in headings)
    assert len(document.tables) == 6  # three tables a form, one form an idea
    assert client.get(url("component_ideas_docx", open_plan,
                          component_slug="nothing")).status_code == 404


def test_the_upload_page_is_bilingual_and_links_both_forms(client_for, citizen, open_plan):
    html = client_for(citizen).get(url("upload_idea_form", open_plan)).content.decode()
    assert url("idea_form_docx", open_plan) + "?lang=sq" in html
    assert url("idea_form_docx", open_plan) + "?lang=en" in html
    assert html.count("<h1") == 1


def test_parsed_bytes_are_not_kept(client_for, citizen, open_plan):
    client_for(citizen).post(url("upload_idea_form", open_plan), {"file": filled(open_plan)})
    pending = PendingWordForm.objects.get()
    assert set(pending.parsed) == {"answers", "agency_names", "unanswered", "warnings",
                                   "template", "source", "matched"}
    assert to_bytes  # the helper module builds files; the model keeps only what was read


def test_a_hidden_idea_is_exported_as_its_moderators_reason_only(client, citizen, open_plan,
                                                                 open_component):
    from bashke.consultation.services import ideas as idea_services

    idea = idea_services.submit_idea(open_plan, actor=citizen, answers={
        "title": "Fyerje", "overall_idea": "Tekst fyes.", "component": open_component},
        channel=Channel.ONLINE)
    Idea.objects.filter(pk=idea.pk).update(hidden_at=timezone.now(), hidden_reason="Fyerje.")
    content = client.get(url("idea_docx", open_plan, pk=idea.pk) + "?lang=en").content
    document = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "This idea was hidden by a moderator. Reason: Fyerje." in text
    assert "Tekst fyes." not in text and not document.tables
