"""Who may do what with meetings: one row per persona and permission, and the pages that
enforce them (403 for staff pages, 404 for drafts, so that a draft's existence does not
leak)."""

import pytest
from meetings_helpers import held, schedule

pytestmark = pytest.mark.django_db

PERSONAS = ["staff", "coordinator", "component_leader", "secretariat_member", "assessor",
            "reviewer", "moderator", "cso_member", "citizen", "anonymous", "staff_without_role",
            "other_plan_coordinator"]
# "staff" is a superuser. Being staff without a role, or coordinating another plan, runs
# nothing here.
RUN_MEETINGS = {"staff", "coordinator", "component_leader", "secretariat_member"}


@pytest.fixture
def meetings(plan, component, coordinator):
    other = plan.goals.get().components.get(slug="transparency")
    return {
        "own_component": schedule(plan, coordinator, component=component),
        "other_component": schedule(plan, coordinator, component=other),
        "whole_plan": schedule(plan, coordinator),
        "draft": schedule(plan, coordinator, component=component, publish=False),
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_manage_meeting(request, persona, plan, meetings):
    user = request.getfixturevalue(persona)
    runs = persona in RUN_MEETINGS
    plan_wide = persona in {"staff", "coordinator"}
    assert user.has_perm("consultation.manage_meeting", plan) is runs
    assert user.has_perm("consultation.manage_meeting", meetings["own_component"]) is runs
    assert user.has_perm("consultation.manage_meeting", meetings["draft"]) is runs
    assert user.has_perm("consultation.manage_meeting", meetings["other_component"]) is plan_wide
    assert user.has_perm("consultation.manage_meeting", meetings["whole_plan"]) is plan_wide
    assert user.has_perm("consultation.view_attendance_names",
                         meetings["own_component"]) is runs


@pytest.mark.parametrize("persona", PERSONAS)
def test_view_and_register(request, persona, meetings):
    user = request.getfixturevalue(persona)
    assert user.has_perm("consultation.view_meeting", meetings["whole_plan"])
    assert user.has_perm("consultation.view_meeting", meetings["draft"]) is (
        persona in RUN_MEETINGS)
    assert user.has_perm("consultation.register_for_meeting", meetings["whole_plan"]) is (
        persona != "anonymous")
    # Superusers hold every permission (Django's rule); the service still refuses drafts.
    assert user.has_perm("consultation.register_for_meeting", meetings["draft"]) is (
        persona == "staff")


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_pages_follow_the_permission(request, persona, plan, component, coordinator,
                                           client, client_for):
    user = request.getfixturevalue(persona)
    browser = client if persona == "anonymous" else client_for(user)
    meeting = held(plan, coordinator, component=component)
    base = meeting.get_absolute_url().replace("/sq/", "/en/")
    for page in ("edit/", "attendance/", "minutes/", "documents/", "ideas/new/"):
        response = browser.get(base + page)
        if persona == "anonymous":
            assert response.status_code == 302 and "/accounts/" in response["Location"]
        else:
            assert response.status_code == (200 if persona in RUN_MEETINGS else 403), page
    create = browser.get(f"/en/plans/{plan.slug}/meetings/new/")
    expected = 302 if persona == "anonymous" else 200 if persona in RUN_MEETINGS else 403
    assert create.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_draft_is_a_404_to_everyone_but_its_staff(request, persona, meetings, client,
                                                    client_for):
    user = request.getfixturevalue(persona)
    browser = client if persona == "anonymous" else client_for(user)
    draft = meetings["draft"]
    url = draft.get_absolute_url().replace("/sq/", "/en/")
    expected = 200 if persona in RUN_MEETINGS else 404
    assert browser.get(url).status_code == expected
    assert browser.get(url + "meeting.ics").status_code == expected
    listing = browser.get(f"/en/plans/{draft.plan.slug}/meetings/").content.decode()
    assert (url in listing) is (persona in RUN_MEETINGS)


def test_attendance_names_are_seen_only_by_staff(plan, component, coordinator, citizen,
                                                 client_for, client):
    from bashke.consultation.services import meetings as services

    meeting = held(plan, coordinator, component=component)
    services.record_attendance(meeting, actor=coordinator,
                               rows=[{"name": "Arta Secretname", "gender": "woman"}])
    url = meeting.get_absolute_url().replace("/sq/", "/en/")
    for browser in (client, client_for(citizen), client_for(coordinator)):
        page = browser.get(url).content.decode()
        assert "1 person took part" in page and "Arta Secretname" not in page
    staff_page = client_for(coordinator).get(url + "attendance/").content.decode()
    assert "Arta Secretname" in staff_page
