"""Supporting, following, commenting, flagging and moderating; notification settings.
(Statements and votes: services/statements.py.)

Supports, follows and votes are private choices: their audit entries carry no public scope
(the totals are public, who chose what is not). Comments, statements and every moderation
action are listed on the plan's public history.
"""


from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.consultation import markup, notifications
from bashke.consultation.models import (
    Comment,
    Flag,
    FlagReason,
    FlagResolution,
    Follow,
    Idea,
    IdeaStatus,
    NotificationSettings,
    Support,
)
from bashke.consultation.models.deliberation import (
    COMMENT_MAX_LENGTH,
    REASON_MAX_LENGTH,
)
from bashke.consultation.services import limits
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.plans import cycle
from bashke.plans.models import Phase

# When ------------------------------------------------------------------------------------

def discussion_open(plan, day=None) -> bool:
    """Ideas are supported and discussed while the plan is being co-created."""
    timeline = cycle.Timeline.of(plan, plan.stages.all(), day)
    return any(s.phase == Phase.CO_CREATION for s in timeline.current + timeline.upcoming)


def check_discussable(idea):
    if idea.is_hidden:
        raise ValidationError(_("This idea was hidden by the moderators."))
    if idea.status == IdeaStatus.WITHDRAWN:
        raise ValidationError(_("This idea was withdrawn by its author; it can no longer be "
                                "supported or discussed."))
    if not discussion_open(idea.plan):
        raise ValidationError(_("The co-creation of this plan has ended: its ideas can no "
                                "longer be supported or discussed."))


# Supports and follows --------------------------------------------------------------------

@transaction.atomic
def set_support(idea, *, actor, support: bool, client_address="") -> bool:
    """Supports (or stops supporting) the idea; asking twice changes nothing."""
    require(actor, "consultation.support_idea", idea, _("Log in to support an idea."))
    existing = Support.objects.filter(idea=idea, user=actor).first()
    if not support:
        if existing is not None:
            audit.record(actor=actor, action=AuditEntry.Action.DELETE, instance=existing,
                         before={"idea": idea.pk}, personal_fields=["user"])
            existing.delete()
        return False
    if existing is not None:
        return True
    check_discussable(idea)
    limits.check("support", actor=actor, client_address=client_address)
    try:
        with transaction.atomic():
            row = Support.objects.create(idea=idea, user=actor)
    except IntegrityError:
        return True  # the same person's other request won the race
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=row,
                 after={"idea": idea.pk}, personal_fields=["user"])
    return True


@transaction.atomic
def set_follow(idea, *, actor, follow: bool) -> bool:
    require(actor, "consultation.follow_idea", idea, _("Log in to follow an idea."))
    row, created = Follow.objects.get_or_create(idea=idea, user=actor,
                                                defaults={"active": follow})
    if not created and row.active != follow:
        row.active = follow
        row.save(update_fields=["active"])
    elif not created:
        return follow
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=row,
                 after={"active": follow}, note="follow" if follow else "unfollow")
    return follow


# Comments --------------------------------------------------------------------------------

def _check_body(body: str, field="body") -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({field: _("Write something first.")})
    if len(body) > COMMENT_MAX_LENGTH:
        raise ValidationError({field: _(
            "A comment can be at most %(limit)s characters long; this one has %(length)s. "
            "Please shorten it.") % {"limit": COMMENT_MAX_LENGTH, "length": len(body)}})
    return body


@transaction.atomic
def add_comment(idea, *, actor, body, language="sq", parent=None, client_address="",
                site_root=None) -> Comment:
    require(actor, "consultation.comment_idea", idea, _("Log in to comment."))
    body = _check_body(body)
    if language not in {"sq", "en"}:
        raise ValidationError({"language": _("Choose Albanian or English.")})
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError(_("That comment belongs to another idea."))
        # One level of replies: answering a reply joins the thread it is in.
        if parent.parent_id is not None:
            parent = parent.parent
    check_discussable(idea)
    limits.check("comment", actor=actor, client_address=client_address)
    first_here = not Comment.objects.filter(idea=idea, author=actor).exists()
    comment = Comment.objects.create(idea=idea, author=actor, parent=parent, body=body,
                                     body_html=markup.render(body), language=language)
    if first_here and actor.pk != idea.author_id:
        # Audited like a follow by hand, so that a later "unfollow" has its start in the log.
        follow, created = Follow.objects.get_or_create(idea=idea, user=actor)
        if created:
            audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=follow,
                         after={"active": follow.active}, note="follow (commented)")
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=comment,
                 after={"idea": idea.pk, "parent": parent.pk if parent else None,
                        "body": body, "language": language},
                 scope=idea.plan.audit_scope)
    notifications.comment_added(comment, site_root=site_root)
    return comment


@transaction.atomic
def edit_comment(comment, *, actor, body) -> Comment:
    require(actor, "consultation.edit_comment", comment,
             _("Only the person who wrote a comment can change it."))
    if comment.is_hidden:
        raise ValidationError(_("A hidden comment cannot be changed."))
    body = _check_body(body)
    before = {"body": comment.body}
    comment.body, comment.body_html = body, markup.render(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "body_html", "edited_at"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=comment,
                 before=before, after={"body": body}, scope=comment.idea.plan.audit_scope)
    return comment


# Flags and moderation ------------------------------------------------------------------

def _target_filter(target):
    return {"comment": target} if isinstance(target, Comment) else {"idea": target}


def _plan_of(target):
    return target.idea.plan if isinstance(target, Comment) else target.plan


@transaction.atomic
def flag(target, *, actor, reason, details="", client_address="") -> Flag:
    """Reports an idea or a comment to the moderators, once per person while it is open."""
    require(actor, "consultation.flag_content", target, _("Log in to report content."))
    errors = {}
    if reason not in FlagReason.values:
        errors["reason"] = _("Choose a reason.")
    details = (details or "").strip()
    if len(details) > REASON_MAX_LENGTH:
        errors["details"] = _("At most %(limit)s characters, please.") % {
            "limit": REASON_MAX_LENGTH}
    if reason == FlagReason.OTHER and not details:
        errors["details"] = _("Say in a few words what is wrong.")
    if errors:
        raise ValidationError(errors)
    existing = Flag.objects.open().filter(reporter=actor, **_target_filter(target)).first()
    if existing:
        return existing
    limits.check("flag", actor=actor, client_address=client_address)
    report = Flag.objects.create(plan=_plan_of(target), reporter=actor, reason=reason,
                                 details=details, **_target_filter(target))
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=report,
                 after={"reason": reason, "details": details}, personal_fields=["details"])
    return report


def _resolve_flags(target, *, actor, resolution):
    """Closes the item's open reports; each closing is audited (privately, as the report's
    filing was), so the log says which reports a moderator's action answered."""
    reports = list(Flag.objects.open().filter(**_target_filter(target))
                   .select_for_update().order_by("pk"))
    now = timezone.now()
    Flag.objects.filter(pk__in=[report.pk for report in reports]).update(
        resolved_at=now, resolved_by=actor, resolution=resolution)
    for report in reports:
        audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=report,
                     before={"resolved_at": None, "resolution": report.resolution},
                     after={"resolved_at": audit.json_safe(now), "resolution": resolution})
    return len(reports)


@transaction.atomic
def hide(target, *, actor, reason):
    """Hides an idea or a comment with a public reason shown in its place."""
    require(actor, "consultation.moderate", target,
             _("Only the plan's moderators can hide content."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason that will be shown in its place.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("At most %(limit)s characters, please.") % {
            "limit": REASON_MAX_LENGTH}})
    target = type(target).objects.select_for_update().get(pk=target.pk)
    before = {"hidden_at": audit.json_safe(target.hidden_at), "hidden_reason":
              target.hidden_reason}
    target.hidden_at = target.hidden_at or timezone.now()
    target.hidden_reason = reason
    fields = ["hidden_at", "hidden_reason"]
    if isinstance(target, Comment):
        target.hidden_by = actor
        fields.append("hidden_by")
    elif isinstance(target, Idea):
        fields += ["updated_at", "search_text"]
    target.save(update_fields=fields)
    resolved = _resolve_flags(target, actor=actor, resolution=FlagResolution.HIDDEN)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=target, before=before,
                 after={"hidden_at": audit.json_safe(target.hidden_at),
                        "hidden_reason": reason},
                 note=f"hidden by a moderator; {resolved} report(s) resolved",
                 scope=_plan_of(target).audit_scope)
    return target


@transaction.atomic
def restore(target, *, actor):
    require(actor, "consultation.moderate", target,
             _("Only the plan's moderators can restore content."))
    target = type(target).objects.select_for_update().get(pk=target.pk)
    if target.hidden_at is None:
        return target
    before = {"hidden_at": audit.json_safe(target.hidden_at),
              "hidden_reason": target.hidden_reason}
    target.hidden_at, target.hidden_reason = None, ""
    fields = ["hidden_at", "hidden_reason"]
    if isinstance(target, Comment):
        target.hidden_by = None
        fields.append("hidden_by")
    else:
        fields += ["updated_at", "search_text"]
    target.save(update_fields=fields)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=target, before=before,
                 after={"hidden_at": None, "hidden_reason": ""}, note="restored by a moderator",
                 scope=_plan_of(target).audit_scope)
    return target


@transaction.atomic
def dismiss_flags(target, *, actor) -> int:
    """Closes the open reports on an item that the moderators leave as it is."""
    require(actor, "consultation.moderate", target,
             _("Only the plan's moderators can close reports."))
    count = _resolve_flags(target, actor=actor, resolution=FlagResolution.DISMISSED)
    if count:
        audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=target,
                     note=f"{count} report(s) dismissed by a moderator",
                     scope=_plan_of(target).audit_scope)
    return count


# Notification settings ------------------------------------------------------------------

@transaction.atomic
def update_notification_settings(user, *, actor, instant: bool, daily_digest: bool):
    if actor.pk != user.pk:
        raise PermissionDenied(_("People choose their own notifications."))
    row, _created = NotificationSettings.objects.get_or_create(user=user)
    before = {"instant": row.instant, "daily_digest": row.daily_digest}
    row.instant, row.daily_digest = instant, daily_digest
    row.save(update_fields=["instant", "daily_digest"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=row, before=before,
                 after={"instant": instant, "daily_digest": daily_digest})
    return row


@transaction.atomic
def unsubscribe(user, *, idea=None):
    """From an e-mail's link: the link proves the mail box, so the person acts for themself.
    With an idea, stops following it; without, stops every notification e-mail."""
    if idea is not None:
        row, _created = Follow.objects.get_or_create(idea=idea, user=user,
                                                     defaults={"active": False})
        if row.active:
            row.active = False
            row.save(update_fields=["active"])
        audit.record(actor=user, action=AuditEntry.Action.UPDATE, instance=row,
                     after={"active": False}, note="unsubscribed by e-mail link")
        return row
    return update_notification_settings(user, actor=user, instant=False, daily_digest=False)
