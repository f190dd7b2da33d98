"""Building a survey: the people who manage it (``consultation.manage_survey``) set its
title, dates and questions. Questions and options change freely until the first response
arrives; after that only their wording does, for adding, removing or re-kinding a question
or an option would make the answers already given meaningless.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bashke.consultation.models import (
    QuestionKind,
    Survey,
    SurveyOption,
    SurveyQuestion,
    SurveyStatus,
)
from bashke.consultation.models.surveys import CHOICE_KINDS
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require

SURVEY_FIELDS = ("component", "title_sq", "title_en", "intro_sq", "intro_en", "opens_at",
                 "closes_at", "allow_anonymous", "results_visibility")
QUESTION_WORDING = ("text_sq", "text_en", "help_sq", "help_en", "low_label_sq",
                    "low_label_en", "high_label_sq", "high_label_en")
QUESTION_SHAPE = ("kind", "required", "min_choices", "max_choices")



def _locked(survey_id, *related):
    """The survey, locked for this transaction. Only its own row is locked: the component
    is nullable, and PostgreSQL cannot lock the empty side of an outer join."""
    return (Survey.objects.select_for_update(of=("self",)).select_related("plan", *related)
            .get(pk=survey_id))

def _check_manager(actor, target):
    # ``actor=None`` is the system itself (demo data, commands), as in the other services.
    require(actor, "consultation.manage_survey", target,
            _("Only the plan's coordinators and the component's leaders and secretariat "
              "manage its surveys."))


def _unknown(fields, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")


def locked_message(count) -> str:
    return ngettext(
        "This survey already has %(count)s response. So that the answers given still fit, "
        "its questions and options are locked: you cannot add or remove them, or change a "
        "question's kind, whether it needs an answer or how many choices it allows. You can "
        "still correct the wording and change the order of the questions.",
        "This survey already has %(count)s responses. So that the answers given still fit, "
        "its questions and options are locked: you cannot add or remove them, or change a "
        "question's kind, whether it needs an answer or how many choices it allows. You can "
        "still correct the wording and change the order of the questions.",
        count) % {"count": count}


def _check_unlocked(survey):
    count = survey.responses.count()
    if count:
        raise ValidationError(locked_message(count))


def _check_place(survey):
    # Before the permission: rights are read from the component, which here is the wrong
    # plan's, and "not allowed" would hide the real mistake.
    if survey.component_id and survey.component.goal.plan_id != survey.plan_id:
        raise ValidationError({"component": _("This component belongs to another plan.")})


def _check_survey(survey):
    errors = {}
    if not (survey.title_sq.strip() or survey.title_en.strip()):
        errors["title_sq"] = _("Give the survey a title in at least one language.")
    if survey.opens_at and survey.closes_at and survey.closes_at <= survey.opens_at:
        errors["closes_at"] = _("The survey must close after it opens.")
    if errors:
        raise ValidationError(errors)
    survey.full_clean()


def _snapshot(survey):
    return audit.snapshot(survey, SURVEY_FIELDS + ("status",))


@transaction.atomic
def create_survey(plan, *, actor, **fields) -> Survey:
    _unknown(fields, SURVEY_FIELDS)
    survey = Survey(plan=plan, created_by=actor if getattr(actor, "pk", None) else None,
                    **fields)
    _check_place(survey)
    _check_manager(actor, survey.place)
    _check_survey(survey)
    survey.save()
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=survey,
                 after=_snapshot(survey), scope=plan.audit_scope)
    return survey


@transaction.atomic
def update_survey(survey, *, actor, **fields) -> Survey:
    _unknown(fields, SURVEY_FIELDS)
    _check_manager(actor, survey.place)
    survey = _locked(survey.pk)
    before = _snapshot(survey)
    for name, value in fields.items():
        setattr(survey, name, value)
    _check_place(survey)
    _check_manager(actor, survey.place)  # moving it needs rights over where it goes, too
    _check_survey(survey)
    survey.save()
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=survey,
                 before=before, after=_snapshot(survey), scope=survey.plan.audit_scope)
    return survey


def _check_ready(survey):
    questions = list(survey.questions.prefetch_related("options"))
    if not questions:
        raise ValidationError(_("Add at least one question before publishing the survey."))
    thin = [q for q in questions if q.kind in CHOICE_KINDS and len(q.options.all()) < 2]
    if thin:
        raise ValidationError(_("Give every choice and ranking question at least two "
                                "options before publishing: “%(question)s” has fewer.")
                              % {"question": thin[0].text})


@transaction.atomic
def set_status(survey, *, actor, status) -> Survey:
    """Publish a draft, close a published survey, reopen a closed one, or take a survey
    without answers back to draft."""
    _check_manager(actor, survey.place)
    survey = _locked(survey.pk)
    allowed = {
        SurveyStatus.PUBLISHED: {SurveyStatus.DRAFT, SurveyStatus.CLOSED},
        SurveyStatus.CLOSED: {SurveyStatus.PUBLISHED},
        SurveyStatus.DRAFT: {SurveyStatus.PUBLISHED},
    }
    if survey.status not in allowed.get(status, set()):
        raise ValidationError(_("A survey that is “%(current)s” cannot become “%(wanted)s”.")
                              % {"current": survey.get_status_display(),
                                 "wanted": SurveyStatus(status).label})
    if status == SurveyStatus.PUBLISHED:
        _check_ready(survey)
    if status == SurveyStatus.DRAFT and survey.responses.exists():
        raise ValidationError(_("People have answered this survey: it can be closed, but no "
                                "longer taken back to draft."))
    before = {"status": survey.status}
    survey.status = status
    survey.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=survey,
                 before=before, after={"status": status}, scope=survey.plan.audit_scope)
    return survey


# Questions --------------------------------------------------------------------------------

def _clean_options(kind, options):
    """[(label_sq, label_en)] with blank rows dropped; errors under "options"."""
    rows = [(sq.strip(), en.strip()) for sq, en in options if sq.strip() or en.strip()]
    if kind not in CHOICE_KINDS:
        if rows:
            raise ValidationError({"options": _("Only choice and ranking questions have "
                                                "options.")})
        return rows
    if len(rows) < 2:
        raise ValidationError({"options": _("Give at least two options.")})
    if len(rows) > 30:
        raise ValidationError({"options": _("Give at most 30 options.")})
    return rows


def _check_question(question, option_count):
    errors = {}
    if not (question.text_sq.strip() or question.text_en.strip()):
        errors["text_sq"] = _("Write the question in at least one language.")
    if question.kind == QuestionKind.MULTIPLE:
        low, high = question.min_choices, question.max_choices
        if low is not None and low > option_count:
            errors["min_choices"] = _("There are only %(n)s options.") % {"n": option_count}
        if high is not None and (high < 1 or high > option_count):
            errors["max_choices"] = _("Choose a number from 1 to %(n)s.") % {"n": option_count}
        if low is not None and high is not None and low > high:
            errors["max_choices"] = _("The most must not be less than the least.")
    else:
        question.min_choices = question.max_choices = None
    if errors:
        raise ValidationError(errors)
    question.full_clean(exclude=["survey"])


def _question_data(question, options=None):
    data = audit.snapshot(question, QUESTION_WORDING + QUESTION_SHAPE + ("position",))
    if options is not None:
        data["options"] = [[o.label_sq, o.label_en] for o in options]
    return data


@transaction.atomic
def add_question(survey, *, actor, options=(), **fields) -> SurveyQuestion:
    """``options``: [(label_sq, label_en)] in order, for choice and ranking questions."""
    _unknown(fields, QUESTION_WORDING + QUESTION_SHAPE + ("position",))
    _check_manager(actor, survey.place)
    survey = _locked(survey.pk)
    _check_unlocked(survey)
    question = SurveyQuestion(survey=survey, **fields)
    if not fields.get("position"):
        last = survey.questions.aggregate(last=Max("position"))["last"] or 0
        question.position = last + 1
    rows = _clean_options(question.kind, options)
    _check_question(question, len(rows))
    question.save()
    created = SurveyOption.objects.bulk_create(
        SurveyOption(question=question, position=n, label_sq=sq, label_en=en)
        for n, (sq, en) in enumerate(rows, 1))
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=question,
                 after=_question_data(question, created), scope=survey.plan.audit_scope)
    return question


@transaction.atomic
def update_question(question, *, actor, options=None, **fields) -> SurveyQuestion:
    """Changes a question and, with ``options``, its options: the whole list in order, as
    (option id, label_sq, label_en), with None as the id of a new option; options left
    out are removed. Once the survey has responses only the wording and the question's
    position may change: options keep their ids, so an answer never moves to another."""
    _unknown(fields, QUESTION_WORDING + QUESTION_SHAPE + ("position",))
    survey = _locked(question.survey_id, "component")
    _check_manager(actor, survey.place)
    question = SurveyQuestion.objects.get(pk=question.pk)
    current = list(question.options.all())
    before = _question_data(question, current)
    for name, value in fields.items():
        setattr(question, name, value)
    wanted = None
    if options is not None:
        labels = _clean_options(question.kind, [(sq, en) for _pk, sq, en in options])
        kept = [pk for pk, sq, en in options if sq.strip() or en.strip()]
        wanted = list(zip(kept, labels, strict=True))
        known = {option.pk for option in current}
        if any(pk is not None and pk not in known for pk in kept):
            raise ValidationError({"options": _("An option of another question was sent.")})
    responses = survey.responses.count()
    if responses:
        reshaped = [name for name in QUESTION_SHAPE
                    if name in fields and before.get(name) != getattr(question, name)]
        same_options = wanted is None or [pk for pk, _l in wanted] == [o.pk for o in current]
        if reshaped or not same_options:
            raise ValidationError(locked_message(responses))
    _check_question(question, len(current) if wanted is None else len(wanted))
    question.save()
    if wanted is not None:
        _replace_options(question, current, wanted)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=question,
                 before=before, after=_question_data(question, question.options.all()),
                 scope=survey.plan.audit_scope)
    return question


def _replace_options(question, current, wanted):
    by_pk = {option.pk: option for option in current}
    kept = {pk for pk, _labels in wanted if pk is not None}
    gone = [pk for pk in by_pk if pk not in kept]
    if gone:
        try:
            SurveyOption.objects.filter(pk__in=gone).delete()
        except ProtectedError:  # answered since the check: the lock holds
            raise ValidationError(locked_message(1)) from None
    for position, (pk, (sq, en)) in enumerate(wanted, 1):
        option = by_pk.get(pk) or SurveyOption(question=question)
        if option.pk and (option.position, option.label_sq, option.label_en) == (position,
                                                                                  sq, en):
            continue
        option.position, option.label_sq, option.label_en = position, sq, en
        option.save()


@transaction.atomic
def delete_question(question, *, actor) -> None:
    survey = _locked(question.survey_id, "component")
    _check_manager(actor, survey.place)
    _check_unlocked(survey)
    before = _question_data(question, question.options.all())
    audit.record(actor=actor, action=AuditEntry.Action.DELETE, instance=question,
                 before=before, scope=survey.plan.audit_scope)
    try:
        question.delete()
    except ProtectedError:
        raise ValidationError(locked_message(1)) from None
