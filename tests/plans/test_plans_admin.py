"""Coordinators run their plans in the admin, through the same services and rules."""

import datetime
import re

import pytest

from bashke.core.models import AuditEntry
from bashke.plans.models import ActionPlan, PlanRole, Role, Stage

D = datetime.date


@pytest.fixture
def staff_coordinator(coordinator):
    coordinator.is_staff = True
    coordinator.save()
    return coordinator


def errors(response):
    return re.findall(r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode(), re.S)


def plan_form(plan, **changes):
    data = {
        "jurisdiction": plan.jurisdiction_id, "number": plan.number, "slug": plan.slug,
        "title_sq": plan.title_sq, "title_en": plan.title_en, "summary_sq": "", "summary_en": "",
        "start": plan.start.isoformat(), "end": plan.end.isoformat(), "status": plan.status,
        "previous": plan.previous_id or "", "gap_reason": "", "length_override_reason": "",
        "stages-TOTAL_FORMS": "0", "stages-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_a_coordinator_sees_only_the_plans_they_coordinate(client_for, staff_coordinator,
                                                          plan, previous_plan):
    client = client_for(staff_coordinator)
    listing = client.get("/en/admin/plans/actionplan/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert plan.title_en in page and previous_plan.title_en not in page
    assert client.get(f"/en/admin/plans/actionplan/{previous_plan.pk}/change/").status_code in (
        302, 403, 404)


def test_an_overlap_typed_in_the_admin_is_refused_on_the_field(client_for, staff_coordinator,
                                                               plan):
    client = client_for(staff_coordinator)
    before = AuditEntry.objects.count()
    response = client.post(f"/en/admin/plans/actionplan/{plan.pk}/change/",
                           plan_form(plan, start="2020-01-01", end="2021-12-31"))
    assert response.status_code == 200
    assert "overlaps" in response.content.decode()
    plan.refresh_from_db()
    assert plan.start == D(2020, 7, 1)
    assert AuditEntry.objects.count() == before


def test_an_admin_edit_goes_through_the_service_and_is_audited(client_for, staff_coordinator,
                                                              plan):
    client = client_for(staff_coordinator)
    response = client.post(f"/en/admin/plans/actionplan/{plan.pk}/change/",
                           plan_form(plan, title_en="Action Plan 2020–2022 (revised)"))
    assert response.status_code == 302, errors(response)
    entry = AuditEntry.objects.newest_first().first()
    assert entry.actor == staff_coordinator
    assert entry.changes["title_en"][1] == "Action Plan 2020–2022 (revised)"


def test_a_stage_out_of_order_in_the_admin_is_refused(client_for, staff_coordinator, plan):
    client = client_for(staff_coordinator)
    data = plan_form(plan, **{
        "stages-TOTAL_FORMS": "1", "stages-INITIAL_FORMS": "0",
        "stages-0-kind": "drafting", "stages-0-start": "2020-05-10",
        "stages-0-end": "2020-05-20", "stages-0-title_sq": "", "stages-0-title_en": "",
        "stages-0-responsible": "", "stages-0-plan": plan.pk,
    })
    response = client.post(f"/en/admin/plans/actionplan/{plan.pk}/change/", data)
    assert response.status_code == 200
    assert "Out of order" in response.content.decode()
    assert not Stage.objects.filter(plan=plan, kind="drafting").exists()


def test_whoever_opens_a_plan_in_the_admin_coordinates_it(client_for, staff_coordinator, plan):
    client = client_for(staff_coordinator)
    data = plan_form(plan, number=6, slug="albania-2022-2024", title_sq="Plani 2022–2024",
                     title_en="Plan 2022–2024", start="2022-07-01", end="2024-06-30",
                     previous=plan.pk, status="drafting")
    response = client.post("/en/admin/plans/actionplan/add/", data)
    assert response.status_code == 302, errors(response)
    new = ActionPlan.objects.get(slug="albania-2022-2024")
    assert PlanRole.objects.filter(plan=new, user=staff_coordinator,
                                   role=Role.COORDINATOR).exists()


def test_people_without_a_role_do_not_reach_the_plans_admin(client_for, citizen, plan):
    citizen.is_staff = True
    citizen.save()
    response = client_for(citizen).get("/en/admin/plans/actionplan/")
    assert response.status_code == 403


def test_a_coordinator_adds_a_goal_with_a_component_and_its_leader(client_for,
                                                                  staff_coordinator, plan,
                                                                  agency):
    client = client_for(staff_coordinator)
    data = {
        "plan": plan.pk, "number": 2, "title_sq": "Qeverisja digjitale",
        "title_en": "Digital Governance", "description_sq": "", "description_en": "",
        "components-TOTAL_FORMS": "1", "components-INITIAL_FORMS": "0",
        "components-0-position": "1", "components-0-slug": "online-services",
        "components-0-title_sq": "Shërbimet online", "components-0-title_en": "Online services",
        "components-0-leaders": [agency.pk],
    }
    response = client.post("/en/admin/plans/policygoal/add/", data)
    assert response.status_code == 302, errors(response)
    component = plan.goals.get(number=2).components.get()
    assert list(component.leaders.all()) == [agency]
    entry = AuditEntry.objects.get(object_type="plans.component", object_id=str(component.pk))
    assert entry.scope == plan.audit_scope
    assert entry.changes["leaders"] == [None, [agency.pk]]
