"""Surveys, read-only and public: a plan's published surveys, and each survey's results as
aggregates — the same numbers as its results page, counted in the database in a fixed
number of queries whatever the number of responses. Written answers come only as counts;
who answered, never.

Results follow the survey's own rule: public as the answers come in, or once it closes.
"""

import datetime

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Id, LanguageQuery, ValidationErrorOut
from bashke.consultation.models import (
    QuestionKind,
    ResultsVisibility,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyStatus,
)
from bashke.consultation.models.surveys import survey_results
from bashke.core.permissions import allowed
from bashke.plans.models import ActionPlan

router = Router(tags=["surveys"])


class SurveySummary(Schema):
    id: int
    url: str = Field(..., description="The survey's page, where it is answered.")
    results_url: str = Field(..., description="This survey's results in the API.")
    plan: str = Field(..., description="The plan's slug.")
    component: str | None = Field(..., description="The component's slug; null for a "
                                                   "survey on the whole plan.")
    title: str
    title_sq: str
    title_en: str
    intro: str
    intro_sq: str
    intro_en: str
    status: SurveyStatus
    phase: str = Field(..., description="upcoming, open or closed, as of now.")
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    allow_anonymous: bool = Field(..., description="Answers are taken without an account.")
    results_visibility: ResultsVisibility
    results_available: bool = Field(..., description="Whether the results are public now.")
    response_count: int


class OptionResultOut(Schema):
    id: int
    label: str
    label_sq: str
    label_en: str
    count: int = Field(..., description="People who chose it (ranking: who ranked it).")
    percent: float = Field(..., description="Per cent of the people who answered the "
                                            "question (ranking: who ranked it first).")
    average_rank: float | None = Field(None, description="Ranking questions only.")
    borda: int | None = Field(None, description="Ranking: Borda points, an option ranked "
                                                "r-th of n earning n − r from each person.")
    ranks: list[int] | None = Field(None, description="Ranking: people giving rank 1, 2, …")


class ScaleValueOut(Schema):
    value: int
    count: int
    percent: float


class QuestionResultOut(Schema):
    id: int
    position: int
    kind: QuestionKind
    kind_label: str
    text: str
    text_sq: str
    text_en: str
    required: bool
    answered: int = Field(..., description="People who answered this question.")
    options: list[OptionResultOut] | None = Field(None, description="Choice and ranking.")
    distribution: list[ScaleValueOut] | None = Field(None, description="Scale questions.")
    mean: float | None = Field(None, description="Scale questions: the mean value.")
    text_answers: int | None = Field(None, description="Text questions: how many answers "
                                                       "(their texts are on the results "
                                                       "page, not here).")


class SurveyResults(SurveySummary):
    questions: list[QuestionResultOut]


def pair(instance, field):
    return {field: getattr(instance, field), f"{field}_sq": getattr(instance, f"{field}_sq"),
            f"{field}_en": getattr(instance, f"{field}_en")}


def summary(survey: Survey) -> dict:
    return {
        "id": survey.pk,
        "url": survey.get_absolute_url(),
        "results_url": reverse("api:survey_results", kwargs={"survey_id": survey.pk}),
        "plan": survey.plan.slug,
        "component": survey.component.slug if survey.component_id else None,
        **pair(survey, "title"), **pair(survey, "intro"),
        "status": survey.status, "phase": survey.phase(),
        "opens_at": survey.opens_at, "closes_at": survey.closes_at,
        "allow_anonymous": survey.allow_anonymous,
        "results_visibility": survey.results_visibility,
        "results_available": survey.results_are_public(),
        "response_count": survey.response_count,
    }


def question_data(result) -> dict:
    question = result.question
    data = {"id": question.pk, "position": question.position, "kind": question.kind,
            "kind_label": question.get_kind_display(), **pair(question, "text"),
            "required": question.required, "answered": result.answered}
    if question.kind == QuestionKind.SCALE:
        data["distribution"] = [{"value": v, "count": c, "percent": p}
                                for v, c, p in result.distribution]
        data["mean"] = result.mean
    elif question.has_options:
        ranking = question.kind == QuestionKind.RANKING
        data["options"] = [{
            "id": item.option.pk, **pair(item.option, "label"), "count": item.count,
            "percent": item.percent, "average_rank": item.average_rank,
            "borda": item.borda, "ranks": item.ranks if ranking else None,
        } for item in result.options]
    else:
        data["text_answers"] = result.answered
    return data


def public_surveys():
    return Survey.objects.public().select_related("plan", "component").in_order()


@router.get("/plans/{slug}/surveys", response={200: list[SurveySummary], 404: Error,
                                               422: ValidationErrorOut},
            summary="A plan's surveys", operation_id="list_surveys")
def list_surveys(request: HttpRequest, response: HttpResponse, slug: str,
                 query: Query[LanguageQuery]):
    """The plan's published and closed surveys, newest first, with their dates, whether they
    are open now and how many responses each has. Drafts are not listed."""
    plan = ActionPlan.objects.filter(slug=slug).only("pk").first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    surveys = public_surveys().filter(plan=plan).with_response_counts()
    with translation.override(language_of(request, response, query.lang)):
        return [summary(survey) for survey in surveys]


@router.get("/surveys/{survey_id}/results",
            response={200: SurveyResults, 403: Error, 404: Error, 422: ValidationErrorOut},
            summary="A survey's results", operation_id="survey_results",
            url_name="survey_results")
def get_results(request: HttpRequest, response: HttpResponse, survey_id: Id,
                query: Query[LanguageQuery]):
    """Per question: how many answered; per option the count and share (ranking: the
    average rank, Borda points and how many gave each rank); for scales the distribution
    and mean; for text questions only how many answered. 403 while the survey keeps its
    results until it closes."""
    survey = next(iter(public_surveys().filter(pk=survey_id).with_response_counts()), None)
    if survey is None:
        raise HttpError(404, f"No published survey has the id {survey_id}.")
    language = language_of(request, response, query.lang)
    if not allowed(request.user, "consultation.view_survey_results", survey):
        with translation.override(language):
            raise HttpError(403, f"The results are published when the survey closes, at "
                                 f"{survey.closes_at.isoformat()}.")
    questions = list(SurveyQuestion.objects.filter(survey=survey).prefetch_related("options"))
    results = survey_results(questions, SurveyAnswer.objects.tally(questions))
    with translation.override(language):
        return {**summary(survey), "questions": [question_data(r) for r in results]}
