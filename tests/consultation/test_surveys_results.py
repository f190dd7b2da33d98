"""Results: the numbers on a known set of responses (page and API agree), who sees them
when, the written answers (escaped, paginated), and the number of queries, pinned at two
sizes."""

import re

import pytest
from django.urls import reverse
from surveys_helpers import by_kind, full_answers, make_survey

from bashke.consultation.demos.surveys import generate_responses
from bashke.consultation.models import ResultsVisibility, SurveyAnswer, SurveyStatus
from bashke.consultation.models.surveys import survey_results
from bashke.consultation.services import surveys as services
from bashke.consultation.views.surveys.results import TEXTS_PER_PAGE

from personas import make_user

pytestmark = pytest.mark.django_db

# (single, multiple, scale, ranks of Apple/Pear/Plum, short text, long text)
KNOWN = [
    (0, (0, 1), 5, (1, 2, 3), "Good", ""),
    (0, (1,), 4, (2, 1, 3), "", ""),
    (1, (1, 2), 1, (1, 3, 2), "<b>bold</b>", ""),
    (2, (2,), 4, (3, 2, 1), "", "=cmd|' /C calc'!A0"),
]


@pytest.fixture
def known(plan):
    survey = make_survey(plan)
    for n, (single, multiple, scale, ranks, short, long) in enumerate(KNOWN):
        services.submit_response(survey, actor=make_user(f"p{n}@example.org", f"P{n}"),
                                 answers=full_answers(survey, single=single, multiple=multiple,
                                                      scale=scale, ranks=ranks, short=short,
                                                      long=long))
    return survey


def results_of(survey):
    questions = list(survey.questions.prefetch_related("options"))
    return {r.question.kind: r for r in survey_results(questions,
                                                       SurveyAnswer.objects.tally(questions))}


def test_the_numbers_of_a_known_set_of_responses(known):
    results = results_of(known)

    single = results["single"]
    assert single.answered == 4
    assert [(o.option.label_en, o.count, o.percent) for o in single.options] == [
        ("Apple", 2, 50.0), ("Pear", 1, 25.0), ("Plum", 1, 25.0)]
    multiple = results["multiple"]
    assert multiple.answered == 4  # people, not choices (there were six)
    assert [(o.count, o.percent) for o in multiple.options] == [(1, 25.0), (3, 75.0),
                                                                (2, 50.0)]
    scale = results["scale"]
    assert scale.answered == 4 and scale.mean == 3.5
    assert scale.distribution == [(1, 1, 25.0), (2, 0, 0.0), (3, 0, 0.0), (4, 2, 50.0),
                                  (5, 1, 25.0)]
    ranking = results["ranking"]
    assert ranking.answered == 4
    assert [(o.option.label_en, o.ranks, o.average_rank, o.borda, o.percent)
            for o in ranking.options] == [
        ("Apple", [2, 1, 1], 1.75, 5, 50.0),
        ("Pear", [1, 2, 1], 2.0, 4, 25.0),
        ("Plum", [1, 1, 2], 2.25, 3, 25.0),
    ]
    assert results["short_text"].answered == 2 and results["long_text"].answered == 1


def test_the_results_page_shows_a_chart_and_its_table_per_question(client, known):
    page = client.get(reverse("consultation:survey_results",
                              kwargs={"slug": known.plan.slug, "pk": known.pk})).content.decode()

    assert page.count("<h1>") == 1 and "4 responses in all." in page
    assert page.count('class="chart chart-bar"') == 4  # texts are listed, not charted
    assert page.count("<table>") == 4
    assert "<th scope=\"row\">Apple</th><td>2</td><td>50</td>" in page
    assert "Mean: 3.5 on a scale from 1 to 5." in page
    # Ranking: the options by Borda points, with the average rank and first places.
    assert re.search(r"Apple</th><td>5</td><td>1\.75</td><td>2</td>", page)
    assert "Answered by 2 of 4 people." in page and "Read the 2 answers" in page


def test_the_api_gives_the_same_numbers_as_the_page(client, known):
    data = client.get(f"/api/v1/surveys/{known.pk}/results?lang=en").json()

    assert data["response_count"] == 4 and data["results_available"] is True
    questions = {q["kind"]: q for q in data["questions"]}
    assert [(o["label"], o["count"], o["percent"]) for o in questions["single"]["options"]] == [
        ("Apple", 2, 50.0), ("Pear", 1, 25.0), ("Plum", 1, 25.0)]
    assert questions["scale"]["mean"] == 3.5
    assert [d["count"] for d in questions["scale"]["distribution"]] == [1, 0, 0, 2, 1]
    assert [(o["average_rank"], o["borda"], o["ranks"])
            for o in questions["ranking"]["options"]] == [
        (1.75, 5, [2, 1, 1]), (2.0, 4, [1, 2, 1]), (2.25, 3, [1, 1, 2])]
    # Written answers only as a count: none of their text.
    assert questions["short_text"]["text_answers"] == 2
    assert "Good" not in str(data) and "bold" not in str(data)


def test_written_answers_are_escaped_and_paginated(client, known):
    question = by_kind(known)["short_text"]
    url = reverse("consultation:survey_texts", kwargs={"slug": known.plan.slug,
                                                       "pk": known.pk, "question": question.pk})
    page = client.get(url).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    assert "2 written answers, newest first." in page
    assert page.index("bold") < page.index("Good")

    generate_responses(known, TEXTS_PER_PAGE + 30, seed=4)
    second = client.get(url + "?page=2").content.decode()
    assert 'start="51"' in second and "Page 2 of 2" in second


def test_a_choice_question_has_no_written_answers_page(client, known):
    question = by_kind(known)["single"]
    url = reverse("consultation:survey_texts", kwargs={"slug": known.plan.slug,
                                                       "pk": known.pk, "question": question.pk})
    assert client.get(url).status_code == 404


class TestWhoSeesResultsWhen:
    @pytest.fixture
    def running(self, plan, citizen):
        survey = make_survey(plan, results=ResultsVisibility.AFTER_CLOSE)
        services.submit_response(survey, actor=citizen, answers=full_answers(survey))
        return survey

    def url(self, survey):
        return reverse("consultation:survey_results",
                       kwargs={"slug": survey.plan.slug, "pk": survey.pk})

    def test_the_public_waits_until_it_closes(self, client, running):
        page = client.get(self.url(running)).content.decode()
        assert "The results are published when the survey closes" in page
        assert "chart-bar" not in page
        api = client.get(f"/api/v1/surveys/{running.pk}/results")
        assert api.status_code == 403 and "published when the survey closes" in api.json()[
            "detail"]

    def test_its_editors_follow_the_answers_live(self, client_for, coordinator, running):
        page = client_for(coordinator).get(self.url(running)).content.decode()
        assert "chart-bar" in page and "the public sees them once it closes" in page

    def test_once_closed_everyone_sees_them(self, client, running):
        services.set_status(running, actor=None, status=SurveyStatus.CLOSED)
        page = client.get(self.url(running)).content.decode()
        assert "chart-bar" in page and "This survey closed on" in page
        assert client.get(f"/api/v1/surveys/{running.pk}/results").status_code == 200

    def test_a_draft_has_no_results_for_the_public(self, client, plan):
        draft = make_survey(plan, status=SurveyStatus.DRAFT)
        assert client.get(self.url(draft)).status_code == 404
        assert client.get(f"/api/v1/surveys/{draft.pk}/results").status_code == 404


@pytest.mark.parametrize("size", [5, 400])
def test_queries_are_fixed_whatever_the_number_of_responses(client, client_for, coordinator,
                                                            plan, size,
                                                            django_assert_num_queries):
    survey = make_survey(plan)
    generate_responses(survey, size, seed=size)
    text = by_kind(survey)["long_text"]
    kwargs = {"slug": plan.slug, "pk": survey.pk}

    # get the survey, its questions and options, count the responses, one GROUP BY
    with django_assert_num_queries(5):
        assert client.get(reverse("consultation:survey_results", kwargs=kwargs)).status_code \
            == 200
    with django_assert_num_queries(5):  # the same, and the survey's response count
        assert client.get(f"/api/v1/surveys/{survey.pk}/results").status_code == 200
    with django_assert_num_queries(4):  # the survey, the question, a count, a page
        assert client.get(reverse("consultation:survey_texts", kwargs={
            **kwargs, "question": text.pk})).status_code == 200
    with django_assert_num_queries(4):  # the plan, its components, the surveys, the counts
        assert client.get(reverse("consultation:surveys", kwargs={"slug": plan.slug})
                          ).status_code == 200
    with django_assert_num_queries(3):
        assert client.get(f"/api/v1/plans/{plan.slug}/surveys").status_code == 200
    # Signed in: the session and the account too.
    editor = client_for(coordinator)
    with django_assert_num_queries(7):
        assert editor.get(reverse("consultation:survey_results", kwargs=kwargs)
                          ).status_code == 200
