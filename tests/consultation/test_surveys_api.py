"""GET /api/v1/plans/{slug}/surveys and /api/v1/surveys/{id}/results: what is listed,
languages, errors; and the demo's surveys, loaded twice."""

import io

import pytest
from django.core.management import call_command
from surveys_helpers import make_survey

from bashke.consultation.models import Survey, SurveyResponse, SurveyStatus

pytestmark = pytest.mark.django_db


def test_a_plans_surveys_are_listed_without_drafts(client, plan):
    published = make_survey(plan)
    make_survey(plan, status=SurveyStatus.DRAFT)
    closed = make_survey(plan, status=SurveyStatus.CLOSED, opens=-3)

    data = client.get(f"/api/v1/plans/{plan.slug}/surveys?lang=sq").json()

    assert [item["id"] for item in data] == [published.pk, closed.pk]
    first = data[0]
    assert first["title"] == "Pyetësor" and first["title_en"] == "Survey"
    assert first["phase"] == "open" and first["results_available"] is True
    assert first["url"] == f"/sq/plans/{plan.slug}/surveys/{published.pk}/"
    assert first["results_url"] == f"/api/v1/surveys/{published.pk}/results"
    assert first["response_count"] == 0 and first["component"] is None
    assert data[1]["phase"] == "closed"


def test_english_on_request(client, plan):
    make_survey(plan)
    response = client.get(f"/api/v1/plans/{plan.slug}/surveys", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en" and response.json()[0]["title"] == "Survey"


def test_unknown_plan_and_survey(client):
    assert client.get("/api/v1/plans/nowhere/surveys").status_code == 404
    response = client.get("/api/v1/surveys/999/results")
    assert response.status_code == 404 and "999" in response.json()["detail"]
    assert client.get("/api/v1/surveys/abc/results").status_code == 422


def test_the_demo_has_an_open_survey_with_charts_and_a_closed_ranking(client):
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    call_command("loaddemo", stdout=out)  # twice: nothing is added the second time

    local = Survey.objects.get(plan__jurisdiction__slug="shkoder")
    assert local.phase() == "open" and local.allow_anonymous
    assert local.title_sq == "Cilat janë prioritetet tuaja për buxhetin e bashkisë?"
    assert sorted(local.questions.values_list("kind", flat=True)) == sorted(
        ["single", "multiple", "scale", "ranking", "short_text", "long_text"])
    assert SurveyResponse.objects.filter(survey=local).count() == 300
    national = Survey.objects.get(plan__slug="albania-2020-2022")
    assert national.phase() == "closed" and national.questions.first().kind == "ranking"

    page = client.get(f"/en/plans/{local.plan.slug}/surveys/{local.pk}/results/")
    assert page.content.decode().count('class="chart chart-bar"') == 4
    results = client.get(f"/api/v1/surveys/{national.pk}/results").json()
    ranking = results["questions"][0]["options"]
    assert sum(option["borda"] for option in ranking) == 140 * 15  # 6 options: 5+4+…+0
