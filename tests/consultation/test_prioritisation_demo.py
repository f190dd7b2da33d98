"""The demo lets a visitor vote on statements on the day it is loaded: the Korçë plan's
prioritisation is open, its statements carry the demo people's votes (issue 7, defect 7)."""

import io

import pytest
from django.core.management import call_command

from bashke.accounts.models import User
from bashke.consultation.models import Statement, Vote
from bashke.consultation.services import statements as statement_services
from bashke.plans.models import ActionPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def korce():
    call_command("loaddemo", stdout=io.StringIO())
    return ActionPlan.objects.get(jurisdiction__slug="korce")


def test_voting_is_open_today_with_votes_already_in(korce):
    open_stage, _next = statement_services.voting_window(korce)
    assert open_stage is not None and open_stage.kind == "prioritisation"
    statements = Statement.objects.filter(plan=korce)
    assert statements.count() == 4 and all(s.approved for s in statements)
    assert Vote.objects.filter(statement__plan=korce).count() == 16
    counts = (Statement.objects.count(), Vote.objects.count())
    call_command("loaddemo", stdout=io.StringIO())
    assert (Statement.objects.count(), Vote.objects.count()) == counts


def test_a_demo_visitor_votes_and_sees_the_totals(korce, client):
    # The demo's own accounts, with the password the demo prints.
    assert client.login(email="citizen@bashke.example", password="bashke-demo-2026")
    statement = Statement.objects.get(plan=korce, text__startswith="Dëgjesat publike duhet")
    response = client.post(f"/en/plans/{korce.slug}/statements/{statement.pk}/vote/",
                           {"choice": "-1"})
    assert response.status_code in (200, 302)
    citizen = User.objects.get(email="citizen@bashke.example")
    assert Vote.objects.get(statement=statement, user=citizen).choice == -1
    page = client.get(f"/en/plans/{korce.slug}/statements/").content.decode()
    assert "Dëgjesat publike duhet të transmetohen drejtpërdrejt online." in page
