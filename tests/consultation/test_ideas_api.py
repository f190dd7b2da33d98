"""The ideas API: the web list's search, every answer of the form, and submission with the
web form's validation."""

import datetime

import pytest

from bashke.api import services as token_services
from bashke.consultation.models import Channel, Idea
from bashke.consultation.services import ideas as services


@pytest.fixture
def token(citizen):
    return token_services.create_token(citizen, actor=citizen, name="tests")[1]


def post(client, slug, token, body):
    return client.post(f"/api/v1/plans/{slug}/ideas", body, content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="en")


def test_search_matches_the_web_list(client, citizen, make_idea, open_plan):
    wanted = make_idea(citizen, title="Regjistri i shëndetësisë")
    make_idea(citizen, title="Budget")
    body = client.get(f"/api/v1/plans/{open_plan.slug}/ideas", {"q": "shendetesi"}).json()
    assert body["count"] == 1 and body["items"][0]["id"] == wanted.pk
    assert body["items"][0]["support_count"] == 0


def test_one_idea_has_every_answer(client, citizen, make_idea, agency):
    idea = make_idea(citizen, problem="Secret contracts", improves_accountability=False,
                     accountability_explanation="Not about this.")
    idea.agencies.set([agency])
    body = client.get(f"/api/v1/ideas/{idea.pk}", {"lang": "en"}).json()
    assert body["problem"] == "Secret contracts" and body["overall_idea"]
    values = {v["value"]: v for v in body["ogp_values"]}
    assert values["accountability"]["improves"] is False
    assert values["accountability"]["explanation"] == "Not about this."
    assert values["transparency"]["improves"] is None
    assert body["agencies"][0]["acronym"] == "AKSHI"
    assert body["public_name"] == ""  # no consent: no name


def test_a_hidden_idea_keeps_its_place_but_not_its_answers(client, citizen, make_idea):
    idea = make_idea(citizen, problem="Offensive text")
    Idea.objects.filter(pk=idea.pk).update(hidden_at=datetime.datetime.now(datetime.UTC),
                                           hidden_reason="Insults a person.")
    body = client.get(f"/api/v1/ideas/{idea.pk}").json()
    assert body["hidden"] is True and body["hidden_reason"] == "Insults a person."
    assert body["problem"] is None and body["title"] == ""


def test_unknown_ids_and_slugs_are_404(client, db):
    assert client.get("/api/v1/ideas/999999").status_code == 404
    assert client.get("/api/v1/plans/nowhere/ideas").status_code == 404


def test_bad_filters_are_422(client, open_plan):
    response = client.get(f"/api/v1/plans/{open_plan.slug}/ideas", {"component": "abc"})
    assert response.status_code == 422


def test_submit_with_a_token(client, open_plan, open_component, agency, token, citizen):
    response = post(client, open_plan.slug, token, {
        "title": "Open contracts", "component": open_component.pk, "language": "en",
        "overall_idea": "Publish every contract.", "improves_transparency": True,
        "agencies": [agency.pk]})
    assert response.status_code == 201, response.content
    idea = Idea.objects.get()
    assert idea.channel == Channel.API and idea.author == citizen
    assert idea.improves_transparency is True and list(idea.agencies.all()) == [agency]
    assert response.json()["id"] == idea.pk


def test_submit_validates_as_the_web_form(client, open_plan, open_component, token):
    missing = post(client, open_plan.slug, token, {"title": "No idea text", "overall_idea": "",
                                                   "component": open_component.pk})
    assert missing.status_code == 422 and "overall_idea" in missing.json()["detail"]
    wrong_type = post(client, open_plan.slug, token, {"title": 5, "overall_idea": ["x"]})
    assert wrong_type.status_code == 422
    foreign = post(client, open_plan.slug, token, {"title": "x", "overall_idea": "y",
                                                   "component": 999999})
    assert foreign.status_code == 422
    assert not Idea.objects.exists()


def test_submit_without_a_token_is_401(client, open_plan):
    response = client.post(f"/api/v1/plans/{open_plan.slug}/ideas", {"title": "x"},
                           content_type="application/json")
    assert response.status_code == 401


def test_submit_outside_the_stage_is_409(client, plan, component, token):
    response = post(client, plan.slug, token, {"title": "x", "overall_idea": "y",
                                               "component": component.pk})
    assert response.status_code == 409 and "not being collected" in response.json()["detail"]


def test_submitting_too_often_is_429(client, open_plan, open_component, token):
    body = {"title": "x", "overall_idea": "y", "component": open_component.pk}
    statuses = [post(client, open_plan.slug, token, body).status_code
                for _ in range(services.SUBMISSIONS_PER_HOUR + 1)]
    assert statuses[-1] == 429 and statuses.count(201) == services.SUBMISSIONS_PER_HOUR


def test_the_list_runs_a_bounded_number_of_queries(client, open_plan, open_component,
                                                    django_assert_max_num_queries):
    from test_ideas_list import bulk_ideas

    bulk_ideas(open_plan, open_component, 300, channel=Channel.ONLINE)
    with django_assert_max_num_queries(6):
        body = client.get(f"/api/v1/plans/{open_plan.slug}/ideas", {"limit": 100}).json()
    assert body["count"] == 300 and len(body["items"]) == 100
