"""Building a survey on the web pages: creating it, adding and editing questions, the
status buttons, the lock once answered, and who may open these pages."""

import pytest
from django.urls import reverse
from surveys_helpers import by_kind, full_answers, make_survey

from bashke.consultation.models import QuestionKind, Survey, SurveyQuestion, SurveyStatus
from bashke.consultation.services import surveys as services

pytestmark = pytest.mark.django_db


def survey_url(name, survey, **extra):
    return reverse(f"consultation:{name}", kwargs={"slug": survey.plan.slug, "pk": survey.pk,
                                                   **extra})


def new_url(plan):
    return reverse("consultation:survey_create", kwargs={"slug": plan.slug})


SURVEY_POST = {"title_sq": "Pyetësor", "title_en": "Survey", "intro_sq": "", "intro_en": "",
               "opens_at": "2030-03-01T09:00", "closes_at": "2030-03-31T18:00",
               "results_visibility": "after_close", "component": ""}


def test_a_coordinator_creates_a_survey_on_the_web(client_for, coordinator, plan):
    client = client_for(coordinator)
    assert "New survey" in client.get(reverse("consultation:surveys",
                                              kwargs={"slug": plan.slug})).content.decode()
    form = client.get(new_url(plan)).content.decode()
    assert '<label for="id_opens_at">' in form and 'type="datetime-local"' in form

    response = client.post(new_url(plan), {**SURVEY_POST, "allow_anonymous": "on"})

    survey = Survey.objects.get()
    assert response.status_code == 302 and response["Location"] == survey_url("survey_manage",
                                                                              survey)
    assert survey.status == SurveyStatus.DRAFT and survey.allow_anonymous
    assert survey.opens_label == "1 March 2030, 09:00"  # read in Albania's time zone


def test_mistakes_are_shown_on_their_fields_and_what_was_typed_is_kept(client_for,
                                                                       coordinator, plan):
    response = client_for(coordinator).post(new_url(plan), {
        **SURVEY_POST, "title_sq": "", "title_en": "", "intro_en": "Kept intro",
        "closes_at": "2030-02-01T09:00"})

    page = response.content.decode()
    assert response.status_code == 200 and not Survey.objects.exists()
    assert "nothing has been saved yet" in page
    assert 'id="id_title_sq_error"><li>Give the survey a title in at least one language.' in page
    assert 'id="id_closes_at_error"><li>The survey must close after it opens.' in page
    assert "Kept intro</textarea>" in page and 'value="2030-02-01T09:00"' in page


def test_a_component_leader_may_choose_only_their_component(client_for, component_leader,
                                                            plan, component):
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    client = client_for(component_leader)
    form = client.get(new_url(plan)).content.decode()
    assert f'value="{component.pk}"' in form and f'value="{other.pk}"' not in form

    response = client.post(new_url(plan), {**SURVEY_POST, "component": other.pk})
    assert "Select a valid choice" in response.content.decode()
    assert not Survey.objects.exists()


@pytest.mark.parametrize("persona", ["citizen", "assessor", "cso_member"])
def test_people_who_do_not_run_the_plan_cannot_build_surveys(request, client_for, plan,
                                                             persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(new_url(plan)).status_code == 403
    assert client.post(new_url(plan), SURVEY_POST).status_code == 403
    survey = make_survey(plan)
    for name in ("survey_manage", "survey_edit", "survey_question_add"):
        assert client.get(survey_url(name, survey)).status_code == 403
    assert client.post(survey_url("survey_status", survey), {"status": "closed"}
                       ).status_code == 403
    assert "New survey" not in client.get(reverse("consultation:surveys",
                                                  kwargs={"slug": plan.slug})).content.decode()
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.PUBLISHED


def test_the_build_pages_need_a_login(client, plan):
    response = client.get(new_url(plan))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def question_post(kind, **extra):
    data = {"kind": kind, "text_sq": "Pyetja", "text_en": "The question", "required": "on",
            **{f"new-{n}-{lang}": "" for n in range(1, 5) for lang in ("sq", "en")}}
    data.update(extra)
    return data


def test_adding_questions_and_their_options(client_for, coordinator, plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT, questions=None)
    client = client_for(coordinator)
    add = survey_url("survey_question_add", survey)

    too_few = client.post(add, question_post(QuestionKind.RANKING, **{"new-1-sq": "Vetëm"}))
    assert 'id="options-error"><li>Give at least two options.' in too_few.content.decode()
    assert 'value="Vetëm"' in too_few.content.decode()
    assert not SurveyQuestion.objects.exists()

    client.post(add, question_post(QuestionKind.RANKING, **{
        "new-1-sq": "Buxheti", "new-1-en": "Budget", "new-2-sq": "Arsimi",
        "new-3-en": "Transport"}))
    question = SurveyQuestion.objects.get()
    assert question.kind == QuestionKind.RANKING and question.required
    assert [(o.label_sq, o.label_en) for o in question.options.all()] == [
        ("Buxheti", "Budget"), ("Arsimi", ""), ("", "Transport")]

    response = client.post(survey_url("survey_status", survey), {"status": "published"},
                           follow=True)
    assert "The survey is published." in response.content.decode()


def test_before_answers_options_can_be_relabelled_removed_and_added(client_for, coordinator,
                                                                     plan):
    survey = make_survey(plan, status=SurveyStatus.DRAFT)
    question = by_kind(survey)["single"]
    apple, pear, plum = question.options.all()
    client = client_for(coordinator)
    client.post(survey_url("survey_question_edit", survey, question=question.pk),
                question_post(QuestionKind.SINGLE, **{
                    f"option-{apple.pk}-sq": "Mollë", f"option-{apple.pk}-en": "Apple",
                    f"option-{pear.pk}-sq": "Dardhë", f"option-{pear.pk}-en": "Pear",
                    f"option-{pear.pk}-remove": "on",
                    f"option-{plum.pk}-sq": "Kumbull", f"option-{plum.pk}-en": "Plums",
                    "new-1-sq": "Fik", "new-1-en": "Fig"}))
    question.refresh_from_db()
    assert [o.label_en for o in question.options.all()] == ["Apple", "Plums", "Fig"]

    client.post(survey_url("survey_question_delete", survey, question=question.pk))
    assert not SurveyQuestion.objects.filter(pk=question.pk).exists()


class TestOnceAnswered:
    @pytest.fixture
    def answered(self, plan, citizen):
        survey = make_survey(plan)
        services.submit_response(survey, actor=citizen, answers=full_answers(survey))
        return survey

    def test_the_manage_page_says_what_is_locked_and_offers_no_removal(self, client_for,
                                                                       coordinator, answered):
        page = client_for(coordinator).get(survey_url("survey_manage", answered)
                                           ).content.decode()
        assert "already has 1 response" in page and "questions and options are locked" in page
        assert "Remove question" not in page and "Add a question" not in page

    def test_adding_a_question_is_refused_with_the_reason(self, client_for, coordinator,
                                                          answered):
        response = client_for(coordinator).get(survey_url("survey_question_add", answered),
                                               follow=True)
        assert "already has 1 response" in response.content.decode()
        response = client_for(coordinator).post(survey_url("survey_question_add", answered),
                                                question_post(QuestionKind.SCALE))
        assert answered.questions.count() == 6

    def test_only_wording_can_be_edited_even_by_a_crafted_post(self, client_for, coordinator,
                                                               answered):
        question = by_kind(answered)["single"]
        apple, pear, plum = question.options.all()
        url = survey_url("survey_question_edit", answered, question=question.pk)
        client = client_for(coordinator)
        form = client.get(url).content.decode()
        assert 'name="kind"' in form and "disabled" in form and "new-1-sq" not in form

        client.post(url, {"kind": QuestionKind.LONG_TEXT, "text_en": "Which fruit?",
                          f"option-{apple.pk}-en": "Apples", f"option-{pear.pk}-en": "Pears",
                          f"option-{plum.pk}-en": "Plums", f"option-{pear.pk}-remove": "on",
                          "new-1-en": "Fig"})

        question.refresh_from_db()
        assert question.kind == QuestionKind.SINGLE and question.required
        assert question.text_en == "Which fruit?"
        assert [o.label_en for o in question.options.all()] == ["Apples", "Pears", "Plums"]

    def test_a_crafted_delete_is_refused(self, client_for, coordinator, answered):
        question = by_kind(answered)["scale"]
        response = client_for(coordinator).post(
            survey_url("survey_question_delete", answered, question=question.pk), follow=True)
        assert "already has 1 response" in response.content.decode()
        assert SurveyQuestion.objects.filter(pk=question.pk).exists()

    def test_it_can_be_closed_early(self, client_for, coordinator, answered):
        response = client_for(coordinator).post(survey_url("survey_status", answered),
                                                {"status": "closed"}, follow=True)
        assert "it takes no more answers" in response.content.decode()
        answered.refresh_from_db()
        assert answered.phase() == "closed"

