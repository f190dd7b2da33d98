"""The meeting pages: the list per plan, a meeting's page, and the staff forms that
schedule, edit, publish and cancel (errors next to fields, typed text kept, nothing saved)."""

import pytest
from meetings_helpers import held, schedule

from bashke.consultation.models.meetings import Meeting, MeetingStatus
from bashke.consultation.services import meetings as services

pytestmark = pytest.mark.django_db


def form_data(component=None, **overrides):
    data = {"component": component.pk if component else "", "kind": "consultation",
            "title_sq": "Takim për drejtësinë", "title_en": "Meeting on justice",
            "starts_at": "2031-03-05T10:00", "ends_at": "2031-03-05T12:00",
            "place": "Ministria e Drejtësisë, Tiranë", "online_url": "", "capacity": "25",
            "organiser": "", "description_sq": "", "description_en": "", "agenda_sq": "",
            "agenda_en": "1. Welcome\n2. Ideas"}
    data.update(overrides)
    return data


def test_list_separates_upcoming_and_past(client, plan, coordinator):
    schedule(plan, coordinator, title_en="Coming soon")
    held(plan, coordinator, title_en="Already held")
    schedule(plan, coordinator, title_en="Hidden draft", publish=False)
    page = client.get(f"/en/plans/{plan.slug}/meetings/").content.decode()
    upcoming, past = page.split('id="past-heading"')
    assert "Coming soon" in upcoming and "Already held" in past
    assert "Hidden draft" not in page and "Schedule a meeting" not in page
    assert "calendar.ics" in page and "participation" in page


def test_coordinator_sees_drafts_and_the_schedule_button(client_for, plan, coordinator):
    schedule(plan, coordinator, title_en="Hidden draft", publish=False)
    page = client_for(coordinator).get(f"/en/plans/{plan.slug}/meetings/").content.decode()
    assert "Hidden draft" in page and "Draft: not public" in page
    assert "Schedule a meeting" in page


def test_schedule_through_the_web_form(client_for, plan, component, component_leader):
    browser = client_for(component_leader)
    response = browser.post(f"/en/plans/{plan.slug}/meetings/new/", form_data(component))
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{meeting.pk}/")
    assert meeting.status == MeetingStatus.DRAFT and meeting.component == component
    assert meeting.created_by == component_leader and meeting.capacity == 25
    assert meeting.starts_at.hour == 9  # 10:00 in Tirana is 09:00 UTC in March
    page = browser.get(f"/en/plans/{plan.slug}/meetings/{meeting.pk}/").content.decode()
    assert "This meeting is a draft" in page and "5 March 2031, 10:00–12:00" in page
    browser.post(f"/en/plans/{plan.slug}/meetings/{meeting.pk}/publish/")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED


@pytest.mark.parametrize("changes,field,message", [
    ({"ends_at": "2031-03-05T09:00"}, "ends_at", "The meeting must end after it starts."),
    ({"place": "", "online_url": ""}, "place", "an online link, or both"),
    ({"online_url": "meet dot example"}, "online_url", "Enter a valid URL."),
    ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
    ({"capacity": "-3"}, "capacity", "greater than or equal to"),
    ({"capacity": "99999999999"}, "capacity", "less than or equal to 5000"),
    ({"capacity": "lots"}, "capacity", "Enter a whole number."),
    ({"starts_at": "next tuesday"}, "starts_at", "Enter a valid date/time."),
    ({"title_sq": "", "title_en": ""}, "title_sq", "in Albanian or English"),
])
def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(
        client_for, plan, component, coordinator, changes, field, message):
    data = form_data(component, **changes, description_en="Typed <b>text</b> is kept")
    response = client_for(coordinator).post(f"/en/plans/{plan.slug}/meetings/new/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page  # Django ties the error to its input
    assert "Typed &lt;b&gt;text&lt;/b&gt; is kept" in page
    assert not Meeting.objects.exists()


def test_component_staff_are_offered_only_their_components(client_for, plan, component,
                                                           secretariat_member):
    other = plan.goals.get().components.get(slug="transparency")
    browser = client_for(secretariat_member)
    page = browser.get(f"/en/plans/{plan.slug}/meetings/new/").content.decode()
    select = page.split('name="component"')[1].split("</select>")[0]
    assert f'value="{component.pk}"' in select and f'value="{other.pk}"' not in select
    response = browser.post(f"/en/plans/{plan.slug}/meetings/new/", form_data(other))
    assert "Select a valid choice" in response.content.decode()
    assert not Meeting.objects.exists()


def test_edit_keeps_the_form_on_error_and_saves_on_success(client_for, plan, coordinator):
    meeting = schedule(plan, coordinator, capacity=10)
    url = meeting.get_absolute_url().replace("/sq/", "/en/") + "edit/"
    browser = client_for(coordinator)
    page = browser.get(url).content.decode()
    assert 'value="Bashkia Shkodër, salla 2"' in page
    bad = browser.post(url, form_data(capacity="0", title_en="Renamed"))
    assert "Renamed" in bad.content.decode()
    meeting.refresh_from_db()
    assert meeting.title_en == "Consultation meeting"
    browser.post(url, form_data(title_en="Renamed"))
    meeting.refresh_from_db()
    assert meeting.title_en == "Renamed" and meeting.sequence == 1


def test_cancel_through_the_web(client_for, client, plan, coordinator):
    meeting = schedule(plan, coordinator)
    url = meeting.get_absolute_url().replace("/sq/", "/en/")
    browser = client_for(coordinator)
    page = browser.post(url + "cancel/", {"reason": ""}).content.decode()
    assert "This field is required." in page
    browser.post(url + "cancel/", {"reason": "The hall is <b>closed</b>."})
    public = client.get(url).content.decode()
    assert "This meeting is cancelled." in public
    assert "The hall is &lt;b&gt;closed&lt;/b&gt;." in public
    assert "This meeting has been cancelled." in public  # in place of the register button
    assert browser.get(url + "edit/").status_code == 302


def test_meeting_page_in_albanian_with_titles_marked_by_language(client, plan, coordinator):
    meeting = schedule(plan, coordinator, title_sq="", title_en="Only in English",
                       agenda_sq="1. Hyrje")
    page = client.get(f"/sq/plans/{plan.slug}/meetings/{meeting.pk}/").content.decode()
    assert '<html lang="sq">' in page
    assert '<h1 lang="en">Only in English</h1>' in page
    assert '<div lang="sq"><p>1. Hyrje</p></div>' in page


def test_hostile_text_is_escaped(client, plan, coordinator):
    meeting = schedule(plan, coordinator, title_en="<script>alert(1)</script>",
                       place="<img src=x onerror=alert(1)>")
    page = client.get(meeting.get_absolute_url().replace("/sq/", "/en/")).content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page


def test_unknown_meeting_or_plan_is_404(client, plan, coordinator):
    meeting = schedule(plan, coordinator)
    assert client.get(f"/en/plans/{plan.slug}/meetings/999/").status_code == 404
    assert client.get(f"/en/plans/nope/meetings/{meeting.pk}/").status_code == 404
    assert client.get("/en/plans/nope/meetings/").status_code == 404


def test_publish_is_post_only(client_for, plan, coordinator):
    meeting = schedule(plan, coordinator, publish=False)
    url = meeting.get_absolute_url().replace("/sq/", "/en/") + "publish/"
    assert client_for(coordinator).get(url).status_code == 405
    assert Meeting.objects.get().status == MeetingStatus.DRAFT
    services.publish_meeting(meeting, actor=coordinator)
    page = client_for(coordinator).post(url, follow=True).content.decode()
    assert "Only a draft meeting can be published." in page


def test_admin_lists_meetings_read_only(client_for, staff, plan, coordinator):
    meeting = schedule(plan, coordinator, title_en="Listed in the admin")
    browser = client_for(staff)
    page = browser.get("/en/admin/consultation/meeting/").content.decode()
    assert "Listed in the admin" in page and "open and edit on the site" in page
    assert browser.get("/en/admin/consultation/meeting/add/").status_code == 403
    response = browser.post(f"/en/admin/consultation/meeting/{meeting.pk}/delete/",
                            {"post": "yes"})
    assert response.status_code == 403 and Meeting.objects.filter(pk=meeting.pk).exists()
    assert browser.get("/en/admin/consultation/attendance/").status_code == 200
