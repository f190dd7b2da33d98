"""The survey's page in a browser's place: accessible markup, errors next to each question
with everything typed kept, once per account, answers without an account through the
survey's cookie, and what the page says outside the opening window."""

import re

import pytest
from django.urls import reverse
from surveys_helpers import (  # noqa: F401
    anonymous_survey_fixture,
    as_post,
    by_kind,
    full_answers,
    make_survey,
    survey_fixture,
)

from bashke.consultation.demos.surveys import generate_responses
from bashke.consultation.models import SurveyResponse, SurveyStatus
from bashke.consultation.views.surveys.answer import cookie_name

pytestmark = pytest.mark.django_db


def url(survey):
    return reverse("consultation:survey", kwargs={"slug": survey.plan.slug, "pk": survey.pk})


def test_each_question_is_a_fieldset_with_labelled_inputs(client_for, citizen, survey):
    page = client_for(citizen).get(url(survey)).content.decode()
    q = by_kind(survey)

    assert page.count("<h1>") == 1
    assert page.count('<fieldset class="survey-question"') == 6
    assert page.count("<legend>") == 6
    assert page.count(f'type="radio" name="q-{q["single"].pk}"') == 3
    assert page.count(f'type="checkbox" name="q-{q["multiple"].pk}"') == 3
    assert page.count(f'type="radio" name="q-{q["scale"].pk}"') == 5
    assert "1 – little" in page and "5 – a lot" in page
    assert 'maxlength="300"' in page and 'maxlength="5000"' in page
    # Ranking works without JavaScript: a labelled <select> per option, ranks 1 to 3.
    for option in q["ranking"].options.all():
        field_id = f"q-{q['ranking'].pk}-rank-{option.pk}"
        assert f'<label for="{field_id}">{option.label_en}</label>' in page
        assert re.search(rf'<select name="{field_id}" id="{field_id}">\s*<option value="">'
                         rf'Choose a rank</option>\s*<option value="1">1</option>', page)
    # Every input has a label that points at it.
    for input_id in re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', page):
        assert f'for="{input_id}"' in page, input_id


def test_mistakes_are_shown_next_to_their_question_and_nothing_typed_is_lost(
        client_for, citizen, survey):
    q = by_kind(survey)
    answers = full_answers(survey, multiple=(0, 1, 2), scale=9, ranks=("1", "1", "2"),
                           short="Kept <as typed>")
    answers[q["single"].pk] = ""

    response = client_for(citizen).post(url(survey), as_post(survey, answers))

    page = response.content.decode()
    assert response.status_code == 200 and not SurveyResponse.objects.exists()
    assert "Your answers are not saved yet" in page
    for kind, message in [("single", "This question needs an answer."),
                          ("multiple", "Choose at most 2 options (you chose 3)."),
                          ("scale", "Choose a value from 1 to 5."),
                          ("ranking", "Give each option a different rank: 1 used more than "
                                      "once.")]:
        name = q[kind].field_name
        assert re.search(rf'<fieldset class="survey-question has-error" id="{name}" '
                         rf'aria-describedby="[^"]*{name}-error"', page), kind
        assert re.search(rf'<ul class="errorlist" id="{name}-error"><li>{re.escape(message)}',
                         page), kind
        assert f'<a href="#{name}">' in page  # and listed at the top, with a link
    # What was typed and chosen is still there.
    assert 'value="Kept &lt;as typed&gt;"' in page
    assert page.count(f'name="q-{q["multiple"].pk}" id=') == 3
    assert page.count(" checked>") == 3  # the three fruit; the scale value 9 was none
    ranking = list(q["ranking"].options.all())
    assert re.search(rf'id="q-{q["ranking"].pk}-rank-{ranking[2].pk}">.*?'
                     r'<option value="2" selected>2</option>', page, re.S)


def test_answering_once_then_the_page_says_so(client_for, citizen, survey):
    client = client_for(citizen)
    response = client.post(url(survey), as_post(survey, full_answers(survey)), follow=True)

    page = response.content.decode()
    assert "Thank you: your answers are saved." in page
    assert "You have answered this survey. Thank you!" in page
    assert "<form method=\"post\" novalidate class=\"survey-form\">" not in page
    assert SurveyResponse.objects.get().user == citizen
    again = client.post(url(survey), as_post(survey, full_answers(survey)))
    assert SurveyResponse.objects.count() == 1 and again.status_code == 200


def test_without_an_account_the_page_asks_to_log_in(client, survey):
    page = client.get(url(survey)).content.decode()
    assert "Log in to answer this survey" in page and "survey-form" not in page
    assert cookie_name(survey) not in client.cookies
    client.post(url(survey), as_post(survey, full_answers(survey)))
    assert not SurveyResponse.objects.exists()


def test_without_an_account_a_cookie_keeps_one_response_per_browser(client, anonymous_survey):
    survey = anonymous_survey
    page = client.get(url(survey)).content.decode()
    assert "answering without an account" in page
    token = client.cookies[cookie_name(survey)]
    assert token["httponly"] and token["samesite"] == "Lax"

    data = as_post(survey, full_answers(survey))
    client.post(url(survey), data)
    second = client.post(url(survey), data)  # a double click, or the back button

    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().user is None
    assert "You have answered this survey" in second.content.decode()
    assert "You have answered this survey" in client.get(url(survey)).content.decode()


def test_a_post_without_the_cookie_is_told_why_and_given_one(client, anonymous_survey):
    survey = anonymous_survey
    response = client.post(url(survey), as_post(survey, full_answers(survey)))
    assert "did not send the survey&#x27;s cookie" in response.content.decode()
    assert cookie_name(survey) in response.cookies
    assert not SurveyResponse.objects.exists()
    client.post(url(survey), as_post(survey, full_answers(survey)))
    assert SurveyResponse.objects.count() == 1


def test_a_forged_cookie_counts_as_none(client, anonymous_survey):
    survey = anonymous_survey
    client.cookies[cookie_name(survey)] = "forged"
    response = client.post(url(survey), as_post(survey, full_answers(survey)))
    assert "cookie" in response.content.decode() and not SurveyResponse.objects.exists()


@pytest.mark.parametrize("settings_, message", [
    ({"opens": 2, "closes": 9}, "This survey opens on"),
    ({"opens": -9, "closes": -2}, "This survey closed on"),
    ({"status": SurveyStatus.CLOSED}, "This survey closed on"),
])
def test_outside_its_window_the_page_says_when(client_for, citizen, plan, settings_, message):
    survey = make_survey(plan, **settings_)
    client = client_for(citizen)
    page = client.get(url(survey)).content.decode()
    assert message in page and "survey-form" not in page
    client.post(url(survey), as_post(survey, full_answers(survey)))
    assert not SurveyResponse.objects.exists()


def test_the_opening_day_is_written_as_people_write_it(client, plan):
    survey = make_survey(plan, opens=2, closes=9)
    page = client.get(url(survey).replace("/en/", "/sq/")).content.decode()
    day = survey.opens_label.split(",")[0]
    assert day == day.lower() and day in page  # "3 dhjetor 2026": Albanian, lower case


def test_a_draft_is_not_found_and_another_plans_survey_neither(client, client_for, citizen,
                                                               plan, open_plan):
    draft = make_survey(plan, status=SurveyStatus.DRAFT)
    assert client_for(citizen).get(url(draft)).status_code == 404
    elsewhere = make_survey(open_plan)
    wrong = reverse("consultation:survey", kwargs={"slug": plan.slug, "pk": elsewhere.pk})
    assert client.get(wrong).status_code == 404


@pytest.mark.parametrize("size", [5, 300])
def test_the_page_runs_the_same_queries_whatever_the_responses(client, client_for, citizen,
                                                               plan, size,
                                                               django_assert_num_queries):
    survey = make_survey(plan, allow_anonymous=True)
    generate_responses(survey, size, seed=size)
    # the survey; its questions and options
    with django_assert_num_queries(3):
        assert client.get(url(survey)).status_code == 200
    signed_in = client_for(citizen)
    # + the session, the account, "already answered?" and the person's roles in the plan
    # behind "may this person manage it?" (for the link to its editing page), one query
    with django_assert_num_queries(7):
        assert signed_in.get(url(survey)).status_code == 200
