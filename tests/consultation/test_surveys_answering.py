"""Answering a survey through the service: each kind of mistake with its message, the
opening window, once per account and per browser (also when two arrive at once), and the
rate limit on answers without an account."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation
from surveys_helpers import (  # noqa: F401
    FRUIT,
    anonymous_survey_fixture,
    by_kind,
    full_answers,
    make_survey,
    survey_fixture,
)

from bashke.consultation.models import (
    QuestionKind,
    SurveyAnswer,
    SurveyResponse,
    SurveyStatus,
)
from bashke.consultation.services import surveys as services
from bashke.core.models import AuditEntry

from personas import make_user

pytestmark = pytest.mark.django_db


def errors_of(survey, actor, answers, **kwargs):
    with pytest.raises(ValidationError) as caught:
        services.submit_response(survey, actor=actor, answers=answers, **kwargs)
    assert not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()
    return caught.value.message_dict if hasattr(caught.value, "error_dict") else \
        caught.value.messages


def test_a_full_response_is_stored_one_row_per_choice_rank_value_and_text(survey, citizen):
    answers = full_answers(survey, single=1, multiple=(2, 0), scale=4, ranks=(3, 1, 2),
                           short="Shije", long="")
    response = services.submit_response(survey, actor=citizen, answers=answers)

    q = by_kind(survey)
    rows = set(SurveyAnswer.objects.filter(response=response).values_list(
        "question_id", "option_id", "number", "text"))
    single, multiple, ranking = (list(q[k].options.all()) for k in ("single", "multiple",
                                                                    "ranking"))
    assert rows == {
        (q["single"].pk, single[1].pk, 1, ""),
        # Multiple choice: numbered in the options' order, whatever order they came in.
        (q["multiple"].pk, multiple[0].pk, 1, ""), (q["multiple"].pk, multiple[2].pk, 2, ""),
        (q["short_text"].pk, None, None, "Shije"),
        (q["scale"].pk, None, 4, ""),
        (q["ranking"].pk, ranking[0].pk, 3, ""), (q["ranking"].pk, ranking[1].pk, 1, ""),
        (q["ranking"].pk, ranking[2].pk, 2, ""),
    }  # the empty long text is no row at all
    assert response.user == citizen and response.session_key == ""
    entry = AuditEntry.objects.get(object_type="consultation.surveyresponse")
    assert entry.scope == "" and entry.changes == {"answers": [None, 8],
                                                   "survey": [None, survey.pk]}


def field(survey, kind):
    return by_kind(survey)[kind].field_name


@pytest.mark.parametrize("kind, value, message", [
    ("single", "", "This question needs an answer."),
    ("single", ["1", "2"], "Choose only one option."),
    ("single", "not-a-number", "not one of this question's options"),
    ("multiple", [], "This question needs an answer."),
    ("scale", "6", "Choose a value from 1 to 5."),
    ("scale", "0", "Choose a value from 1 to 5."),
    ("scale", "3.5", "Choose a value from 1 to 5."),
    ("short_text", "x" * 301, "at most 300 characters (it has 301)"),
    ("long_text", "y" * 5001, "at most 5000 characters (it has 5001)"),
    ("ranking", {}, "This question needs an answer."),
])
def test_each_mistake_gets_its_message_next_to_its_question(survey, citizen, kind, value,
                                                            message):
    answers = full_answers(survey)
    answers[by_kind(survey)[kind].pk] = value

    errors = errors_of(survey, citizen, answers)

    assert list(errors) == [field(survey, kind)]
    assert message in errors[field(survey, kind)][0]


def test_line_breaks_count_once_as_the_browser_shows_them(survey, citizen):
    typed = "abc\r\n" * 74 + "abcd"  # 374 characters as sent, 300 as shown
    answers = full_answers(survey, short=typed)
    response = services.submit_response(survey, actor=citizen, answers=answers)
    text = response.answers.get(question=by_kind(survey)["short_text"]).text
    assert len(text) == 300 and "\r" not in text


def test_an_option_of_another_question_is_refused(survey, citizen):
    q = by_kind(survey)
    answers = full_answers(survey)
    answers[q["single"].pk] = str(q["multiple"].options.first().pk)
    answers[q["multiple"].pk] = [str(q["ranking"].options.first().pk)]

    errors = errors_of(survey, citizen, answers)

    for kind in ("single", "multiple"):
        assert "not one of this question's options" in errors[field(survey, kind)][0]


def test_too_many_and_too_few_choices(plan, citizen):
    survey = make_survey(plan, questions=None, status=SurveyStatus.DRAFT)
    question = services.add_question(survey, actor=None, kind=QuestionKind.MULTIPLE,
                                     text_en="Pick", options=FRUIT + [("Fik", "Fig")],
                                     min_choices=2, max_choices=3)
    survey = services.set_status(survey, actor=None, status=SurveyStatus.PUBLISHED)
    ids = [str(o.pk) for o in question.options.all()]

    assert "at least 2 options (you chose 1)" in errors_of(
        survey, citizen, {question.pk: ids[:1]})[question.field_name][0]
    assert "at most 3 options (you chose 4)" in errors_of(
        survey, citizen, {question.pk: ids})[question.field_name][0]
    assert "only once" in errors_of(
        survey, citizen, {question.pk: [ids[0], ids[0]]})[question.field_name][0]


@pytest.mark.parametrize("ranks, message", [
    (("1", "1", "2"), "different rank: 1 used more than once"),
    (("1", "2", ""), "Give every option a rank from 1 to 3."),
    (("1", "2", "4"), "Ranks go from 1 to 3."),
    (("1", "2", "first"), "Ranks go from 1 to 3."),
])
def test_a_ranking_must_be_a_permutation(survey, citizen, ranks, message):
    errors = errors_of(survey, citizen, full_answers(survey, ranks=ranks))
    assert message in errors[field(survey, "ranking")][0]


def test_every_mistake_is_reported_at_once(survey, citizen):
    errors = errors_of(survey, citizen, {})
    assert set(errors) == {field(survey, k) for k in ("single", "multiple", "scale",
                                                      "ranking")}


def test_an_optional_only_survey_still_needs_one_answer(plan, citizen):
    survey = make_survey(plan, questions=None, status=SurveyStatus.DRAFT)
    services.add_question(survey, actor=None, kind=QuestionKind.SHORT_TEXT, text_en="Any?",
                          required=False)
    survey = services.set_status(survey, actor=None, status=SurveyStatus.PUBLISHED)
    assert errors_of(survey, citizen, {}) == ["Answer at least one question before sending."]


@pytest.mark.parametrize("settings_, message", [
    ({"opens": 2, "closes": 9}, "This survey opens on"),
    ({"opens": -9, "closes": -2}, "This survey closed on"),
    ({"status": SurveyStatus.CLOSED}, "This survey closed on"),
    ({"status": SurveyStatus.DRAFT}, "not published yet"),
])
def test_answers_are_taken_only_while_it_is_open(plan, citizen, settings_, message):
    survey = make_survey(plan, **settings_)
    with pytest.raises(ValidationError, match=message):
        services.submit_response(survey, actor=citizen, answers=full_answers(survey))
    assert not SurveyResponse.objects.exists()


def test_once_per_account(survey, citizen):
    services.submit_response(survey, actor=citizen, answers=full_answers(survey))
    with pytest.raises(ValidationError, match="already answered"):
        services.submit_response(survey, actor=citizen, answers=full_answers(survey, scale=1))
    assert SurveyResponse.objects.count() == 1


def test_without_an_account_only_when_the_survey_allows_it(survey, anonymous):
    with pytest.raises(PermissionDenied, match="Log in"):
        services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                                 session_key="token")


def test_without_an_account_once_per_browser_token(anonymous_survey, anonymous):
    survey = anonymous_survey
    services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                             session_key="token-1", client_address="198.51.100.7")
    with pytest.raises(ValidationError, match="already answered"):
        services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                                 session_key="token-1", client_address="198.51.100.7")
    services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                             session_key="token-2", client_address="198.51.100.7")
    assert list(SurveyResponse.objects.values_list("user", "session_key")) == [
        (None, "token-1"), (None, "token-2")]
    with pytest.raises(ValidationError, match="cookie"):
        services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                                 session_key="")


def test_answers_without_an_account_are_limited_per_address(anonymous_survey, anonymous):
    survey = anonymous_survey
    for n in range(services.ANONYMOUS_PER_HOUR):
        services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                                 session_key=f"t{n}", client_address="203.0.113.5")
    with pytest.raises(ValidationError, match="Please try again in 60 minutes"):
        services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                                 session_key="one-more", client_address="203.0.113.5")
    # Another address, and people with accounts, are not held back.
    services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                             session_key="elsewhere", client_address="203.0.113.6")
    services.submit_response(survey, actor=make_user("a@example.org", "A"),
                             answers=full_answers(survey), client_address="203.0.113.5")
    assert SurveyResponse.objects.count() == services.ANONYMOUS_PER_HOUR + 2


def test_a_refused_answer_does_not_use_up_the_limit(anonymous_survey, anonymous):
    survey = anonymous_survey
    for n in range(services.ANONYMOUS_PER_HOUR + 5):
        with pytest.raises(ValidationError):
            services.submit_response(survey, actor=anonymous, answers={},
                                     session_key=f"t{n}", client_address="203.0.113.5")
    services.submit_response(survey, actor=anonymous, answers=full_answers(survey),
                             session_key="fine", client_address="203.0.113.5")


def submit_together(survey, actors, tokens):
    """Submits the same answers from two threads released at the same moment."""
    barrier = threading.Barrier(len(actors))
    outcomes = []
    answers = full_answers(survey)

    def submit(actor, token):
        translation.activate("en")
        try:
            barrier.wait(timeout=10)
            services.submit_response(survey, actor=actor, answers=answers, session_key=token,
                                     client_address="192.0.2.1")
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=pair) for pair in zip(actors, tokens,
                                                                           strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_from_one_account_make_one_response(plan):
    survey = make_survey(plan)
    person = make_user("twice@example.org", "Twice")

    outcomes = submit_together(survey, [person, person], ["", ""])

    assert outcomes[-1] == "saved" and "already answered" in outcomes[0], outcomes
    assert SurveyResponse.objects.filter(user=person).count() == 1
    assert SurveyAnswer.objects.count() == 7  # one response's rows, not two


@pytest.mark.django_db(transaction=True)
def test_a_double_click_without_an_account_makes_one_response(plan, anonymous):
    survey = make_survey(plan, allow_anonymous=True)

    outcomes = submit_together(survey, [anonymous, anonymous], ["same", "same"])

    assert outcomes[-1] == "saved" and "already answered" in outcomes[0], outcomes
    assert SurveyResponse.objects.count() == 1


@pytest.mark.parametrize("signed_in", [True, False])
def test_the_database_keeps_one_response_even_past_the_check(anonymous_survey, citizen,
                                                             anonymous, monkeypatch,
                                                             signed_in):
    # What two simultaneous requests see: neither finds the other's response yet.
    monkeypatch.setattr("bashke.consultation.services.surveys.answering.already_answered",
                        lambda *args: False)
    actor = citizen if signed_in else anonymous
    survey = anonymous_survey
    services.submit_response(survey, actor=actor, answers=full_answers(survey),
                             session_key="same")
    with pytest.raises(ValidationError, match="already answered"):
        services.submit_response(survey, actor=actor, answers=full_answers(survey),
                                 session_key="same")
    assert SurveyResponse.objects.count() == 1 and SurveyAnswer.objects.count() == 7
