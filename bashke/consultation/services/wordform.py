"""Word forms: reading uploads, keeping them for confirmation, turning them into ideas.

An upload is read at once (``read_upload``) and what was read is kept as a
``PendingWordForm`` until its uploader confirms it (the idea is then submitted through
``services.ideas.submit_idea`` with the Word channel) or discards it. A pending form is
the uploader's private working copy, like an idea draft, so keeping or discarding one
leaves no audit entry; the idea it becomes does.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bashke.consultation.models import Channel, Idea, PendingWordForm
from bashke.consultation.models.ideas import fold
from bashke.consultation.services import ideas as idea_services
from bashke.consultation.services import limits
from bashke.consultation.wordform import match
from bashke.consultation.wordform.parse import parse_docx
from bashke.core.permissions import require
from bashke.plans.models import Component, Institution, PolicyGoal

KEEP_PENDING = timedelta(days=7)
MAX_BATCH_FILES = 50

FIELD_LABELS = {
    "title": gettext_lazy("Title of the idea"),
    "goal": gettext_lazy("Policy goal"),
    "component": gettext_lazy("Policy goal and component"),
    "language": gettext_lazy("Language it is written in"),
    "overall_idea": gettext_lazy("1. The overall idea"),
    "problem": gettext_lazy("2. The problem the idea will address"),
    "solution": gettext_lazy("3. How the idea will help solve the problem"),
    "objective_impact": gettext_lazy("4. Main objective and impact"),
    "beneficiaries": gettext_lazy("5. Main beneficiaries"),
    "ogp": gettext_lazy("6. Would the idea improve…"),
    "improves_transparency": gettext_lazy("6.1 Transparency & access to information"),
    "improves_participation": gettext_lazy("6.2 Public & civic participation"),
    "improves_accountability": gettext_lazy("6.3 Government accountability"),
    "improves_technology": gettext_lazy(
        "6.4 Technology & innovation for transparency & accountability"),
    "other_agencies": gettext_lazy("7. Main implementing agencies"),
    "publish_name": gettext_lazy("Consent to publish the name"),
    "submitter_name": gettext_lazy("Name"),
    "organisation": gettext_lazy("Organisation"),
}


def field_label(key) -> str:
    return str(FIELD_LABELS.get(key, key))


def describe(warning: dict) -> str:
    """A warning from the parser or the matching, in the active language."""
    code, field = warning.get("code"), warning.get("field")
    label, text = field_label(field), warning.get("text", "")
    messages = {
        "not_template": _("This is not the idea form: answers were read from the question "
                          "numbers. Check every answer carefully."),
        "newer_version": _("This form is of a newer version than this site knows. Check "
                           "every answer carefully."),
        "other_plan": _("This form was downloaded for another plan (%(text)s). Check the "
                        "policy goal and component.") % {"text": text},
        "language_guessed": _("The language it is written in was not ticked; it was guessed "
                              "from the text."),
        "several_ticked": _("%(field)s: more than one was ticked; the first was taken.")
        % {"field": label},
        "both_ticked": _("%(field)s: both yes and no were ticked, so it is left unanswered.")
        % {"field": label},
        "ogp_unassigned": _("Question 6 was answered as a whole (“%(text)s”); answer each of "
                            "its four parts below.") % {"text": text},
        "unmatched": _("%(field)s: “%(text)s” matches none of this plan's; choose below.")
        % {"field": label, "text": text},
        "too_long": _("%(field)s is longer than the form allows; shorten it below.")
        % {"field": label},
    }
    return messages.get(code, code or "")


def name_note(pending, user) -> str:
    """Said when the form names someone else than the account that publishes it: an idea
    uploaded by its author appears under the author's account, never under a typed name."""
    typed = " ".join(str(pending.parsed.get("answers", {}).get("submitter_name") or "").split())
    if pending.batch or not typed or fold(typed) == fold(user.display_name or ""):
        return ""
    return _("The form gives the name “%(typed)s”. An idea you upload is published under "
             "your account's name, “%(account)s”, and only if you agree below; the name on "
             "the form is not used.") % {"typed": typed[:200], "account": user.display_name}


# Reading ---------------------------------------------------------------------------------

def plan_for_forms(queryset):
    """The plan with what reading a form and rendering the form need, in fixed queries."""
    return queryset.select_related("jurisdiction").prefetch_related(
        "stages",
        Prefetch("goals", queryset=PolicyGoal.objects.order_by("number").prefetch_related(
            Prefetch("components", queryset=Component.objects.select_related("goal")
                     .order_by("position", "id")))))


def read_upload(plan, uploaded, institutions=None) -> dict:
    """What the file says, matched to the plan: the parser's answers plus ``matched``
    (goal, component and agency ids). Raises ValidationError for a file it cannot read."""
    parsed = parse_docx(uploaded).to_json()
    answers = parsed["answers"]
    warnings = parsed["warnings"]
    template = parsed.get("template")
    if template and template.get("plan") and template["plan"] != plan.slug:
        warnings.append({"code": "other_plan", "field": "component", "text": template["plan"]})
    goal, component = match.placement(plan.goals.all(), answers.get("goal", ""),
                                      answers.get("component", ""))
    for key, found in (("goal", goal or component), ("component", component)):
        if answers.get(key) and found is None:
            warnings.append({"code": "unmatched", "field": key, "text": answers[key][:200]})
    known = list(Institution.objects.all()) if institutions is None else institutions
    agencies, unmatched = match.institutions(known, parsed["agency_names"])
    parsed["matched"] = {
        "goal": (goal or (component.goal if component else None)).pk
        if (goal or component) else None,
        "component": component.pk if component else None,
        "agencies": [agency.pk for agency in agencies],
        "other_agencies": "; ".join(unmatched),
    }
    for key in ("title", "overall_idea", "problem", "solution", "objective_impact",
                "beneficiaries"):
        limit = Idea._meta.get_field(key).max_length
        if len(answers.get(key) or "") > limit:
            warnings.append({"code": "too_long", "field": key})
    if len(parsed["matched"]["other_agencies"]) > Idea._meta.get_field(
            "other_agencies").max_length:
        warnings.append({"code": "too_long", "field": "other_agencies"})
    return parsed


def stage_uploads(plan, files, *, actor, batch=False, client_address=""):
    """Reads each file and keeps what it says for confirmation.

    Returns (pending forms, [(file name, reason)] for the files refused). One bad file
    does not stop the others.
    """
    require(actor, "consultation.upload_word_form", plan, _("Log in to upload a filled form."))
    if batch:
        require(actor, "consultation.upload_word_batch", plan,
                _("Only the plan's coordinators and secretariat upload forms received by "
                  "e-mail."))
        if len(files) > MAX_BATCH_FILES:
            raise ValidationError(_("At most %(count)s files at a time, please.")
                                  % {"count": MAX_BATCH_FILES})
    else:
        if len(files) != 1:
            raise ValidationError(_("Upload one filled form at a time."))
        open_stage, _upcoming = idea_services.idea_window(plan)
        if open_stage is None:
            raise ValidationError(idea_services.closed_message(plan))
        limits.check("wordform", actor=actor, client_address=client_address)
    # No scheduler is needed for the week-old readings: each upload sweeps them.
    prune_pending()
    institutions = list(Institution.objects.all())
    pending, refused = [], []
    for uploaded in files:
        name = (getattr(uploaded, "name", "") or "")[:255]
        try:
            parsed = read_upload(plan, uploaded, institutions)
        except ValidationError as error:
            refused.append((name, " ".join(error.messages)))
            continue
        pending.append(PendingWordForm.objects.create(
            plan=plan, uploaded_by=actor, batch=batch, file_name=name, parsed=parsed))
    return pending, refused


# Confirming ------------------------------------------------------------------------------

def _check_owner(pending, actor):
    require(actor, "consultation.confirm_word_form", pending,
            _("Only the person who uploaded this form can confirm it."))


@transaction.atomic
def confirm(pending, *, actor, answers: dict, agencies=(), client_address="") -> Idea:
    """The idea the uploader confirmed, with the answers as corrected in the confirmation
    form; the pending form is gone once the idea exists, and only then."""
    _check_owner(pending, actor)
    locked = PendingWordForm.objects.select_for_update().filter(pk=pending.pk).first()
    if locked is None:
        raise ValidationError(_("This form has already been confirmed or discarded."))
    idea = idea_services.submit_idea(
        pending.plan, actor=actor, answers=answers, agencies=agencies, channel=Channel.WORD,
        client_address=client_address, recorded=pending.batch)
    locked.delete()
    return idea


def discard(pending, *, actor) -> None:
    _check_owner(pending, actor)
    PendingWordForm.objects.filter(pk=pending.pk).delete()


def prune_pending(older_than=KEEP_PENDING) -> int:
    deleted, _rows = PendingWordForm.objects.filter(
        created_at__lt=timezone.now() - older_than).delete()
    return deleted
