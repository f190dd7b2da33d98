"""The API of decisions: the plan's decisions with their reasoned responses and the number
still awaiting one (public), one idea's decision with the measures and activities it fed
(public), and deciding with a coordinator's or leader's token — the same refusals as the
web form, a 409 for a stale version, a 403 for anyone else."""

import pytest
from decisions_fixtures import *  # noqa: F403 (fixtures)
from decisions_fixtures import submit

from bashke.api import services as api_services
from bashke.assessment.models import Decision, DecisionKind
from bashke.assessment.services.decisions import decide
from bashke.drafting.models import Measure, Objective

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english(client):
    # The API answers in the Accept-Language's language (Albanian without one); these
    # tests read its English messages.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def token_for(user):
    return api_services.create_token(user, actor=None, name="test")[1]


def post(client, idea, body, token):
    return client.post(f"/api/v1/ideas/{idea.pk}/decision", body,
                       content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_the_plans_decisions_are_public(client, plan, author, coordinator, component):
    first = submit(plan, author, "Open budget data", component)
    second = submit(plan, author, "Court fees", component)
    submit(plan, author, "Waiting", component)
    decide(first, actor=coordinator, kind=DecisionKind.DEFERRED,
           response_sq="Më vonë.", response_en="Later.")
    decide(second, actor=coordinator, kind=DecisionKind.INCLUDED)
    body = client.get(f"/api/v1/plans/{plan.slug}/decisions?lang=sq").json()
    assert body["count"] == 2 and body["awaiting_response"] == 1
    assert body["by_kind"] == {"included": 1, "merged": 0, "deferred": 1, "not_included": 0}
    item = body["items"][0]
    assert item["idea"] == first.pk and item["response"] == "Më vonë."
    assert item["idea_url"].startswith("http://testserver/sq/plans/")
    assert item["version"] == 1 and item["fed"] is None
    only = client.get(f"/api/v1/plans/{plan.slug}/decisions?kind=included").json()
    assert [i["idea"] for i in only["items"]] == [second.pk]
    assert client.get("/api/v1/plans/nope/decisions").status_code == 404


def test_one_ideas_decision_with_what_it_fed(client, plan, author, coordinator, component):
    idea = submit(plan, author, "Open budget data", component)
    assert client.get(f"/api/v1/ideas/{idea.pk}/decision").status_code == 404
    decide(idea, actor=coordinator, kind=DecisionKind.INCLUDED)
    objective = Objective.objects.create(component=component, title_en="Budgets")
    measure = Measure.objects.create(objective=objective, title_en="Open budget")
    measure.source_ideas.add(idea)
    body = client.get(f"/api/v1/ideas/{idea.pk}/decision?lang=en").json()
    assert body["kind"] == "included" and body["kind_label"] == "Included in the action plan"
    assert body["fed"] == [{"kind": "measure", "number": "1.1", "title": "Open budget"}]
    assert client.get("/api/v1/ideas/999999/decision").status_code == 404


def test_deciding_through_the_api(client, plan, author, coordinator, component, citizen):
    idea = submit(plan, author, "Open budget data", component)
    target = submit(plan, author, "Open spending data", component)
    token = token_for(coordinator)
    missing = post(client, idea, {"kind": "deferred"}, token)
    assert missing.status_code == 422 and "response_sq" in missing.json()["detail"]
    unknown = post(client, idea, {"kind": "merged", "merged_into": 999999,
                                  "response_en": "Same."}, token)
    assert unknown.status_code == 422
    assert post(client, idea, {"kind": "maybe"}, token).status_code == 422
    created = post(client, idea, {"kind": "merged", "merged_into": target.pk,
                                  "response_en": "The same idea.", "expected_version": 0},
                   token)
    assert created.status_code == 201 and created.json()["merged_into"] == target.pk
    stale = post(client, idea, {"kind": "not_included", "response_en": "No.",
                                "expected_version": 0}, token)
    assert stale.status_code == 409 and "Someone else" in stale.json()["detail"]
    changed = post(client, idea, {"kind": "not_included", "response_en": "No.",
                                  "expected_version": 1}, token)
    assert changed.status_code == 200 and changed.json()["version"] == 2
    refused = post(client, idea, {"kind": "included"}, token_for(citizen))
    assert refused.status_code == 403
    assert client.post(f"/api/v1/ideas/{idea.pk}/decision", {"kind": "included"},
                       content_type="application/json").status_code == 401
    assert Decision.objects.get().kind == "not_included"


def test_the_idea_api_says_what_was_decided(client, plan, author, coordinator, component):
    answered = submit(plan, author, "Open budget data", component)
    waiting = submit(plan, author, "Court fees", component)
    decide(answered, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Later.")
    assert client.get(f"/api/v1/ideas/{answered.pk}").json()["decision"] == "deferred"
    assert client.get(f"/api/v1/ideas/{waiting.pk}").json()["decision"] is None
    listed = client.get(f"/api/v1/plans/{plan.slug}/ideas?status=awaiting").json()
    assert [(i["id"], i["decision"]) for i in listed["items"]] == [(waiting.pk, None)]
    deferred = client.get(f"/api/v1/plans/{plan.slug}/ideas?status=deferred").json()
    assert [i["id"] for i in deferred["items"]] == [answered.pk]
