"""The ranking: combined score, spread, disagreement and count per idea from the
submitted assessments only; the filters; aggregates only in public; a fixed number of
queries at any size, for the page and the API."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from scoring_helpers import make_assessor, open_sheet, record_idea, scores, submit

from bashke.assessment.services import ranking
from bashke.assessment.services import scoring as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(plan, coordinator):
    return open_sheet(plan, coordinator)


@pytest.fixture
def second(plan):
    return make_assessor(plan, "second@example.org", name="Second Assessor")


@pytest.fixture
def ideas(plan, coordinator, component, sheet, assessor, second):
    """Agreed (2 and 2), disputed (3 and 1), a draft only, unassessed; the last in the
    other component."""
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    agreed = record_idea(plan, coordinator, component, "Agreed")
    disputed = record_idea(plan, coordinator, component, "Disputed")
    drafted = record_idea(plan, coordinator, component, "Drafted")
    elsewhere = record_idea(plan, coordinator, other, "Elsewhere")
    submit(agreed, assessor, sheet, score=2)
    submit(agreed, second, sheet, score=2)
    submit(disputed, assessor, sheet, score=3, specific=0)
    submit(disputed, second, sheet, score=1)
    services.save_assessment(drafted, actor=assessor, scores=scores(sheet, score=3))
    return {"agreed": agreed, "disputed": disputed, "drafted": drafted,
            "elsewhere": elsewhere}


def titles(queryset):
    return [idea.title for idea in queryset]


def test_aggregates_count_submitted_assessments_only(sheet, ideas):
    ranked = {idea.title: idea for idea in ranking.ranked_ideas(sheet)}
    disputed = ranked["Disputed"]
    # (3 × 11 + 0) / 12 counted criteria, and 1: mean 1.875, spread 1.75.
    assert disputed.combined == Decimal("1.875") and disputed.assessed == 2
    assert disputed.spread == Decimal("1.750") and ranking.disagrees(sheet, disputed)
    agreed = ranked["Agreed"]
    assert (agreed.combined, agreed.spread, agreed.assessed) == (Decimal("2"), 0, 2)
    assert not ranking.disagrees(sheet, agreed)
    assert ranked["Drafted"].combined is None and ranked["Drafted"].assessed == 0
    assert titles(ranking.ranked_ideas(sheet))[:2] == ["Agreed", "Disputed"]


def test_the_filters(sheet, ideas, component):
    Filters = ranking.Filters
    assert titles(ranking.ranked_ideas(sheet, Filters(min_score=Decimal("1.9")))) == ["Agreed"]
    assert titles(ranking.ranked_ideas(sheet, Filters(disagreement=True))) == ["Disputed"]
    by_component = titles(ranking.ranked_ideas(sheet, Filters(component=component)))
    assert "Elsewhere" not in by_component and len(by_component) == 3
    measurable = sheet.criteria.get(code="measurable")
    specific = sheet.criteria.get(code="specific")
    # Disputed: measurable 3 and 1 (mean 2); agreed: 2 and 2; by "specific", 0 and 1.
    assert titles(ranking.ranked_ideas(sheet, Filters(criterion=specific)))[:2] == [
        "Agreed", "Disputed"]
    ranked = ranking.ranked_ideas(sheet, Filters(criterion=measurable,
                                                 min_score=Decimal("2")))
    assert {idea.title: idea.criterion_mean for idea in ranked} == {
        "Agreed": Decimal("2"), "Disputed": Decimal("2")}


def test_the_public_page_shows_aggregates_only(plan, ideas):
    page = Client().get(reverse("assessment:ranking", kwargs={"slug": plan.slug}))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Assessors disagree" in text and "1.88" in text
    assert "Second Assessor" not in text and "Individual scores" not in text
    filtered = Client().get(reverse("assessment:ranking", kwargs={"slug": plan.slug}),
                            {"disagreement": "on", "min_score": "abc"})
    assert filtered.status_code == 200 and "Agreed" in filtered.content.decode()
    albanian = Client().get(reverse("assessment:ranking", kwargs={"slug": plan.slug})
                            .replace("/en/", "/sq/"))
    assert "1,88" in albanian.content.decode()


def _queries(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


def test_the_page_and_the_api_run_a_fixed_number_of_queries(plan, coordinator, component,
                                                            sheet, assessor, second):
    page = reverse("assessment:ranking", kwargs={"slug": plan.slug})
    api = f"/api/v1/plans/{plan.slug}/assessments"
    client = Client()

    def add(count):
        for number in range(count):
            idea = record_idea(plan, coordinator, component, f"Idea {number}")
            submit(idea, assessor, sheet, score=number % 4)
            submit(idea, second, sheet, score=(number + 1) % 4)

    add(2)
    few = [_queries(client, page), _queries(client, page, criterion="measurable"),
           _queries(client, api), _queries(client, api, criterion="measurable")]
    add(15)
    many = [_queries(client, page), _queries(client, page, criterion="measurable"),
            _queries(client, api), _queries(client, api, criterion="measurable")]
    assert few == many
    assert many[0] <= 10, many
