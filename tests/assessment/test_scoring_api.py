"""The API: the criteria sheet; the ranked aggregates (public) with individual scores only
for those who may see them; an assessor saving their scores with a token."""

import json

import pytest
from scoring_helpers import make_assessor, open_sheet, record_idea, submit

from bashke.api import services as token_services
from bashke.assessment.models import Assessment
from bashke.assessment.services import criteria as criteria_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english(client):
    # The API answers in the Accept-Language's language (Albanian without one); these
    # tests read its English messages.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def token(user):
    return token_services.create_token(user, actor=user, name="tests")[1]


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token(user)}"}


@pytest.fixture
def sheet(plan, coordinator):
    return open_sheet(plan, coordinator)


@pytest.fixture
def idea(plan, coordinator, component):
    return record_idea(plan, coordinator, component)


def test_criteria_in_both_languages(client, plan):
    data = client.get(f"/api/v1/plans/{plan.slug}/criteria?lang=sq").json()
    assert (data["status"], data["scale_min"], data["scale_max"]) == ("preparing", 0, 3)
    measurable = data["criteria"][1]
    assert measurable["code"] == "measurable" and measurable["title"] == "E matshme"
    assert measurable["title_en"] == "Measurable" and data["criteria"][-1]["weight"] == "0.00"
    assert client.get("/api/v1/plans/nowhere/criteria").status_code == 404


def test_aggregates_are_public_individual_scores_are_not(client, plan, sheet, idea, assessor,
                                                         coordinator):
    other = make_assessor(plan, "second@example.org", name="Second Assessor")
    submit(idea, other, sheet, score=3, evidence="Strong")
    url = f"/api/v1/plans/{plan.slug}/assessments"
    public = client.get(url).json()
    item = public["items"][0]
    assert (item["combined"], item["assessments"], item["rank"]) == ("3.000", 1, 1)
    assert item["individual"] is None and "Strong" not in json.dumps(public)
    # The assessor sees the others' once they have submitted; the coordinator always.
    assert client.get(url, **bearer(assessor)).json()["items"][0]["individual"] is None
    submit(idea, assessor, sheet, score=1)
    mine = client.get(url, **bearer(assessor)).json()["items"][0]
    assert mine["disagreement"] is True and len(mine["individual"]) == 2
    assert client.get(url, **bearer(coordinator)).json()["items"][0]["individual"][0][
        "scores"][0]["evidence"] == "Strong"
    criteria_services.close_assessment(sheet, actor=coordinator)
    assert len(client.get(url).json()["items"][0]["individual"]) == 2
    assert "Second Assessor" not in client.get(url).content.decode()


def test_filters_are_checked(client, plan, sheet, idea):
    url = f"/api/v1/plans/{plan.slug}/assessments"
    assert client.get(url, {"component": "nope"}).status_code == 422
    assert client.get(url, {"criterion": "nope"}).status_code == 422
    assert client.get(url, {"min_score": "-1"}).status_code == 422
    assert client.get(url, {"criterion": "measurable", "disagreement": "true"}).json()[
        "count"] == 0
    assert client.get(url, {"Authorization": "x"}, HTTP_AUTHORIZATION="Bearer bad"
                      ).status_code == 401


def test_an_assessor_saves_and_submits_with_a_token(client, plan, sheet, idea, assessor):
    url = f"/api/v1/ideas/{idea.pk}/assessment"
    headers = bearer(assessor)
    body = {"version": 0, "scores": [{"criterion": "specific", "meets": "yes", "score": 2,
                                      "evidence": "Clear."}]}
    first = client.post(url, json.dumps(body), content_type="application/json", **headers)
    assert first.status_code == 201 and first.json()["version"] == 1
    stale = client.post(url, json.dumps(body), content_type="application/json", **headers)
    assert stale.status_code == 409 and "elsewhere" in stale.json()["detail"]
    too_high = {"version": 1, "scores": [{"criterion": "specific", "score": 7}]}
    refused = client.post(url, json.dumps(too_high), content_type="application/json",
                          **headers)
    assert refused.status_code == 422 and "above the scale's highest, 3" in (
        refused.json()["detail"])
    complete = {"version": 1, "submit": True, "scores": [
        {"criterion": c.code, "meets": "partly", "score": 1} for c in sheet.criteria.all()]}
    done = client.post(url, json.dumps(complete), content_type="application/json", **headers)
    assert done.status_code == 200 and done.json()["submitted_at"]
    assert Assessment.objects.get().total == 1


def test_writing_needs_a_token_and_the_role(client, plan, sheet, idea, cso_member):
    url = f"/api/v1/ideas/{idea.pk}/assessment"
    body = json.dumps({"scores": [{"criterion": "specific", "score": 2}]})
    assert client.post(url, body, content_type="application/json").status_code == 401
    refused = client.post(url, body, content_type="application/json", **bearer(cso_member))
    assert refused.status_code == 403
    assert not Assessment.objects.exists()


def test_writing_before_the_sheet_opens_is_a_conflict(client, plan, idea, assessor):
    url = f"/api/v1/ideas/{idea.pk}/assessment"
    body = json.dumps({"scores": [{"criterion": "specific", "score": 2}]})
    response = client.post(url, body, content_type="application/json", **bearer(assessor))
    assert response.status_code == 409 and "not opened yet" in response.json()["detail"]
