"""Idempotency-Key on the API operations that create something: a retry returns the first
answer instead of creating a second record."""

import datetime
import threading

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from bashke.api import housekeeping, idempotency
from bashke.api import services as token_services
from bashke.api.models import IdempotencyKey
from bashke.api.urls import api
from bashke.consultation.models import Idea

from personas import make_user
from scenes import local_plan


@pytest.fixture
def open_plan(db):
    return local_plan()


@pytest.fixture
def token(citizen):
    return token_services.create_token(citizen, actor=citizen, name="tests")[1]


def body(marker="one", **extra):
    return {"title": f"Idea {marker}", "overall_idea": f"Open the budget data ({marker}).",
            **extra}


def post(client, plan, token, data, key=None, **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post(f"/api/v1/plans/{plan.slug}/ideas", data,
                       content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
                       **headers)


def test_the_same_key_and_body_return_the_first_answer(client, open_plan, token):
    first = post(client, open_plan, token, body(), key="k-1")
    again = post(client, open_plan, token, body(), key="k-1")
    assert first.status_code == 201
    assert (again.status_code, again.content, again["Content-Type"]) == (
        first.status_code, first.content, first["Content-Type"])
    assert again[idempotency.REPLAYED_HEADER] == "true"
    assert idempotency.REPLAYED_HEADER not in first
    assert Idea.objects.count() == 1


def test_a_body_with_its_keys_in_another_order_is_the_same_body(client, open_plan, token):
    first = post(client, open_plan, token, '{"title": "A", "overall_idea": "B"}', key="k")
    again = post(client, open_plan, token, '{"overall_idea": "B", "title": "A"}', key="k")
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert Idea.objects.count() == 1


def test_the_same_key_with_another_body_is_a_422(client, open_plan, token):
    post(client, open_plan, token, body("one"), key="k-2")
    other = post(client, open_plan, token, body("two"), key="k-2")
    assert other.status_code == 422
    assert other["Content-Type"] == "application/json"
    assert "already used for a different request" in other.json()["detail"]
    assert list(Idea.objects.values_list("title", flat=True)) == ["Idea one"]


def test_the_same_key_on_another_plan_is_another_request(client, open_plan, token):
    post(client, open_plan, token, body(), key="k-3")
    response = client.post("/api/v1/plans/nowhere/ideas", body(), content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_IDEMPOTENCY_KEY="k-3")
    assert response.status_code == 422


def test_keys_belong_to_their_sender(client, open_plan, token):
    other = make_user("other@example.org", "Other")
    other_token = token_services.create_token(other, actor=other)[1]
    mine = post(client, open_plan, token, body(), key="shared")
    theirs = post(client, open_plan, other_token, body(), key="shared")
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]
    assert Idea.objects.count() == 2


def test_without_a_key_every_request_creates(client, open_plan, token):
    post(client, open_plan, token, body())
    post(client, open_plan, token, body())
    assert Idea.objects.count() == 2
    assert not IdempotencyKey.objects.exists()


def test_an_error_is_not_kept_so_the_corrected_request_can_use_the_key(client, open_plan,
                                                                        token):
    refused = post(client, open_plan, token, body(overall_idea=""), key="k-4")
    assert refused.status_code == 422 and "overall_idea" in refused.json()["detail"]
    assert not IdempotencyKey.objects.exists()
    corrected = post(client, open_plan, token, body(), key="k-4")
    assert corrected.status_code == 201
    assert Idea.objects.count() == 1


def test_a_bad_token_with_a_key_is_a_401_and_keeps_nothing(client, open_plan):
    response = post(client, open_plan, "bk_" + "x" * 43, body(), key="k-5")
    assert response.status_code == 401
    assert not IdempotencyKey.objects.exists()


@pytest.mark.parametrize("key, problem", [
    ("", "is empty"),
    ("x" * 256, "at most 255"),
    ("two words", "visible ASCII"),
    ("ключ", "visible ASCII"),
])
def test_a_malformed_key_is_a_422_that_says_why(client, open_plan, token, key, problem):
    response = post(client, open_plan, token, body(), key=key)
    assert response.status_code == 422
    assert problem in response.json()["detail"]
    assert not Idea.objects.exists()


def test_a_key_older_than_a_day_is_forgotten(client, open_plan, token):
    post(client, open_plan, token, body(), key="k-6")
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    again = post(client, open_plan, token, body(), key="k-6")
    assert again.status_code == 201 and idempotency.REPLAYED_HEADER not in again
    assert Idea.objects.count() == 2
    assert IdempotencyKey.objects.count() == 1


def test_housekeeping_prunes_keys_older_than_a_day(client, open_plan, token):
    post(client, open_plan, token, body("old"), key="old")
    post(client, open_plan, token, body("new"), key="new")
    now = timezone.now()
    IdempotencyKey.objects.filter(key="old").update(created_at=now - datetime.timedelta(hours=25))
    IdempotencyKey.objects.filter(key="new").update(created_at=now - datetime.timedelta(hours=23))
    assert housekeeping.prune(now)["idempotency_keys"] == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new"]
    assert housekeeping.prune(now)["idempotency_keys"] == 0


def test_every_creating_operation_declares_the_header():
    schema = api.get_openapi_schema()
    creating = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = {str(status) for status in operation["responses"]}
            if method == "post" and "201" in statuses:
                creating.append(operation["operationId"])
                headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
                assert headers.count(idempotency.HEADER) == 1, (path, headers)
                assert "422" in statuses, path
    assert "submit_idea" in creating


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_with_one_key_create_once(open_plan, token):
    """The second waits for the first and answers with its stored response."""
    barrier = threading.Barrier(4)
    answers = []

    def submit():
        try:
            barrier.wait(timeout=10)
            response = post(Client(), open_plan, token, body(), key="race")
            answers.append((response.status_code, response.content))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == 4
    assert {status for status, _content in answers} == {201}
    assert len({content for _status, content in answers}) == 1
    assert Idea.objects.count() == 1
