"""The list of a plan's surveys, and the pages on which their editors build them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.consultation.forms.surveys import QuestionForm, SurveyForm
from bashke.consultation.models import Survey, SurveyQuestion, SurveyStatus
from bashke.consultation.services import surveys as services
from bashke.consultation.views.surveys.common import (
    ManagerScope,
    add_errors,
    get_plan,
    get_survey,
    load_questions,
    refuse_unless_manager,
)
from bashke.core.permissions import require
from bashke.plans.models import Component


def _components(plan):
    return list(Component.objects.filter(goal__plan=plan).select_related("goal")
                .order_by("goal__number", "position", "id"))


def survey_list(request, slug):
    plan = get_plan(slug)
    require(request.user, "plans.view_plan", plan)
    components = _components(plan)
    scope = ManagerScope(request.user, plan, components)
    surveys = []
    for survey in (Survey.objects.for_plan(plan).select_related("component").in_order()
                   .with_response_counts()):
        survey.is_managed = scope.manages(survey)
        if survey.status != SurveyStatus.DRAFT or survey.is_managed:
            surveys.append(survey)
    return render(request, "consultation/surveys/list.html", {
        "plan": plan, "surveys": surveys, "scope": scope})


def manage_url(survey):
    return redirect("consultation:survey_manage", slug=survey.plan.slug, pk=survey.pk)


def survey_create(request, slug):
    plan = get_plan(slug)
    refused = refuse_unless_manager(request, plan)
    if refused:
        return refused
    scope = ManagerScope(request.user, plan, _components(plan))
    form = SurveyForm(request.POST or None, plan=plan, components=scope.components,
                      initial={"component": request.GET.get("component")})
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(plan, actor=request.user, **form.values())
        except ValidationError as error:
            add_errors(form, error)
        except PermissionDenied as error:
            form.add_error("component", str(error))
        else:
            messages.success(request, _("The survey is saved as a draft. Add its questions, "
                                        "then publish it."))
            return manage_url(survey)
    return render(request, "consultation/surveys/survey_form.html",
                  {"plan": plan, "form": form, "survey": None})


def survey_edit(request, slug, pk):
    survey = get_survey(request, slug, pk)
    refused = refuse_unless_manager(request, survey)
    if refused:
        return refused
    scope = ManagerScope(request.user, survey.plan, _components(survey.plan))
    form = SurveyForm(request.POST or None, instance=survey, plan=survey.plan,
                      components=scope.components)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(survey, actor=request.user, **form.values())
        except ValidationError as error:
            add_errors(form, error)
        except PermissionDenied as error:
            form.add_error("component", str(error))
        else:
            messages.success(request, _("The survey is saved."))
            return manage_url(survey)
    return render(request, "consultation/surveys/survey_form.html",
                  {"plan": survey.plan, "form": form, "survey": survey})


def survey_manage(request, slug, pk):
    survey = get_survey(request, slug, pk)
    refused = refuse_unless_manager(request, survey)
    if refused:
        return refused
    responses = survey.responses.count()
    return render(request, "consultation/surveys/manage.html", {
        "plan": survey.plan, "survey": survey, "questions": load_questions(survey),
        "responses": responses, "locked_message": services.locked_message(responses)
        if responses else "", "phase": survey.phase(),
        "closed_message": services.closed_message(survey)})


@require_POST
def survey_status(request, slug, pk):
    survey = get_survey(request, slug, pk)
    refused = refuse_unless_manager(request, survey)
    if refused:
        return refused
    status = request.POST.get("status", "")
    if status not in SurveyStatus.values:
        messages.error(request, _("Choose what to do with the survey."))
        return manage_url(survey)
    try:
        services.set_status(survey, actor=request.user, status=status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, {
            SurveyStatus.PUBLISHED: _("The survey is published."),
            SurveyStatus.CLOSED: _("The survey is closed: it takes no more answers."),
            SurveyStatus.DRAFT: _("The survey is a draft again."),
        }[status])
    return manage_url(survey)


def _question_initial(question):
    if question is None:
        return {"required": True}
    fields = ["kind", "text_sq", "text_en", "help_sq", "help_en", "required", "position",
              "min_choices", "max_choices", "low_label_sq", "low_label_en", "high_label_sq",
              "high_label_en"]
    return {name: getattr(question, name) for name in fields}


def _question_page(request, survey, question):
    refused = refuse_unless_manager(request, survey)
    if refused:
        return refused
    responses = survey.responses.count()
    if question is None and responses:
        messages.error(request, services.locked_message(responses))
        return manage_url(survey)
    form = QuestionForm(request.POST or None, question=question, locked=bool(responses),
                        initial=_question_initial(question))
    if request.method == "POST" and form.is_valid():
        try:
            if question is None:
                services.add_question(survey, actor=request.user, **form.values(),
                                      options=[(sq, en) for _pk, sq, en in form.options()])
            else:
                services.update_question(question, actor=request.user, **form.values(),
                                         options=form.options())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The question is saved."))
            return manage_url(survey)
    return render(request, "consultation/surveys/question_form.html", {
        "plan": survey.plan, "survey": survey, "question": question, "form": form,
        "locked_message": services.locked_message(responses) if responses else ""})


def question_add(request, slug, pk):
    return _question_page(request, get_survey(request, slug, pk), None)


def question_edit(request, slug, pk, question):
    survey = get_survey(request, slug, pk)
    question = get_object_or_404(SurveyQuestion.objects.prefetch_related("options"),
                                 pk=question, survey=survey)
    return _question_page(request, survey, question)


@require_POST
def question_delete(request, slug, pk, question):
    survey = get_survey(request, slug, pk)
    refused = refuse_unless_manager(request, survey)
    if refused:
        return refused
    question = get_object_or_404(SurveyQuestion, pk=question, survey=survey)
    try:
        services.delete_question(question, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question is removed."))
    return manage_url(survey)
