import datetime

from django.utils import translation

from bashke.consultation.models import Channel, Idea, IdeaDraft
from bashke.core.models import AuditEntry

D = datetime.date


def form_data(component, **extra):
    data = {"title": "Open contracts", "goal": component.goal_id, "component": component.pk,
            "language": "en", "overall_idea": "Publish every contract.", "problem": "",
            "solution": "", "objective_impact": "", "beneficiaries": "",
            "improves_transparency": "yes", "transparency_explanation": "More data.",
            "improves_participation": "", "participation_explanation": "",
            "improves_accountability": "no", "accountability_explanation": "",
            "improves_technology": "", "technology_explanation": "", "other_agencies": "",
            "on_behalf": "person"}
    data.update(extra)
    return data


def test_the_form_shows_the_seven_questions_with_guidance(client_for, citizen, open_plan):
    page = client_for(citizen).get(f"/en/plans/{open_plan.slug}/ideas/new/").content.decode()
    for text in ("1. Describe the overall idea", "2. What is the problem",
                 "3. How will the idea help", "4. Main objective", "5. Main beneficiaries",
                 "6. Would the idea improve", "7. What are the main agencies",
                 "Keep in mind", "Disclose more information".lower()[:10]):
        assert text.lower() in page.lower(), text


def test_submitting_the_form_publishes_the_idea(client_for, citizen, open_plan, open_component):
    response = client_for(citizen).post(f"/en/plans/{open_plan.slug}/ideas/new/",
                                        form_data(open_component))
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert idea.improves_transparency is True and idea.improves_accountability is False
    assert idea.improves_participation is None and idea.language == "en"


def test_errors_keep_what_was_typed_and_save_nothing(client_for, citizen, open_plan,
                                                     open_component):
    data = form_data(open_component, overall_idea="", problem="A problem I typed.")
    data["component"] = "999999"
    response = client_for(citizen).post(f"/en/plans/{open_plan.slug}/ideas/new/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "A problem I typed." in page and "This field is required" in page
    assert "Select a valid choice" in page
    assert not Idea.objects.exists()


def test_outside_the_stage_the_form_says_when_the_next_opening_is(client, open_plan,
                                                                  monkeypatch):
    from bashke.core.text import format_day

    stage = open_plan.stages.get()
    monkeypatch.setattr("bashke.plans.cycle.today",
                        lambda: stage.start - datetime.timedelta(days=3))
    with translation.override("en"):
        expected = format_day(stage.start)
    page = client.get(f"/en/plans/{open_plan.slug}/ideas/new/").content.decode()
    assert expected in page and "<textarea" not in page


def test_anonymous_visitors_are_asked_to_log_in(client, open_plan):
    page = client.get(f"/en/plans/{open_plan.slug}/ideas/new/").content.decode()
    assert "Log in" in page and "<textarea" not in page


def test_the_draft_is_kept_and_restored(client_for, citizen, open_plan, agency):
    client = client_for(citizen)
    url = f"/en/plans/{open_plan.slug}/ideas/new/"
    saved = client.post(url + "draft/", {"title": "Half an idea", "problem": "Typed so far",
                                         "agencies": [str(agency.pk)]})
    assert saved.status_code == 200 and "saved_at" in saved.json()
    page = client.get(url).content.decode()
    assert "Half an idea" in page and "Typed so far" in page
    assert f'value="{agency.pk}" checked' in page.replace('" id', '"').replace(
        "checked=\"\"", "checked") or "checked" in page
    assert IdeaDraft.objects.count() == 1


def test_the_idea_page_shows_every_answer_and_the_history(client, citizen, make_idea):
    from bashke.consultation.services import ideas as services

    idea = make_idea(citizen, problem="Contracts are secret.", improves_transparency=True,
                     other_agencies="Public Procurement Agency")
    services.edit_idea(idea, actor=citizen, answers={"title": "Open every contract"})
    page = client.get(idea.get_absolute_url().replace("/sq/", "/en/")).content.decode()
    for text in ("Open every contract", "Contracts are secret.", "Public Procurement Agency",
                 "Version 1", "Name not published"):
        assert text in page, text
    assert citizen.display_name not in page  # no consent to publish the name


def test_the_author_sees_edit_and_withdraw_and_others_do_not(client_for, citizen, cso_member,
                                                             make_idea):
    idea = make_idea(citizen)
    url = idea.get_absolute_url()
    assert "/edit/" in client_for(citizen).get(url).content.decode()
    assert "/edit/" not in client_for(cso_member).get(url).content.decode()
    assert client_for(cso_member).get(url + "edit/").status_code == 403
    assert client_for(cso_member).post(url + "withdraw/").status_code == 403
    response = client_for(citizen).post(url + "withdraw/")
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == "withdrawn"


def test_staff_record_an_idea_from_a_paper_form(client_for, coordinator, plan, component):
    response = client_for(coordinator).post(
        f"/en/plans/{plan.slug}/ideas/record/",
        form_data(component, channel="paper", submitter_name="Drita Leka",
                  publish_name="on"))
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.channel == Channel.PAPER and idea.public_name == "Drita Leka"
    assert AuditEntry.objects.filter(object_type="consultation.idea", actor=coordinator).exists()


def test_citizens_cannot_reach_the_record_form(client_for, citizen, plan):
    assert client_for(citizen).get(f"/en/plans/{plan.slug}/ideas/record/").status_code == 403
