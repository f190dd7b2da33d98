"""Answering a survey: between its opening and closing time, once per account, or without
an account when the survey allows it (limited per network address, and once per browser
through the survey's cookie). All of a response is saved, or nothing."""


from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bashke.consultation.models import (
    QuestionKind,
    SurveyAnswer,
    SurveyResponse,
    SurveyStatus,
)
from bashke.consultation.models.surveys import SCALE_VALUES, TEXT_KINDS
from bashke.consultation.services import limits
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.core.text import format_moment

ANONYMOUS_PER_HOUR = limits.LIMITS["survey"].count
ALREADY_ANSWERED = gettext_lazy("You have already answered this survey. Thank you!")


def closed_message(survey, now=None) -> str | None:
    """Why the survey takes no answers now, saying when it opens or closed; else None."""
    phase = survey.phase(now)
    if phase == "open":
        return None
    if phase == "upcoming":
        return _("This survey opens on %(when)s.") % {"when": survey.opens_label}
    if phase == "draft":
        return _("This survey is not published yet.")
    ended = survey.closes_at
    if survey.status == SurveyStatus.CLOSED:
        ended = min(ended, survey.updated_at)  # closed early by its editors
    return _("This survey closed on %(when)s.") % {"when": format_moment(ended)}


def already_answered(survey, user=None, session_key="") -> bool:
    if getattr(user, "is_authenticated", False):
        return SurveyResponse.objects.filter(survey=survey, user=user).exists()
    if session_key:
        return SurveyResponse.objects.filter(survey=survey, session_key=session_key).exists()
    return False


# Checking each answer ---------------------------------------------------------------------
# Each check returns the answer's rows as (question id, option id, number, text), or raises
# ValidationError with the message shown next to the question.

def _one_value(raw):
    if isinstance(raw, (list, tuple)):
        values = [str(v).strip() for v in raw if str(v).strip()]
        if len(values) > 1:
            raise ValidationError(_("Choose only one option."))
        return values[0] if values else ""
    return str(raw or "").strip()


def _option_of(value, options):
    try:
        key = int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("That choice is not one of this question's options.")) from None
    if key not in options:
        raise ValidationError(_("That choice is not one of this question's options."))
    return key


def _single(question, raw, options):
    value = _one_value(raw)
    if not value:
        return []
    return [(question.pk, _option_of(value, options), 1, "")]


def _multiple(question, raw, options):
    values = raw if isinstance(raw, (list, tuple)) else ([raw] if raw else [])
    chosen = [_option_of(v, options) for v in values if str(v).strip()]
    if len(set(chosen)) != len(chosen):
        raise ValidationError(_("Each option can be chosen only once."))
    if not chosen:
        return []
    low, high = question.min_choices, question.max_choices
    if high is not None and len(chosen) > high:
        raise ValidationError(ngettext("Choose at most %(n)s option (you chose %(count)s).",
                                       "Choose at most %(n)s options (you chose %(count)s).",
                                       high) % {"n": high, "count": len(chosen)})
    if low is not None and len(chosen) < low:
        raise ValidationError(ngettext("Choose at least %(n)s option (you chose %(count)s).",
                                       "Choose at least %(n)s options (you chose %(count)s).",
                                       low) % {"n": low, "count": len(chosen)})
    ordered = sorted(chosen, key=list(options).index)
    # ``number`` is the option's place among those chosen: one row per person has 1.
    return [(question.pk, key, place, "") for place, key in enumerate(ordered, 1)]


def _text(question, raw):
    # Browsers send line breaks as CRLF; counted as one character, as the form shows them.
    text = _one_value(raw).replace("\r\n", "\n").replace("\x00", "")
    if len(text) > question.text_limit:
        raise ValidationError(_("Keep the answer to at most %(limit)s characters (it has "
                                "%(length)s).") % {"limit": question.text_limit,
                                                   "length": len(text)})
    return [(question.pk, None, None, text)] if text else []


def _scale(question, raw):
    value = _one_value(raw)
    if not value:
        return []
    try:
        number = int(value)
    except ValueError:
        number = None
    if number not in SCALE_VALUES:
        raise ValidationError(_("Choose a value from 1 to 5."))
    return [(question.pk, None, number, "")]


def _ranking(question, raw, options):
    raw = raw if isinstance(raw, dict) else {}
    size = len(options)
    given = {}
    for option_id in options:
        value = str(raw.get(option_id, raw.get(str(option_id), "")) or "").strip()
        if value:
            given[option_id] = value
    if not given:
        return []
    if len(given) < size:
        raise ValidationError(_("Give every option a rank from 1 to %(n)s.") % {"n": size})
    ranks = {}
    for option_id, value in given.items():
        try:
            ranks[option_id] = int(value)
        except ValueError:
            ranks[option_id] = 0
        if not 1 <= ranks[option_id] <= size:
            raise ValidationError(_("Ranks go from 1 to %(n)s.") % {"n": size})
    repeated = sorted({r for r in ranks.values() if list(ranks.values()).count(r) > 1})
    if repeated:
        raise ValidationError(_("Give each option a different rank: %(ranks)s used more than "
                                "once.") % {"ranks": ", ".join(map(str, repeated))})
    return [(question.pk, option_id, rank, "") for option_id, rank in ranks.items()]


def check_answers(questions, answers) -> list:
    """All rows of a response, or a ValidationError keyed by each question's field name
    with the message for that question (every question is checked, not only the first)."""
    rows, errors = [], {}
    for question in questions:
        raw = answers.get(question.pk, answers.get(str(question.pk)))
        options = {option.pk: option for option in question.options.all()}
        try:
            if question.kind == QuestionKind.SINGLE:
                found = _single(question, raw, options)
            elif question.kind == QuestionKind.MULTIPLE:
                found = _multiple(question, raw, options)
            elif question.kind in TEXT_KINDS:
                found = _text(question, raw)
            elif question.kind == QuestionKind.SCALE:
                found = _scale(question, raw)
            else:
                found = _ranking(question, raw, options)
            if question.required and not found:
                raise ValidationError(_("This question needs an answer."))
        except ValidationError as error:
            errors[question.field_name] = error.messages
            continue
        rows.extend(found)
    if errors:
        raise ValidationError(errors)
    return rows


# Saving -----------------------------------------------------------------------------------

def check_can_answer(survey, actor, session_key=""):
    message = closed_message(survey)
    if message:
        raise ValidationError(message)
    require(actor, "consultation.answer_survey", survey, _("Log in to answer this survey."))
    signed_in = getattr(actor, "is_authenticated", False)
    if not signed_in and not session_key:
        raise ValidationError(_("Your browser did not send the survey's cookie. Allow "
                                "cookies for this site and try again."))
    if already_answered(survey, actor, session_key):
        raise ValidationError(str(ALREADY_ANSWERED))


@transaction.atomic
def submit_response(survey, *, actor, answers, session_key="", client_address="",
                    questions=None) -> SurveyResponse:
    """Saves one person's answers, all or nothing.

    ``answers`` maps each question's id to what was sent: a string (single choice, text,
    scale), a list of strings (multiple choice) or {option id: rank} (ranking). Answers to
    questions are checked first, so a person sees every mistake at once.
    """
    signed_in = getattr(actor, "is_authenticated", False)
    session_key = "" if signed_in else (session_key or "")[:64]
    check_can_answer(survey, actor, session_key)
    if questions is None:
        questions = list(survey.questions.prefetch_related("options"))
    rows = check_answers(questions, answers)
    if not rows:
        raise ValidationError(_("Answer at least one question before sending."))
    if not signed_in:
        limits.check("survey", client_address=client_address, scope=survey.pk)
    response = SurveyResponse(survey=survey, user=actor if signed_in else None,
                              session_key=session_key, created_at=timezone.now())
    try:
        # Two submissions at once (a double click, two tabs) both pass the check above;
        # the unique constraints let one through and stop the other here.
        with transaction.atomic():
            response.save()
    except IntegrityError:
        raise ValidationError(str(ALREADY_ANSWERED)) from None
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, question_id=question_id, option_id=option_id,
                     number=number, text=text)
        for question_id, option_id, number, text in rows)
    # Kept out of the plan's public history: a line per response would tell when each
    # person answered, and answers are published only in aggregate.
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=response,
                 after={"survey": survey.pk, "answers": len(rows)}, scope="")
    return response
