"""The multi-stakeholder forum's membership and decisions: adding, changing and ending a
membership, recording a decision (or the forum's endorsement of the draft plan).

Memberships end rather than vanish: the forum's composition on any past day stays on record.
A member's name is public (OGP asks that the forum's membership be published); the account
behind it is a personal field of the audit entry.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from bashke.accounts.models import Sector
from bashke.assessment.models import ForumDecision, ForumMember
from bashke.consultation.models.meetings import MeetingKind
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.plans.cycle import today

MEMBER_FIELDS = ["user", "name", "organisation", "organisation_name", "sector", "joined_on",
                 "left_on"]
DECISION_FIELDS = ["meeting", "kind", "decided_on", "title_sq", "title_en", "text_sq",
                   "text_en"]


def _may_manage(actor, plan):
    require(actor, "assessment.manage_forum", plan,
            _("Only the plan's coordinators keep the forum's membership and decisions."))


def _unknown(changes, known):
    unknown = set(changes) - set(known)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")


def _check_member(member):
    errors = {}
    if member.left_on and member.joined_on and member.left_on < member.joined_on:
        errors["left_on"] = _("A membership cannot end before it starts.")
    if member.user_id and ForumMember.objects.filter(
            plan_id=member.plan_id, user_id=member.user_id, left_on__isnull=True).exclude(
            pk=member.pk).exists() and member.left_on is None:
        errors["user"] = _("This person is already a member of the forum.")
    if errors:
        raise ValidationError(errors)


def _save_member(member, *, actor, before):
    _check_member(member)
    member.full_clean(exclude=["plan"])
    member.save()
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE if before else
                 AuditEntry.Action.CREATE, instance=member, before=before,
                 after=audit.snapshot(member, MEMBER_FIELDS), scope=member.plan.audit_scope,
                 personal_fields=["user"])
    return member


@transaction.atomic
def add_member(plan, *, actor, **fields) -> ForumMember:
    _may_manage(actor, plan)
    _unknown(fields, MEMBER_FIELDS)
    fields.setdefault("joined_on", today())
    member = ForumMember(plan=plan, **fields)
    if not member.name and member.user_id:
        member.name = member.user.public_name
    return _save_member(member, actor=actor, before={})


@transaction.atomic
def update_member(member, *, actor, **changes) -> ForumMember:
    _may_manage(actor, member.plan)
    _unknown(changes, MEMBER_FIELDS)
    member = ForumMember.objects.select_for_update(of=("self",)).select_related("plan").get(
        pk=member.pk)
    before = audit.snapshot(member, MEMBER_FIELDS)
    for name, value in changes.items():
        setattr(member, name, value)
    return _save_member(member, actor=actor, before=before)


@transaction.atomic
def end_membership(member, *, actor, on=None) -> ForumMember:
    """Ends the membership on ``on`` (today by default); the member stays in the record."""
    _may_manage(actor, member.plan)
    if member.left_on is not None:
        raise ValidationError(_("This membership has already ended."))
    return update_member(member, actor=actor, left_on=on or today())


@transaction.atomic
def record_decision(plan, *, actor, **fields) -> ForumDecision:
    _may_manage(actor, plan)
    _unknown(fields, DECISION_FIELDS)
    decision = ForumDecision(plan=plan, **fields)
    errors = {}
    if not (decision.title_sq.strip() or decision.title_en.strip()):
        errors["title_sq"] = _("Give the decision a title, in Albanian, English or both.")
    meeting = decision.meeting
    if meeting is not None and (meeting.plan_id != plan.pk or meeting.kind != MeetingKind.FORUM):
        errors["meeting"] = _("Choose one of this plan's forum meetings.")
    if errors:
        raise ValidationError(errors)
    decision.full_clean(exclude=["plan", "meeting"])
    decision.save()
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=decision,
                 after=audit.snapshot(decision, DECISION_FIELDS), scope=plan.audit_scope)
    return decision


# Reading -------------------------------------------------------------------------------------

def members_on(plan, day=None):
    """The members of the forum on ``day`` (today by default)."""
    day = day or today()
    return (ForumMember.objects.filter(plan=plan, joined_on__lte=day)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=day))
            .select_related("organisation"))


def balance(counts: dict) -> dict:
    """Government and non-government side by side: counts and shares (per cent), and the
    count per sector, from ``{sector: members}``."""
    by_sector = {value: counts.get(value, 0) for value in Sector.values}
    total = sum(by_sector.values())
    government = by_sector[Sector.GOVERNMENT]
    others = total - government
    return {"total": total, "government": government, "non_government": others,
            "government_share": round(100 * government / total) if total else None,
            "non_government_share": round(100 * others / total) if total else None,
            "by_sector": by_sector}


def balance_of(members) -> dict:
    """The balance of members already read (a page that lists them anyway)."""
    counts = {}
    for member in members:
        counts[member.sector] = counts.get(member.sector, 0) + 1
    return balance(counts)


def balance_in_db(plan, day=None) -> dict:
    """The same, counted by the database (the API: counts, no rows)."""
    return balance(dict(members_on(plan, day).order_by().values_list("sector")
                        .annotate(n=Count("id"))))


def has_forum(plan) -> bool:
    """Whether the plan has ever had a forum member (OGP standard 1 requires a forum)."""
    return ForumMember.objects.filter(plan=plan).exists()
