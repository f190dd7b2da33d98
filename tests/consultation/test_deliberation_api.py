"""The deliberation API: an idea's comments (hidden ones replaced by the reason) and a
plan's statements with totals; public, read-only, a fixed number of queries."""

import pytest
from deliberation_fixtures import *  # noqa: F403 (fixtures)
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bashke.consultation.models import Comment
from bashke.consultation.services import deliberation as services
from bashke.consultation.services import statements as statement_services

pytestmark = pytest.mark.django_db


def test_comments_with_replies_and_hidden_ones_replaced(client, idea, citizen, cso_member,
                                                        open_moderator):
    top = services.add_comment(idea, actor=citizen, body="**Yes**", language="en")
    services.add_comment(idea, actor=cso_member, body="Thanks", parent=top)
    rude = services.add_comment(idea, actor=citizen, body="Rude")
    services.hide(rude, actor=open_moderator, reason="Insulting.")

    response = client.get(f"/api/v1/ideas/{idea.pk}/comments")

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    first, hidden = data["items"]
    assert (first["body"], first["body_html"], first["author"]) == (
        "**Yes**", "<p><strong>Yes</strong></p>", "Citizen")
    assert [reply["body"] for reply in first["replies"]] == ["Thanks"]
    assert hidden == {**hidden, "hidden": True, "hidden_reason": "Insulting.", "body": None,
                      "body_html": None, "author": ""}
    assert "Rude" not in response.content.decode()


def test_comments_of_a_missing_idea(client, db):
    response = client.get("/api/v1/ideas/999999/comments")
    assert response.status_code == 404


def test_writes_are_not_offered(client, idea):
    assert client.post(f"/api/v1/ideas/{idea.pk}/comments", {}).status_code == 405


def test_comments_run_fixed_queries(client, idea, citizen):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/ideas/{idea.pk}/comments").status_code == 200
        return len(queries)

    services.add_comment(idea, actor=citizen, body="One")
    small = count()
    Comment.objects.bulk_create([Comment(idea=idea, author=citizen, body=f"b{n}",
                                         body_html="") for n in range(300)])
    assert count() == small == 2


def test_statements_with_totals_and_the_voting_window(client, statement, citizen, cso_member):
    statement_services.vote(statement, actor=citizen, choice=1)
    statement_services.vote(statement, actor=cso_member, choice=0)
    statement_services.add_statement(statement.plan, actor=citizen, text="Not approved yet")

    response = client.get(f"/api/v1/plans/{statement.plan.slug}/statements?lang=en")

    data = response.json()
    assert data["voting"]["open"] is True and data["voting"]["message"] == ""
    [item] = data["items"]
    assert item["text"] == statement.text and item["idea"] == statement.idea_id
    assert item["votes"] == {"agree": 1, "disagree": 0, "pass": 1, "total": 2}
    assert "user" not in str(item)


def test_statements_say_when_voting_opens(client, open_plan):
    data = client.get(f"/api/v1/plans/{open_plan.slug}/statements?lang=en").json()
    assert data["voting"]["open"] is False
    assert data["voting"]["message"].startswith("Voting on statements is not open")
    assert client.get("/api/v1/plans/nope/statements").status_code == 404


def test_statements_run_fixed_queries(client, statement, open_coordinator, citizen):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/plans/{statement.plan.slug}/statements"
                              ).status_code == 200
        return len(queries)

    small = count()
    for number in range(20):
        extra = statement_services.add_statement(statement.plan, actor=open_coordinator,
                                       text=f"S{number}")
        statement_services.vote(extra, actor=citizen, choice=-1)
    assert count() == small == 3
