"""Hostile numbers and wrong addresses: every integer from outside is range-checked (422,
never a database error), and every error under /api/ is JSON with a ``detail``."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bashke.api import services as token_services
from bashke.api.schemas import DB_INT_MAX

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.fixture
def raw_client():
    # Answers a 500 as a browser would see it instead of re-raising the exception.
    return Client(raise_request_exception=False)


@pytest.fixture
def token(citizen):
    return token_services.create_token(citizen, actor=citizen, name="tests")[1]


def assert_json_error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = response.json()
    assert body["detail"], body
    return body["detail"]


def test_a_huge_offset_is_422_on_every_list(raw_client, plan):
    for path in ["/api/v1/plans", f"/api/v1/plans/{plan.slug}/ideas", "/api/v1/examples",
                 f"/api/v1/plans/{plan.slug}/meetings"]:
        for value in (HUGE, str(DB_INT_MAX + 1), "-1"):
            detail = assert_json_error(raw_client.get(path, {"offset": value}), 422)
            assert detail[0]["loc"] == ["query", "offset"], path
        # The largest offset a column holds is still a valid, empty page.
        largest = raw_client.get(path, {"offset": str(DB_INT_MAX)})
        assert largest.status_code == 200 and largest.json()["items"] == [], path


@pytest.mark.parametrize("path", ["/api/v1/ideas/{}", "/api/v1/ideas/{}/comments",
                                  "/api/v1/meetings/{}", "/api/v1/surveys/{}/results"])
def test_ids_in_paths_out_of_range_are_422_and_in_range_404(raw_client, path):
    for value in (HUGE, str(DB_INT_MAX + 1), "0"):
        detail = assert_json_error(raw_client.get(path.format(value)), 422)
        assert detail[0]["loc"][0] == "path"
    assert_json_error(raw_client.get(path.format(DB_INT_MAX)), 404)


def test_filters_by_id_out_of_range_are_422(raw_client, plan):
    for name in ("goal", "component"):
        response = raw_client.get(f"/api/v1/plans/{plan.slug}/ideas", {name: HUGE})
        assert assert_json_error(response, 422)[0]["loc"] == ["query", name]


def test_ids_in_an_idea_body_out_of_range_are_422(raw_client, plan, component, token):
    for body in ({"agencies": [9223372036854775808]}, {"component": int(HUGE)},
                 {"goal": -1}, {"agencies": [1, 0]}):
        response = raw_client.post(
            f"/api/v1/plans/{plan.slug}/ideas",
            {"title": "x", "overall_idea": "y", "component": component.pk} | body,
            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
        detail = assert_json_error(response, 422)
        assert detail[0]["loc"][:2] == ["body", "payload"], detail


def test_an_unknown_api_path_is_a_json_404(raw_client):
    for path in ["/api/v1/nowhere", "/api/v1/plans/x/y/z", "/api/v2/plans", "/api/"]:
        detail = assert_json_error(raw_client.get(path), 404)
        assert "/api/v1/docs" in detail


def test_a_wrong_method_is_a_json_405_that_says_what_is_allowed(raw_client, plan):
    response = raw_client.delete("/api/v1/plans")
    assert "DELETE" in assert_json_error(response, 405)
    assert response["Allow"] == "GET"
    response = raw_client.put(f"/api/v1/plans/{plan.slug}/ideas")
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}
    assert_json_error(response, 405)


def test_a_bug_is_a_json_500(raw_client, monkeypatch):
    from bashke.api.routers import plans

    def broken():
        raise RuntimeError("a bug")

    monkeypatch.setattr(plans, "plans_in_order", broken)
    detail = assert_json_error(raw_client.get("/api/v1/plans"), 500)
    assert "a bug" not in detail  # the cause goes to the log, not to the caller


def test_401_422_and_429_stay_json(raw_client, plan, token, monkeypatch):
    assert_json_error(raw_client.get("/api/v1/me"), 401)
    assert_json_error(raw_client.get("/api/v1/plans", {"limit": "many"}), 422)
    from bashke.api.routers import wordform

    monkeypatch.setattr(wordform, "PARSES_PER_HOUR", 1)
    for status in (422, 429):  # not a .docx; then one read too many
        response = raw_client.post(f"/api/v1/plans/{plan.slug}/ideas/parse-docx",
                                   {"file": SimpleUploadedFile("form.docx", b"not a docx")})
        assert_json_error(response, status)


def test_pages_outside_the_api_keep_their_html_404(raw_client):
    response = raw_client.get("/en/no-such-page/at-all/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
