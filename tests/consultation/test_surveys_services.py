"""Building surveys through the services: checks on surveys and questions, status changes,
the lock once answers exist, and the audit entries every change leaves."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from surveys_helpers import (
    FRUIT,
    by_kind,
    full_answers,
    make_survey,
    moment,
    survey_fixture,  # noqa: F401
)

from bashke.consultation.models import (
    QuestionKind,
    Survey,
    SurveyOption,
    SurveyQuestion,
    SurveyStatus,
)
from bashke.consultation.services import surveys as services
from bashke.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def create(plan, actor, **fields):
    values = {"title_sq": "Pyetësor", "title_en": "Survey", "opens_at": moment(-1),
              "closes_at": moment(7), **fields}
    return services.create_survey(plan, actor=actor, **values)


def test_a_coordinator_creates_a_survey_as_a_draft_with_an_audit_entry(plan, coordinator):
    survey = create(plan, coordinator)

    assert survey.status == SurveyStatus.DRAFT and survey.created_by == coordinator
    entry = AuditEntry.objects.get(object_type="consultation.survey")
    assert entry.actor == coordinator and entry.scope == plan.audit_scope
    assert entry.changes["title_en"] == [None, "Survey"]


def test_a_citizen_cannot_create_a_survey(plan, citizen):
    with pytest.raises(PermissionDenied):
        create(plan, citizen)
    assert not Survey.objects.exists()


def test_a_component_leader_creates_for_their_component_not_another(plan, component,
                                                                    component_leader):
    assert create(plan, component_leader, component=component).component == component
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    with pytest.raises(PermissionDenied):
        create(plan, component_leader, component=other)


@pytest.mark.parametrize("fields, field, message", [
    ({"title_sq": "", "title_en": " "}, "title_sq", "title in at least one language"),
    ({"closes_at": moment(-2)}, "closes_at", "must close after it opens"),
])
def test_survey_checks_name_the_field(plan, coordinator, fields, field, message):
    with pytest.raises(ValidationError) as caught:
        create(plan, coordinator, **fields)
    assert message in " ".join(caught.value.message_dict[field])


def test_a_component_of_another_plan_is_refused(plan, coordinator, open_plan):
    elsewhere = open_plan.goals.first().components.first()
    with pytest.raises(ValidationError) as caught:
        create(plan, coordinator, component=elsewhere)
    assert "another plan" in " ".join(caught.value.message_dict["component"])


def test_choice_questions_need_two_options_and_sane_limits(plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT, questions=None)
    with pytest.raises(ValidationError) as caught:
        services.add_question(survey, actor=None, kind=QuestionKind.SINGLE, text_en="Q",
                              options=[("Po", "Yes"), ("", " ")])
    assert "at least two options" in caught.value.message_dict["options"][0]
    with pytest.raises(ValidationError) as caught:
        services.add_question(survey, actor=None, kind=QuestionKind.MULTIPLE, text_en="Q",
                              options=FRUIT, min_choices=3, max_choices=2)
    assert "must not be less" in caught.value.message_dict["max_choices"][0]
    with pytest.raises(ValidationError) as caught:
        services.add_question(survey, actor=None, kind=QuestionKind.SHORT_TEXT, text_sq="",
                              text_en="")
    assert "at least one language" in caught.value.message_dict["text_sq"][0]
    assert not SurveyQuestion.objects.exists()


def test_publishing_needs_a_question(plan, coordinator):
    survey = create(plan, coordinator)
    with pytest.raises(ValidationError, match="at least one question"):
        services.set_status(survey, actor=coordinator, status=SurveyStatus.PUBLISHED)
    services.add_question(survey, actor=coordinator, kind=QuestionKind.SCALE, text_en="How?")
    survey = services.set_status(survey, actor=coordinator, status=SurveyStatus.PUBLISHED)
    assert survey.status == SurveyStatus.PUBLISHED
    assert AuditEntry.objects.filter(changes__status=["draft", "published"]).exists()


def test_status_moves_only_along_its_path(plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT)
    with pytest.raises(ValidationError, match="cannot become"):
        services.set_status(survey, actor=None, status=SurveyStatus.CLOSED)
    survey = services.set_status(survey, actor=None, status=SurveyStatus.PUBLISHED)
    survey = services.set_status(survey, actor=None, status=SurveyStatus.CLOSED)
    assert survey.phase() == "closed"
    survey = services.set_status(survey, actor=None, status=SurveyStatus.PUBLISHED)
    assert survey.phase() == "open"


def test_new_questions_go_last_and_options_keep_their_order(plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT)
    positions = list(survey.questions.values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5, 6]
    ranking = by_kind(survey)["ranking"]
    assert [o.label_en for o in ranking.options.all()] == ["Apple", "Pear", "Plum"]


def test_before_answers_options_can_be_reordered_added_and_removed(plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT)
    question = by_kind(survey)["single"]
    apple, pear, plum = question.options.all()
    services.update_question(question, actor=None, options=[
        (plum.pk, "Kumbull", "Plum"), (apple.pk, "Mollë", "Green apple"),
        (None, "Fik", "Fig")])
    rows = list(question.options.values_list("pk", "position", "label_en"))
    assert rows[:2] == [(plum.pk, 1, "Plum"), (apple.pk, 2, "Green apple")]
    assert rows[2][1:] == (3, "Fig")
    assert not SurveyOption.objects.filter(pk=pear.pk).exists()


class TestLockOnceAnswered:
    @pytest.fixture
    def answered(self, survey, citizen):
        services.submit_response(survey, actor=citizen, answers=full_answers(survey))
        return survey

    def test_no_question_can_be_added_or_removed(self, answered):
        with pytest.raises(ValidationError, match="already has 1 response"):
            services.add_question(answered, actor=None, kind=QuestionKind.SCALE, text_en="?")
        with pytest.raises(ValidationError, match="you cannot add or remove them"):
            services.delete_question(by_kind(answered)["scale"], actor=None)
        assert answered.questions.count() == 6

    @pytest.mark.parametrize("change", [{"kind": QuestionKind.MULTIPLE}, {"required": False}])
    def test_the_shape_of_a_question_cannot_change(self, answered, change):
        question = by_kind(answered)["single"]
        with pytest.raises(ValidationError, match="questions and options are locked"):
            services.update_question(question, actor=None, **change)
        question.refresh_from_db()
        assert question.kind == QuestionKind.SINGLE and question.required

    def test_options_cannot_be_added_removed_or_reordered(self, answered):
        question = by_kind(answered)["ranking"]
        apple, pear, plum = question.options.all()
        for options in ([(apple.pk, "a", "a"), (pear.pk, "p", "p")],
                        [(apple.pk, "a", "a"), (pear.pk, "p", "p"), (plum.pk, "k", "k"),
                         (None, "f", "f")],
                        [(pear.pk, "p", "p"), (apple.pk, "a", "a"), (plum.pk, "k", "k")]):
            with pytest.raises(ValidationError, match="you cannot add or remove them"):
                services.update_question(question, actor=None, options=options)
        assert [o.label_en for o in question.options.all()] == ["Apple", "Pear", "Plum"]

    def test_wording_and_question_order_can_still_change(self, answered):
        question = by_kind(answered)["ranking"]
        apple, pear, plum = question.options.all()
        services.update_question(question, actor=None, text_en="Rank the fruit", position=1,
                                 options=[(apple.pk, "Mollë", "Apples"),
                                          (pear.pk, "Dardhë", "Pears"),
                                          (plum.pk, "Kumbull", "Plums")])
        question.refresh_from_db()
        assert question.text_en == "Rank the fruit" and question.position == 1
        assert [o.label_en for o in question.options.all()] == ["Apples", "Pears", "Plums"]
        assert AuditEntry.objects.filter(object_type="consultation.surveyquestion",
                                         action="update").exists()

    def test_it_cannot_go_back_to_draft(self, answered):
        with pytest.raises(ValidationError, match="no\\s+longer taken back to draft"):
            services.set_status(answered, actor=None, status=SurveyStatus.DRAFT)


def test_an_option_of_another_question_is_refused_when_editing(plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT)
    questions = by_kind(survey)
    stranger = questions["multiple"].options.first()
    with pytest.raises(ValidationError) as caught:
        services.update_question(questions["single"], actor=None, options=[
            (stranger.pk, "x", "x"), (None, "y", "y")])
    assert "another question" in caught.value.message_dict["options"][0]


def test_unknown_fields_are_a_programming_error(plan):
    with pytest.raises(TypeError, match="unknown fields: status"):
        create(plan, None, status="published")
