"""The versions' API: the list, a version's table with numbers and totals, the comparison,
the comments, and a comment posted with a token (idempotent)."""

import datetime
import json

import pytest
from versions_helpers import consulting_plan, coordinator_of, make_table

from bashke.api import services as api_services
from bashke.drafting import tree
from bashke.drafting.models import Activity, VersionComment
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today

from personas import make_user

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
API = "/api/v1/plans"


@pytest.fixture
def cplan(jurisdiction, ministry, agency):
    plan = consulting_plan(jurisdiction, ministry, agency)
    make_table(plan, institution=agency)
    return plan


@pytest.fixture
def coord(cplan):
    return coordinator_of(cplan)


@pytest.fixture
def two_versions(cplan, coord):
    first = services.publish_for_comment(services.freeze(cplan, actor=coord, note="First"),
                                         actor=coord, opens=today(), closes=today() + 3 * DAY)
    activity = Activity.objects.order_by("pk").first()
    activity.cost, activity.title_en = 150, "Renamed"
    activity.save()
    return first, services.freeze(cplan, actor=coord, note="Second")


def token_for(user):
    _token, plain = api_services.create_token(user, actor=None, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_the_list_and_one_version(client, cplan, two_versions):
    listing = client.get(f"{API}/{cplan.slug}/versions?lang=en").json()
    assert [v["number"] for v in listing["items"]] == [1, 2]
    first = listing["items"][0]
    assert first["status"] == "consultation" and first["open_for_comment"] is True
    assert first["decision_document_url"] is None
    detail = client.get(f"{API}/{cplan.slug}/versions/1").json()
    measure = detail["table"]["goals"][0]["objectives"][0]["measures"][0]
    assert measure["number"] == "1.1"
    assert [a["number"] for a in measure["activities"]] == ["1.1.1", "1.1.2"]
    assert measure["activities"][0]["gap"] == "50.00" and measure["totals"]["cost"] == "200.00"
    assert detail["table"]["totals"]["gap"] == "100.00"
    second = client.get(f"{API}/{cplan.slug}/versions/2").json()
    assert second["table"]["totals"]["cost"] == "250.00"


def test_unknown_plans_and_versions_are_404(client, cplan, two_versions):
    assert client.get(f"{API}/nowhere/versions").status_code == 404
    assert client.get(f"{API}/{cplan.slug}/versions/9").status_code == 404
    assert client.get(f"{API}/{cplan.slug}/versions/0").status_code == 422


def test_the_comparison(client, cplan, two_versions):
    data = client.get(f"{API}/{cplan.slug}/versions/1/compare/2").json()
    assert (data["added"], data["removed"], data["changed"]) == (0, 0, 1)
    row = data["rows"][0]
    assert row["kind"] == "activity" and row["number"] == "1.1.1"
    changes = {c["field"]: (c["old"], c["new"]) for c in row["changes"]}
    assert changes["cost"] == ("100.00", "150.00")
    assert changes["title_en"] == ("Activity 1.1.1", "Renamed")
    assert {t["field"] for t in data["totals"]} == {"cost", "gap"}


def test_posting_a_comment_needs_a_token_and_is_idempotent(client, cplan, two_versions):
    person = make_user("api@example.org", "API Person")
    row = f"activity:{tree.build(cplan).activities()[0].id}"
    body = json.dumps({"row": row, "body": "From the API", "language": "en"})
    address = f"{API}/{cplan.slug}/versions/1/comments"
    assert client.post(address, body, content_type="application/json").status_code == 401
    headers = {**token_for(person), "HTTP_IDEMPOTENCY_KEY": "comment-1"}
    first = client.post(address, body, content_type="application/json", **headers)
    assert first.status_code == 201 and first.json()["body"] == "From the API"
    again = client.post(address, body, content_type="application/json", **headers)
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert VersionComment.objects.count() == 1
    listed = client.get(address).json()
    assert listed["count"] == 1 and listed["items"][0]["author"] == "API Person"


def test_comment_refusals(client, cplan, two_versions):
    headers = {**token_for(make_user("api@example.org", "API Person")),
               "HTTP_ACCEPT_LANGUAGE": "en"}
    row = f"activity:{tree.build(cplan).activities()[0].id}"
    closed = client.post(f"{API}/{cplan.slug}/versions/2/comments",
                         json.dumps({"row": row, "body": "Hi"}),
                         content_type="application/json", **headers)
    assert closed.status_code == 409 and "not been published" in closed.json()["detail"]
    wrong_row = client.post(f"{API}/{cplan.slug}/versions/1/comments",
                            json.dumps({"row": "measure:0", "body": "Hi"}),
                            content_type="application/json", **headers)
    assert wrong_row.status_code == 422 and "Choose a measure" in wrong_row.json()["detail"]
    assert not VersionComment.objects.exists()


def test_hidden_comments_lose_text_and_author(client, cplan, coord, two_versions):
    first, _second = two_versions
    row = f"activity:{tree.build(cplan).activities()[0].id}"
    item = services.comment(first, row, actor=make_user("a@example.org", "A"), body="Spam")
    services.hide_comment(item, actor=coord, reason="Advertising.")
    data = client.get(f"{API}/{cplan.slug}/versions/1/comments").json()["items"][0]
    assert data == {**data, "body": "", "author": None, "hidden": True,
                    "hidden_reason": "Advertising."}


def test_reading_takes_the_same_queries_at_two_sizes(client, cplan, coord, two_versions,
                                                     django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    addresses = [f"{API}/{cplan.slug}/versions", f"{API}/{cplan.slug}/versions/2",
                 f"{API}/{cplan.slug}/versions/1/compare/2",
                 f"{API}/{cplan.slug}/versions/1/comments"]

    def counts():
        result = []
        for address in addresses:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(address).status_code == 200
            result.append(len(queries.captured_queries))
        return result

    small = counts()
    make_table(cplan, objectives=3, measures=2, activities=4)
    services.freeze(cplan, actor=coord)
    first = two_versions[0]
    rows = list(services.row_keys(first))
    for number in range(5):
        services.comment(first, rows[number % len(rows)], actor=coord, body=f"x{number}")
    assert counts() == small
