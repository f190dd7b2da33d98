"""The API of the action plan table: the hierarchy with numbers and totals, one measure,
adding an activity (idempotent) and changing one (409 on a stale version)."""

import json

import pytest
from table_helpers import build_table

from bashke.api import services as api_services
from bashke.drafting.models import Activity

pytestmark = pytest.mark.django_db


def _headers(user, **extra):
    _token, plain = api_services.create_token(user, actor=None, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}", **extra}


def test_the_hierarchy_has_numbers_totals_and_warnings(client, plan, component, agency):
    build_table(component, objectives=2, measures=1, activities=2, institution=agency)
    data = client.get(f"/api/v1/plans/{plan.slug}/action-plan?lang=sq").json()
    goal = data["goals"][0]
    assert goal["numeral"] == "I" and goal["title"] == "Aksesi në drejtësi"
    objective = goal["objectives"][1]
    assert objective["number"] == "2" and objective["component"] == "accessibility"
    activity = objective["measures"][0]["activities"][1]
    assert activity["number"] == "2.1.2"
    assert activity["financing_gap"] == "500.25" and activity["responsible"]["acronym"] == "AKSHI"
    assert data["totals"]["cost"] == "4002.00"
    assert data["warnings"] == 0
    assert client.get("/api/v1/plans/nowhere/action-plan").status_code == 404


def test_one_measure_with_its_template_fields(client, plan, component):
    objective, = build_table(component, activities=1)
    measure = objective.measures.get()
    measure.problem_en = "Queues."
    measure.save()
    data = client.get(f"/api/v1/measures/{measure.pk}?lang=en").json()
    assert data["number"] == "1.1" and data["texts"]["problem_en"] == "Queues."
    assert [w["criterion"] for w in data["warnings"]] == ["answerable"]
    assert client.get("/api/v1/measures/999999").status_code == 404


def test_adding_an_activity_once_whatever_the_retries(client, plan, component,
                                                      component_leader):
    objective, = build_table(component, activities=0)
    measure = objective.measures.get()
    url = f"/api/v1/measures/{measure.pk}/activities"
    body = json.dumps({"title_en": "Publishing the register", "start": "2021-01-01",
                       "end": "2021-06-30", "cost": "300.50", "state_budget": "100"})
    headers = _headers(component_leader, HTTP_IDEMPOTENCY_KEY="add-1")
    first = client.post(url, body, content_type="application/json", **headers)
    assert first.status_code == 201, first.content
    assert first.json()["number"] == "1.1.1" and first.json()["financing_gap"] == "200.50"
    again = client.post(url, body, content_type="application/json", **headers)
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert Activity.objects.count() == 1


def test_an_activity_breaking_a_rule_is_a_422_naming_the_field(client, plan, component,
                                                               coordinator):
    objective, = build_table(component, activities=0)
    response = client.post(f"/api/v1/measures/{objective.measures.get().pk}/activities",
                           json.dumps({"title_en": "Publishing", "cost": "-3"}),
                           content_type="application/json",
                           **_headers(coordinator, HTTP_ACCEPT_LANGUAGE="en"))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("cost: An amount cannot be negative")


def test_someone_who_does_not_draft_the_component_is_refused(client, plan, component,
                                                             citizen):
    objective, = build_table(component, activities=0)
    response = client.post(f"/api/v1/measures/{objective.measures.get().pk}/activities",
                           json.dumps({"title_en": "Publishing the register"}),
                           content_type="application/json", **_headers(citizen))
    assert response.status_code == 403
    assert not Activity.objects.exists()


def test_a_change_on_a_stale_version_is_a_409_with_the_saved_activity(
        client, plan, component, coordinator, component_leader):
    build_table(component, activities=1)
    activity = Activity.objects.get()
    url = f"/api/v1/activities/{activity.pk}"
    first = client.patch(url, json.dumps({"version": 1, "title_en": "Publishing twice"}),
                         content_type="application/json", **_headers(coordinator))
    assert first.status_code == 200 and first.json()["version"] == 2
    second = client.patch(url, json.dumps({"version": 1, "title_en": "Publishing thrice",
                                           "cost": "2000"}),
                          content_type="application/json", **_headers(component_leader))
    assert second.status_code == 409
    assert second.json()["saved"]["title_en"] == "Publishing twice"
    activity.refresh_from_db()
    assert activity.title_en == "Publishing twice" and str(activity.cost) == "1000.50"
    bad = client.patch(url, json.dumps({"version": 2, "end": "2030-01-01"}),
                       content_type="application/json", **_headers(component_leader))
    assert bad.status_code == 422 and bad.json()["detail"].startswith("end:")


def test_the_hierarchy_takes_the_same_queries_at_any_size(client, plan, component, agency,
                                                          django_assert_num_queries):
    build_table(component, objectives=1, measures=1, activities=1, institution=agency)
    url = f"/api/v1/plans/{plan.slug}/action-plan"
    with django_assert_num_queries(9) as small:
        assert client.get(url).status_code == 200
    build_table(component, objectives=3, measures=3, activities=3, institution=agency)
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(client.get(url).json()["goals"][0]["objectives"]) == 4
