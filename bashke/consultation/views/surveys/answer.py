"""A survey's public page: its introduction and the questions to answer, or why it takes
no answers now (with when it opens or closed).

A person without an account gets a signed cookie for the survey when the form is shown;
its token goes with the answers, and the database takes one response per token, so a
double click or a second tab does not count twice.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.consultation.forms.surveys import read_answers
from bashke.consultation.models import QuestionKind
from bashke.consultation.models.surveys import SCALE_VALUES, TEXT_KINDS
from bashke.consultation.services import surveys as services
from bashke.consultation.views.surveys.common import get_survey, load_questions
from bashke.core.permissions import allowed
from bashke.core.web import client_ip

COOKIE_SALT = "bashke.consultation.survey"


def cookie_name(survey) -> str:
    return f"bashke_survey_{survey.pk}"


def browser_token(request, survey) -> str:
    return request.get_signed_cookie(cookie_name(survey), default="", salt=COOKIE_SALT)


def _chosen(value) -> set[str]:
    values = value if isinstance(value, (list, tuple)) else [value]
    return {str(v) for v in values if v not in (None, "")}


def question_block(question, value, errors):
    """What the template needs to draw one question as the person left it."""
    name = question.field_name
    block = {"question": question, "name": name, "errors": errors or [],
             "kind": question.kind, "described_by": []}
    if question.help:
        block["described_by"].append(f"{name}-help")
    if errors:
        block["described_by"].append(f"{name}-error")
    options = list(question.options.all())
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        chosen = _chosen(value)
        block["options"] = [{"option": o, "id": f"{name}-{o.pk}", "checked": str(o.pk) in chosen}
                            for o in options]
    elif question.kind in TEXT_KINDS:
        block["text"] = value if isinstance(value, str) else ""
        block["limit"] = question.text_limit
    elif question.kind == QuestionKind.SCALE:
        chosen = _chosen(value)
        labels = {1: question.low_label, 5: question.high_label}
        block["scale"] = [{"value": n, "id": f"{name}-{n}", "label": labels.get(n, ""),
                           "checked": str(n) in chosen} for n in SCALE_VALUES]
    else:
        ranks = value if isinstance(value, dict) else {}
        block["ranking"] = [{
            "option": o, "id": f"{name}-rank-{o.pk}",
            "choices": [(n, str(ranks.get(o.pk, "")) == str(n))
                        for n in range(1, len(options) + 1)],
        } for o in options]
    return block


def survey_detail(request, slug, pk):
    survey = get_survey(request, slug, pk)
    user = request.user
    token = "" if user.is_authenticated else browser_token(request, survey)
    closed = services.closed_message(survey)
    answered = services.already_answered(survey, user, token)
    may_answer = allowed(user, "consultation.answer_survey", survey)
    if request.method == "POST" and not may_answer and not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    show_form = closed is None and not answered and may_answer
    questions = load_questions(survey) if show_form or request.method == "POST" else []
    values, errors, problems = {}, {}, []
    if request.method == "POST":
        values = read_answers(questions, request.POST)
        try:
            services.submit_response(survey, actor=user, answers=values, session_key=token,
                                     client_address=client_ip(request), questions=questions)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                errors = error.message_dict
            else:
                problems = error.messages
        except PermissionDenied as error:
            problems = [str(error)]
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return redirect(survey)
    blocks = [question_block(q, values.get(q.pk), errors.get(q.field_name)) for q in questions]
    response = render(request, "consultation/surveys/detail.html", {
        "plan": survey.plan, "survey": survey, "blocks": blocks, "show_form": show_form,
        "closed_message": closed, "answered": answered, "may_answer": may_answer,
        "problems": problems, "errors": errors,
        "results_public": allowed(user, "consultation.view_survey_results", survey),
        "manages": allowed(user, "consultation.manage_survey", survey),
    })
    if show_form and not user.is_authenticated and not token:
        _give_token(response, survey)
    return response


def _give_token(response, survey):
    # Kept until well after the survey closes, so "already answered" holds for its life.
    lifetime = max(survey.closes_at - timezone.now(), timedelta(0)) + timedelta(days=30)
    response.set_signed_cookie(
        cookie_name(survey), secrets.token_urlsafe(24), salt=COOKIE_SALT,
        max_age=int(min(lifetime, timedelta(days=400)).total_seconds()), httponly=True,
        samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
