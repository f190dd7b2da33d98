"""Survey fixtures shared by tests/consultation/test_surveys_*.py (import the fixtures by
name into a test module to use them)."""

import datetime

import pytest
from django.utils import timezone

from bashke.consultation.models import QuestionKind, ResultsVisibility, SurveyStatus
from bashke.consultation.services import surveys as services

FRUIT = [("Mollë", "Apple"), ("Dardhë", "Pear"), ("Kumbull", "Plum")]


def moment(days=0, hours=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


def make_survey(plan, *, component=None, status=SurveyStatus.PUBLISHED, opens=-1, closes=7,
                allow_anonymous=False, results=ResultsVisibility.LIVE, questions="all",
                actor=None):
    """A survey with one question of each kind (``questions="all"``) or none (``None``);
    ``opens``/``closes`` in days from now."""
    survey = services.create_survey(
        plan, actor=actor, component=component, title_sq="Pyetësor", title_en="Survey",
        intro_sq="Hyrje", intro_en="Intro", opens_at=moment(opens), closes_at=moment(closes),
        allow_anonymous=allow_anonymous, results_visibility=results)
    if questions == "all":
        add_all_kinds(survey)
    if status != SurveyStatus.DRAFT:
        survey = services.set_status(survey, actor=None, status=SurveyStatus.PUBLISHED)
    if status == SurveyStatus.CLOSED:
        survey = services.set_status(survey, actor=None, status=SurveyStatus.CLOSED)
    return survey


def add_all_kinds(survey):
    add = services.add_question
    add(survey, actor=None, kind=QuestionKind.SINGLE, text_sq="Një frut", text_en="One fruit",
        options=FRUIT)
    add(survey, actor=None, kind=QuestionKind.MULTIPLE, text_sq="Disa fruta",
        text_en="Some fruit", options=FRUIT, min_choices=1, max_choices=2)
    add(survey, actor=None, kind=QuestionKind.SHORT_TEXT, text_sq="Pse?", text_en="Why?",
        required=False)
    add(survey, actor=None, kind=QuestionKind.LONG_TEXT, text_sq="Më shumë",
        text_en="More", required=False)
    add(survey, actor=None, kind=QuestionKind.SCALE, text_sq="Sa?", text_en="How much?",
        low_label_sq="pak", low_label_en="little", high_label_sq="shumë",
        high_label_en="a lot")
    add(survey, actor=None, kind=QuestionKind.RANKING, text_sq="Renditni",
        text_en="Rank them", options=FRUIT)
    return survey


def by_kind(survey):
    return {q.kind: q for q in survey.questions.prefetch_related("options")}


def full_answers(survey, *, single=0, multiple=(0,), scale=3, ranks=(1, 2, 3),
                 short="Because", long=""):
    """Valid answers for :func:`add_all_kinds`' questions, by option index."""
    q = by_kind(survey)

    def option(kind, index):
        return q[kind].options.all()[index].pk

    return {
        q["single"].pk: str(option("single", single)),
        q["multiple"].pk: [str(option("multiple", i)) for i in multiple],
        q["short_text"].pk: short,
        q["long_text"].pk: long,
        q["scale"].pk: str(scale),
        q["ranking"].pk: {option("ranking", i): str(rank) for i, rank in enumerate(ranks)},
    }


def as_post(survey, answers):
    """The answers as the survey form posts them."""
    data = {}
    for question in survey.questions.all():
        value = answers.get(question.pk)
        if isinstance(value, dict):
            for option_id, rank in value.items():
                data[f"q-{question.pk}-rank-{option_id}"] = rank
        elif value is not None:
            data[f"q-{question.pk}"] = value
    return data


@pytest.fixture(name="survey")
def survey_fixture(plan):
    """A published survey on the plan, open since yesterday for a week, accounts only."""
    return make_survey(plan)


@pytest.fixture(name="anonymous_survey")
def anonymous_survey_fixture(plan):
    return make_survey(plan, allow_anonymous=True)
