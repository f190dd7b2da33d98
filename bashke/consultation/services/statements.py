"""Statements and votes, the seed's "brainstorm / select ideas": staff publish short
statements (participants propose them, moderators approve), and during the plan's
prioritisation stage people vote agree / disagree / pass, one vote each, changeable while
the stage is open. The analysis reads the votes for opinion groups: each person's choice is
private (audit entries without public scope), the totals are public.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.consultation.models import Statement, Vote
from bashke.consultation.models.statements import STATEMENT_MAX_LENGTH
from bashke.consultation.services import limits
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import allowed, require
from bashke.core.text import format_day
from bashke.plans import cycle
from bashke.plans.models import StageKind

VOTING_KINDS = frozenset({StageKind.PRIORITISATION})


def voting_window(plan, day=None):
    """(open prioritisation stage, next one)."""
    return cycle.window(plan.stages.all(), VOTING_KINDS, day)


def voting_closed_message(plan, day=None) -> str:
    _open, upcoming = voting_window(plan, day)
    if upcoming:
        return _("Voting on statements opens on %(start)s, with the stage “%(stage)s”.") % {
            "start": format_day(upcoming.start), "stage": upcoming.heading}
    return _("Voting on statements is not open, and no prioritisation stage is scheduled.")


def _check_voting_open(plan):
    open_stage, _upcoming = voting_window(plan)
    if open_stage is None:
        raise ValidationError(voting_closed_message(plan))


@transaction.atomic
def add_statement(plan, *, actor, text, language="sq", component=None, idea=None,
                  client_address="") -> Statement:
    """Staff publish a statement; anyone else proposes one for the moderators to approve."""
    require(actor, "consultation.propose_statement", plan,
             _("Log in to propose a statement."))
    staff = allowed(actor, "consultation.publish_statement", plan)
    text = " ".join((text or "").split())
    errors = {}
    if not text:
        errors["text"] = _("Write the statement.")
    elif len(text) > STATEMENT_MAX_LENGTH:
        errors["text"] = _("A statement can be at most %(limit)s characters long; this one "
                           "has %(length)s.") % {"limit": STATEMENT_MAX_LENGTH,
                                                 "length": len(text)}
    if language not in {"sq", "en"}:
        errors["language"] = _("Choose Albanian or English.")
    if component is not None and component.goal.plan_id != plan.pk:
        errors["component"] = _("This component belongs to another plan.")
    if idea is not None and idea.plan_id != plan.pk:
        errors["idea"] = _("This idea belongs to another plan.")
    if errors:
        raise ValidationError(errors)
    open_stage, upcoming = voting_window(plan)
    if staff:
        # Staff may prepare statements before the stage opens, not after it has closed.
        if open_stage is None and upcoming is None:
            raise ValidationError(voting_closed_message(plan))
    else:
        _check_voting_open(plan)
        limits.check("statement", actor=actor, client_address=client_address)
    statement = Statement.objects.create(plan=plan, component=component, idea=idea, text=text,
                                         language=language, author=actor, approved=staff)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=statement,
                 after={"text": text, "language": language, "approved": staff,
                        "idea": idea.pk if idea else None,
                        "component": component.pk if component else None},
                 scope=plan.audit_scope)
    return statement


@transaction.atomic
def review_statement(statement, *, actor, approve: bool) -> Statement:
    require(actor, "consultation.review_statement", statement,
             _("Only the plan's moderators and staff approve statements."))
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    before = {"approved": statement.approved,
              "rejected_at": audit.json_safe(statement.rejected_at)}
    statement.approved = approve
    statement.rejected_at = None if approve else timezone.now()
    statement.save(update_fields=["approved", "rejected_at"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=statement,
                 before=before, after={"approved": approve,
                                       "rejected_at": audit.json_safe(statement.rejected_at)},
                 scope=statement.plan.audit_scope)
    return statement


@transaction.atomic
def vote(statement, *, actor, choice, client_address="") -> Vote:
    """Records (or changes) the person's vote; one row per person and statement."""
    require(actor, "consultation.vote", statement, _("Log in to vote."))
    try:
        choice = Vote.Choice(int(choice))
    except (TypeError, ValueError):
        raise ValidationError({"choice": _("Choose agree, disagree or pass.")}) from None
    if not statement.approved:
        raise ValidationError(_("This statement is not open for votes."))
    _check_voting_open(statement.plan)
    limits.check("vote", actor=actor, client_address=client_address)
    existing = Vote.objects.select_for_update().filter(statement=statement, user=actor).first()
    if existing is None:
        try:
            with transaction.atomic():
                ballot = Vote.objects.create(statement=statement, user=actor, choice=choice)
        except IntegrityError:
            existing = Vote.objects.select_for_update().get(statement=statement, user=actor)
    if existing is not None:
        before = existing.choice
        if before == choice:
            return existing
        existing.choice = choice
        existing.save(update_fields=["choice", "updated_at"])
        ballot = existing
        audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=ballot,
                     before={"choice": before}, after={"choice": int(choice)},
                     personal_fields=["choice"])
    else:
        audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=ballot,
                     after={"choice": int(choice)}, personal_fields=["choice"])
    return ballot
