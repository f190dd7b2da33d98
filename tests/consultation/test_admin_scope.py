"""The admin shows and changes only what one's roles on a plan reach. Being staff opens the
admin and nothing more: a coordinator of another plan, or staff without any role, neither
sees this plan's rows in the lists nor opens their change pages."""

import pytest
from django.urls import reverse
from meetings_helpers import held, schedule
from surveys_helpers import make_survey

from bashke.consultation.models import Brief, BriefKind, Statement
from bashke.consultation.models.meetings import Attendance
from bashke.consultation.services import briefs as brief_services
from bashke.consultation.services import meetings as meeting_services
from bashke.plans.models import PlanRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_coordinator(coordinator):
    coordinator.is_staff = True
    coordinator.save()
    return coordinator


@pytest.fixture
def staff_leader(component_leader):
    component_leader.is_staff = True
    component_leader.save()
    return component_leader


@pytest.fixture
def rows(plan, component, coordinator):
    """One row of each kind that the admin lists for this plan, keyed by admin URL name."""
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    meeting = held(plan, coordinator, component=component)
    meeting_services.record_attendance(meeting, actor=coordinator,
                                       rows=[{"name": "Arta Secretname"}])
    survey = make_survey(plan, component=component)
    return {
        "plans_actionplan": plan,
        "plans_policygoal": plan.goals.get(),
        "plans_component": component,
        "plans_planrole": PlanRole.objects.get(user=coordinator, plan=plan),
        "consultation_brief": brief_services.create_brief(
            plan, actor=None, kind=BriefKind.BACKGROUND, component=component,
            title_en="Accessibility background"),
        "consultation_meeting": meeting,
        "consultation_attendance": Attendance.objects.get(meeting=meeting),
        "consultation_survey": survey,
        "consultation_statement": Statement.objects.create(plan=plan, text="Open the courts",
                                                           approved=True),
        "other_component_brief": brief_services.create_brief(
            plan, actor=None, kind=BriefKind.BACKGROUND, component=other,
            title_en="Transparency background"),
    }


def change_url(name, obj):
    return reverse(f"admin:{name}_change", args=[obj.pk])


def changelist(name):
    return reverse(f"admin:{name}_changelist")


LISTED = ["plans_actionplan", "plans_policygoal", "plans_component", "plans_planrole",
          "consultation_brief", "consultation_meeting", "consultation_attendance",
          "consultation_survey", "consultation_statement"]


@pytest.mark.parametrize("persona", ["other_plan_coordinator", "staff_without_role"])
def test_staff_without_a_role_here_neither_list_nor_open_this_plans_rows(
        request, client_for, rows, persona):
    browser = client_for(request.getfixturevalue(persona))
    for name in LISTED:
        obj = rows[name]
        response = browser.get(change_url(name, obj))
        # Django's admin answers a row outside the queryset with a redirect to the index
        # ("doesn't exist"), a row it may not see with 403: never the page.
        assert response.status_code in (302, 403, 404), name
        listing = browser.get(changelist(name))
        if listing.status_code == 200:
            assert change_url(name, obj) not in listing.content.decode(), name
        else:
            assert listing.status_code == 403, name


def test_staff_without_a_role_sees_an_empty_admin(client_for, staff_without_role, rows):
    index = client_for(staff_without_role).get(reverse("admin:index"))
    assert index.status_code == 200
    assert "/admin/plans/" not in index.content.decode()
    assert "/admin/consultation/" not in index.content.decode()


def test_a_coordinator_of_another_plan_cannot_change_this_one_by_post(
        client_for, other_plan_coordinator, rows, plan):
    browser = client_for(other_plan_coordinator)
    brief = rows["consultation_brief"]
    response = browser.post(change_url("consultation_brief", brief), {
        "component": brief.component_id, "kind": "background", "title_sq": "",
        "title_en": "Taken over", "body_sq": "", "body_en": "", "order": 1})
    assert response.status_code in (302, 403, 404)
    assert Brief.objects.get(pk=brief.pk).title_en == "Accessibility background"
    # Nor can a brief be added to this plan: it is not among the plans offered.
    response = browser.post(reverse("admin:consultation_brief_add"), {
        "plan": plan.pk, "kind": "other", "title_en": "Planted", "title_sq": "",
        "body_sq": "", "body_en": "", "order": 1})
    assert not Brief.objects.filter(title_en="Planted").exists()


def test_the_plans_coordinator_sees_and_opens_every_row(client_for, staff_coordinator, rows):
    browser = client_for(staff_coordinator)
    for name in LISTED:
        obj = rows[name]
        assert browser.get(change_url(name, obj)).status_code == 200, name
        assert change_url(name, obj) in browser.get(changelist(name)).content.decode(), name


def test_a_component_leader_sees_their_components_rows_only(client_for, staff_leader, rows):
    browser = client_for(staff_leader)
    own, other = rows["consultation_brief"], rows["other_component_brief"]
    listing = browser.get(changelist("consultation_brief")).content.decode()
    assert change_url("consultation_brief", own) in listing
    assert change_url("consultation_brief", other) not in listing
    assert browser.get(change_url("consultation_brief", own)).status_code == 200
    assert browser.get(change_url("consultation_brief", other)).status_code in (302, 403, 404)
    for name in ("consultation_meeting", "consultation_attendance", "consultation_survey"):
        assert browser.get(change_url(name, rows[name])).status_code == 200, name
    # The plan itself, its roles and its statements are the coordinator's and moderators'.
    for name in ("plans_actionplan", "plans_planrole", "consultation_statement"):
        assert browser.get(change_url(name, rows[name])).status_code in (302, 403, 404), name


def test_a_superuser_sees_everything(client_for, staff, rows):
    browser = client_for(staff)
    for name in LISTED:
        assert browser.get(change_url(name, rows[name])).status_code == 200, name


def test_a_draft_meeting_of_another_plan_stays_out_of_the_admin(
        client_for, other_plan_coordinator, plan, coordinator):
    draft = schedule(plan, coordinator, publish=False)
    browser = client_for(other_plan_coordinator)
    assert browser.get(change_url("consultation_meeting", draft)).status_code in (302, 403)
