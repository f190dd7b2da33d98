"""Submitting, editing, withdrawing and recording ideas.

The public may submit only while one of the plan's idea stages is open; staff may record
ideas received by e-mail, on paper or at a meeting at any time, with the channel recorded.
"""


from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashke.consultation import notifications
from bashke.consultation.models import Channel, Idea, IdeaDraft, IdeaRevision, IdeaStatus
from bashke.consultation.models.ideas import ANSWER_FIELDS, OGP_VALUES
from bashke.consultation.services import limits
from bashke.consultation.services.limits import TooManySubmissions  # noqa: F401 (the API catches it)
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import allowed, require
from bashke.core.text import format_day
from bashke.plans import cycle
from bashke.plans.models import StageKind

# Stages during which the public may put forward ideas.
IDEA_STAGE_KINDS = frozenset({StageKind.ONLINE_CONSULTATION})
STAFF_CHANNELS = {Channel.EMAIL, Channel.PAPER, Channel.MEETING}
SUBMISSIONS_PER_HOUR = limits.LIMITS["idea"].count

EDITABLE_FIELDS = (["title", "language", "goal", "component", "other_agencies", "organisation",
                    "publish_name", *ANSWER_FIELDS]
                   + [f"improves_{p}" for p, _l in OGP_VALUES]
                   + [f"{p}_explanation" for p, _l in OGP_VALUES])
STAFF_FIELDS = ["submitter_name", "meeting"]


class ConsultationClosed(ValidationError):
    """Ideas are not being collected for the plan now."""


def idea_window(plan, day=None):
    """(open stage, next stage) for putting forward ideas."""
    return cycle.window(plan.stages.all(), IDEA_STAGE_KINDS, day)


def closed_message(plan, day=None) -> str:
    _open, upcoming = idea_window(plan, day)
    if upcoming:
        return _("Ideas for this plan are not being collected now. The next opportunity "
                 "opens on %(start)s: “%(stage)s”.") % {"start": format_day(upcoming.start),
                                                        "stage": upcoming.heading}
    return _("Ideas for this plan are not being collected now, and no further opportunity "
             "is scheduled. You can still comment on the ideas already submitted.")


def _check_open(plan):
    open_stage, _upcoming = idea_window(plan)
    if open_stage is None:
        raise ConsultationClosed(closed_message(plan))
    return open_stage


def _check_placement(plan, goal, component):
    errors = {}
    if goal is not None and goal.plan_id != plan.pk:
        errors["goal"] = _("This policy goal belongs to another plan.")
    if component is not None:
        if component.goal.plan_id != plan.pk:
            errors["component"] = _("This component belongs to another plan.")
        elif goal is not None and component.goal_id != goal.pk:
            errors["component"] = _("This component belongs to another policy goal.")
    if errors:
        raise ValidationError(errors)


def _check_lengths(idea):
    # A TextField's max_length binds forms only; the API and the Word form come in here too.
    errors = {}
    for field in idea._meta.concrete_fields:
        value = getattr(idea, field.attname)
        if field.max_length and isinstance(value, str) and len(value) > field.max_length:
            errors[field.name] = _("At most %(limit)s characters (this has %(length)s).") % {
                "limit": field.max_length, "length": len(value)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def submit_idea(plan, *, actor, answers: dict, agencies=(), channel=Channel.ONLINE,
                client_address="", recorded=False) -> Idea:
    """Creates an idea from the form's answers.

    ``answers`` holds model field values (EDITABLE_FIELDS, and for staff STAFF_FIELDS).
    With ``recorded`` a staff member records an idea received through ``channel`` (e-mail,
    paper, meeting) on someone's behalf, at any time; otherwise ``actor`` is the author and
    the plan's idea stage must be open.
    """
    allowed = set(EDITABLE_FIELDS) | (set(STAFF_FIELDS) if recorded else set())
    unknown = set(answers) - allowed
    if unknown:
        raise TypeError(f"unknown idea fields: {', '.join(sorted(unknown))}")
    if recorded:
        require(actor, "consultation.record_idea", plan,
                _("Only the plan's coordinators and secretariat record ideas received "
                  "elsewhere."))
        if channel not in STAFF_CHANNELS and channel != Channel.WORD:
            raise ValidationError({"channel": _("Choose how the idea was received.")})
    else:
        require(actor, "consultation.submit_idea", plan, _("Log in to put forward an idea."))
        _check_open(plan)
        limits.check("idea", actor=actor, client_address=client_address)
    idea = Idea(plan=plan, channel=channel, **answers)
    if recorded:
        idea.recorded_by = actor
    else:
        idea.author = actor
        if idea.organisation_id and idea.organisation_id != actor.organisation_id:
            raise ValidationError({"organisation": _(
                "You can submit on behalf of your own organisation only.")})
    _check_placement(plan, idea.goal, idea.component)
    _check_lengths(idea)
    if idea.component is not None and idea.goal is None:
        idea.goal = idea.component.goal
    idea.full_clean()
    idea.save()
    idea.agencies.set(agencies)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=idea,
                 after={**idea.answers(), "channel": channel,
                        "agencies": sorted(a.pk for a in agencies)},
                 scope=plan.audit_scope)
    if not recorded:
        IdeaDraft.objects.filter(user=actor, plan=plan).delete()
    return idea


def can_edit(idea, user) -> bool:
    """The author may edit while the stage in which ideas are collected is open."""
    if not allowed(user, "consultation.change_own_idea", idea):
        return False
    if idea.status == IdeaStatus.WITHDRAWN:
        return False
    open_stage, _upcoming = idea_window(idea.plan)
    return open_stage is not None


@transaction.atomic
def edit_idea(idea, *, actor, answers: dict, agencies=None) -> Idea:
    if not can_edit(idea, actor):
        raise PermissionDenied(_("This idea can no longer be changed: the stage in which "
                                 "ideas are collected has closed, or it is not yours."))
    unknown = set(answers) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown idea fields: {', '.join(sorted(unknown))}")
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    before = idea.answers()
    before_agencies = sorted(idea.agencies.values_list("pk", flat=True))
    number = idea.revisions.count() + 1
    IdeaRevision.objects.create(idea=idea, number=number, editor=actor,
                                answers={**before, "agencies": before_agencies})
    for field, value in answers.items():
        setattr(idea, field, value)
    _check_placement(idea.plan, idea.goal, idea.component)
    _check_lengths(idea)
    idea.full_clean()
    idea.save()
    after_agencies = before_agencies
    if agencies is not None:
        idea.agencies.set(agencies)
        after_agencies = sorted(a.pk for a in agencies)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=idea,
                 before={**before, "agencies": before_agencies},
                 after={**idea.answers(), "agencies": after_agencies},
                 scope=idea.plan.audit_scope)
    return idea


@transaction.atomic
def withdraw_idea(idea, *, actor) -> Idea:
    require(actor, "consultation.change_own_idea", idea, _("Only the author can withdraw an idea."))
    before = {"status": idea.status}
    idea.status = IdeaStatus.WITHDRAWN
    idea.save(update_fields=["status", "updated_at", "search_text"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=idea, before=before,
                 after={"status": idea.status}, scope=idea.plan.audit_scope)
    notifications.notify_status_change(idea, before["status"], idea.status, actor=actor)
    return idea


def save_draft(plan, *, actor, data: dict, started=None) -> IdeaDraft:
    """Keeps what the person has typed so far; no audit entry: a draft is private.

    ``started`` is when the form being typed into was shown. A save from a form whose idea
    has since been published is refused: browsers send a last save as the page is left,
    after the idea went out, and that draft would come back into the next idea's form.
    """
    require(actor, "consultation.submit_idea", plan, _("Log in to put forward an idea."))
    if started is not None and Idea.objects.filter(plan=plan, author=actor,
                                                   submitted_at__gte=started).exists():
        raise ValidationError(_("This form's idea is already published; its draft is "
                                "closed."), code="published")
    cleaned = {key: str(value)[:6000] for key, value in data.items()
               if key in set(EDITABLE_FIELDS) | {"agencies"}}
    draft, _created = IdeaDraft.objects.update_or_create(user=actor, plan=plan,
                                                         defaults={"data": cleaned})
    return draft
