"""Versions of the action plan: freeze the table as a numbered version, publish a version for
public comment within the plan's consultation stage, take and moderate comments on its
measures and activities, link the forum's endorsement, and record the approval — after which
the approved version and the live table are read-only.

A version's ``snapshot`` is ``tree.to_json(tree.build(plan))`` at the moment of freezing and
never changes; every later reading goes through ``tree.from_json``.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.assessment.models import ForumDecision
from bashke.consultation.services import limits
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.core.text import format_day
from bashke.core.uploads import check_upload
from bashke.drafting import tree
from bashke.drafting.models import PlanVersion, VersionComment, VersionStatus
from bashke.drafting.models.versions import is_approved
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan, PlanStatus, StageKind

CREATE, UPDATE = AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE
COMMENT_MAX = 5000
NOTE_MAX = 2000
REASON_MAX = 500
DOCUMENT_KINDS = ("pdf", "docx", "odt")
# A plan in these states moves to "approved" with its version; a plan already approved,
# implementing or completed (a past plan recorded after the fact) keeps its status.
BEFORE_APPROVAL = {PlanStatus.DRAFTING, PlanStatus.CONSULTATION, PlanStatus.SUBMITTED}


class CommentsClosed(ValidationError):
    """The version is not open for comment today; the message says why."""


def _manage(actor, target):
    require(actor, "drafting.manage_versions", target,
            _("Only the plan's coordinators manage its versions."))


def _lock_plan(plan) -> ActionPlan:
    # Serialises the plan's version writes: two freezes at once cannot take one number,
    # and an approval sees every other version as it is.
    return ActionPlan.objects.select_for_update().get(pk=plan.pk)


def _locked(version) -> PlanVersion:
    return (PlanVersion.objects.select_for_update(of=("self",)).select_related("plan")
            .get(pk=version.pk))


def _refuse_if_approved(plan):
    approved = PlanVersion.objects.approved().filter(plan=plan).first()
    if approved is not None:
        raise ValidationError(_("The plan was approved as version %(number)s: it can no "
                                "longer change.") % {"number": approved.number})


def _record(actor, action, version, before=None, after=None, note=""):
    return audit.record(actor=actor, action=action, instance=version, before=before,
                        after=after, note=note, scope=version.plan.audit_scope)


# Freezing ----------------------------------------------------------------------------------

@transaction.atomic
def freeze(plan, *, actor, note="") -> PlanVersion:
    """The table as it is now, kept as the plan's next numbered version."""
    _manage(actor, plan)
    plan = _lock_plan(plan)
    _refuse_if_approved(plan)
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Write at most %(limit)s characters.")
                               % {"limit": NOTE_MAX}})
    table = tree.build(plan)
    if not table.objectives():
        raise ValidationError(_("The table has no specific objective yet: there is nothing "
                                "to freeze."))
    last = PlanVersion.objects.for_plan(plan).order_by("-number").first()
    version = PlanVersion.objects.create(
        plan=plan, number=(last.number + 1) if last else 1, note=note,
        snapshot=tree.to_json(table), frozen_by=actor if getattr(actor, "pk", None) else None,
        frozen_at=timezone.now())
    entry = _record(actor, CREATE, version, after={
        "number": version.number, "note": note, "status": version.status,
        "activities": len(table.activities())})
    if entry is not None and entry.at != version.frozen_at:
        # A history loaded after the fact (audit.dated): the version was frozen then.
        version.frozen_at = entry.at
        version.save(update_fields=["frozen_at"])
    return version


# Public comment ----------------------------------------------------------------------------

def consultation_stages(plan):
    """The plan's stages in which a version may be open for comment: the public consultation
    on the draft first, then any other consultation stage, each in date order."""
    stages = [stage for stage in plan.stages.all() if stage.is_consultation]
    return sorted(stages, key=lambda s: (s.kind != StageKind.DRAFT_CONSULTATION, s.start))


def _stage_list(stages):
    return "; ".join(f"{stage.heading} ({format_day(stage.start)} – {format_day(stage.end)})"
                     for stage in stages)


def _check_window(plan, opens, closes):
    if opens is None or closes is None:
        raise ValidationError({"opens" if opens is None else "closes":
                               _("Give the first and the last day of comments.")})
    if closes < opens:
        raise ValidationError({"closes": _(
            "The last day of comments (%(closes)s) comes before the first (%(opens)s).") % {
            "closes": format_day(closes), "opens": format_day(opens)}})
    if opens < today():
        raise ValidationError({"opens": _("The first day of comments (%(opens)s) is in the "
                                          "past.") % {"opens": format_day(opens)}})
    stages = consultation_stages(plan)
    if not stages:
        raise ValidationError(_("The plan has no consultation stage: add the public "
                                "consultation on the draft to its stages first."))
    if not any(stage.start <= opens and closes <= stage.end for stage in stages):
        raise ValidationError({"closes": _(
            "Comments must open and close within one of the plan's consultation stages: "
            "%(stages)s.") % {"stages": _stage_list(stages)}})


@transaction.atomic
def publish_for_comment(version, *, actor, opens, closes) -> PlanVersion:
    """Opens a frozen version to public comment from ``opens`` to ``closes`` (both days
    included). Another version of the plan still open for comment is closed: the public
    comments on one draft at a time, the newest."""
    _manage(actor, version)
    _lock_plan(version.plan)
    version = _locked(version)
    _refuse_if_approved(version.plan)
    if version.status != VersionStatus.FROZEN:
        raise ValidationError(_("Version %(number)s has already been published for comment.")
                              % {"number": version.number})
    _check_window(version.plan, opens, closes)
    for other in (PlanVersion.objects.for_plan(version.plan)
                  .filter(status=VersionStatus.IN_CONSULTATION).exclude(pk=version.pk)):
        _close(other, actor, note=_("Closed: version %(number)s is published for comment.")
               % {"number": version.number})
    before = audit.snapshot(version, ["status", "comments_open_from", "comments_open_until"])
    version.status = VersionStatus.IN_CONSULTATION
    version.comments_open_from, version.comments_open_until = opens, closes
    version.save(update_fields=["status", "comments_open_from", "comments_open_until"])
    _record(actor, UPDATE, version, before=before, after=audit.snapshot(
        version, ["status", "comments_open_from", "comments_open_until"]))
    return version


def _close(version, actor, note=""):
    before = {"status": version.status}
    version.status = VersionStatus.CONSULTATION_CLOSED
    version.save(update_fields=["status"])
    _record(actor, UPDATE, version, before=before, after={"status": version.status},
            note=note)


@transaction.atomic
def close_comments(version, *, actor) -> PlanVersion:
    _manage(actor, version)
    version = _locked(version)
    if version.status != VersionStatus.IN_CONSULTATION:
        raise ValidationError(_("Version %(number)s is not open for comment.")
                              % {"number": version.number})
    _close(version, actor)
    return version


def comment_problem(version, day=None) -> str:
    """Why nobody can comment on the version today, or "" when they can."""
    day = day or today()
    if version.status == VersionStatus.FROZEN:
        return _("This version has not been published for comment.")
    if version.status != VersionStatus.IN_CONSULTATION:
        return _("Public comment on this version is closed.")
    if day < version.comments_open_from:
        return _("Comments open on %(day)s.") % {"day": format_day(version.comments_open_from)}
    if day > version.comments_open_until:
        return _("Public comment on this version closed on %(day)s.") % {
            "day": format_day(version.comments_open_until)}
    return ""


def row_keys(version) -> dict:
    """{"measure:12": item, "activity:40": item} of the version's measures and activities:
    the rows that can be commented on."""
    table = tree.from_json(version.snapshot)
    return {key: item for key, item in table.rows() if not key.startswith("objective:")}


@transaction.atomic
def comment(version, row, *, actor, body, language="sq", client_address="") -> VersionComment:
    """A public comment on one measure or activity of a version open for comment."""
    problem = comment_problem(version)
    if problem:
        raise CommentsClosed(problem, code="closed")
    require(actor, "drafting.comment_on_version", version, _("Log in to comment."))
    if row not in row_keys(version):
        raise ValidationError({"row": _("Choose a measure or an activity of version "
                                        "%(number)s.") % {"number": version.number}})
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write your comment.")})
    if "\x00" in body:
        raise ValidationError({"body": _("The comment contains a null character, which "
                                         "cannot be stored. Remove it and send it again.")})
    if len(body) > COMMENT_MAX:
        raise ValidationError({"body": _("Write at most %(limit)s characters (this comment "
                                         "has %(count)s).") % {"limit": COMMENT_MAX,
                                                               "count": len(body)}})
    if language not in {"sq", "en"}:
        raise ValidationError({"language": _("Choose Albanian or English.")})
    limits.check("version_comment", actor=actor, client_address=client_address)
    item = VersionComment.objects.create(version=version, row=row, author=actor, body=body,
                                         language=language)
    audit.record(actor=actor, action=CREATE, instance=item,
                 after={"version": version.number, "row": row, "body": body,
                        "language": language},
                 scope=version.plan.audit_scope)
    return item


@transaction.atomic
def hide_comment(item, *, actor, reason) -> VersionComment:
    """Hides a comment with a public reason; the comment stays in the record."""
    require(actor, "drafting.moderate_version_comments", item,
            _("Only the plan's moderators and coordinators hide comments."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the comment is hidden: the reason is "
                                           "shown in its place.")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("Write at most %(limit)s characters.")
                               % {"limit": REASON_MAX}})
    item = VersionComment.objects.select_for_update().get(pk=item.pk)
    if item.is_hidden:
        raise ValidationError(_("This comment is already hidden."))
    item.hidden_at, item.hidden_reason = timezone.now(), reason
    item.save(update_fields=["hidden_at", "hidden_reason"])
    audit.record(actor=actor, action=UPDATE, instance=item,
                 before={"hidden_reason": ""}, after={"hidden_reason": reason},
                 scope=item.version.plan.audit_scope)
    return item


# Endorsement and approval ------------------------------------------------------------------

@transaction.atomic
def record_endorsement(version, forum_decision, *, actor) -> PlanVersion:
    """Links the forum's decision endorsing this version (the forum's pages record it)."""
    _manage(actor, version)
    version = _locked(version)
    if version.is_approved:
        raise ValidationError(_("An approved version can no longer change."))
    if (forum_decision is None or forum_decision.plan_id != version.plan_id
            or forum_decision.kind != ForumDecision.Kind.ENDORSEMENT):
        raise ValidationError({"endorsement": _(
            "Choose a decision of this plan's forum endorsing the draft.")})
    before = {"endorsement": version.endorsement_id}
    version.endorsement = forum_decision
    version.save(update_fields=["endorsement"])
    _record(actor, UPDATE, version, before=before, after={"endorsement": forum_decision.pk})
    return version


def _check_approval(version, body, approved_on, decision_document):
    errors = {}
    if not body:
        errors["body"] = _("Name the body that approved the plan, e.g. the Integrated "
                           "Policy Management Group.")
    elif len(body) > 250:
        errors["body"] = _("Write at most %(limit)s characters.") % {"limit": 250}
    if approved_on is None:
        errors["approved_on"] = _("Give the date of the decision.")
    elif approved_on > today():
        errors["approved_on"] = _("The date of the decision (%(day)s) is in the future.") % {
            "day": format_day(approved_on)}
    elif approved_on < timezone.localtime(version.frozen_at).date():
        errors["approved_on"] = _("The decision (%(day)s) comes before version %(number)s was "
                                  "frozen (%(frozen)s).") % {
            "day": format_day(approved_on), "number": version.number,
            "frozen": format_day(timezone.localtime(version.frozen_at).date())}
    if decision_document is None:
        errors["decision_document"] = _("Upload the decision (PDF, Word or OpenDocument).")
    else:
        try:
            check_upload(decision_document, allowed=DOCUMENT_KINDS)
        except ValidationError as error:
            errors["decision_document"] = error.messages
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def approve(version, *, actor, body, approved_on, decision_reference="",
            decision_document=None) -> PlanVersion:
    """Records the approval of ``version`` by ``body`` on ``approved_on``, with the decision
    document. Only one version of a plan is ever approved; afterwards it and the live table
    are read-only, and a plan still being drafted moves to "approved"."""
    _manage(actor, version)
    plan = _lock_plan(version.plan)
    version = _locked(version)
    _refuse_if_approved(plan)
    body, decision_reference = (body or "").strip(), (decision_reference or "").strip()[:100]
    _check_approval(version, body, approved_on, decision_document)
    before = audit.snapshot(version, ["status", "approved_by_body", "approved_on",
                                      "decision_reference"])
    version.status = VersionStatus.APPROVED
    version.approved_by_body, version.approved_on = body, approved_on
    version.decision_reference = decision_reference
    decision_document.seek(0)
    version.decision_document.save(decision_document.name, decision_document, save=False)
    try:
        with transaction.atomic():
            version.save()
    except IntegrityError:  # another approval of the plan won the race
        version.decision_document.delete(save=False)
        raise ValidationError(_("Another version of this plan has just been approved.")) from None
    _record(actor, UPDATE, version, before=before, after=audit.snapshot(
        version, ["status", "approved_by_body", "approved_on", "decision_reference"]))
    if plan.status in BEFORE_APPROVAL:
        plan_services.update_plan(plan, actor=actor, status=PlanStatus.APPROVED)
    return version


def refuse_if_approved(plan) -> None:
    """For the table's services: a ValidationError once the plan is approved."""
    if is_approved(plan):
        _refuse_if_approved(plan)
