"""Deciding what becomes of an idea, with the reasoned response published beside it.

One decision per idea, changed in place (the audit log keeps every earlier one). A decision
other than "included" must say why (OGP standard 4: every contribution gets an answer). The
author and the idea's followers are told, each in their own language, through the
consultation's notifications (mail goes out through the task queue).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bashke.assessment.models import Decision, DecisionKind
from bashke.consultation import notifications
from bashke.consultation.models import Idea
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.core.text import pick

FIELDS = ["kind", "merged_into", "response_sq", "response_en"]


class Conflict(ValidationError):
    """Someone else changed the decision since the form was shown: ``current`` is theirs."""

    def __init__(self, current):
        super().__init__(_("Someone else changed this decision while you were writing. Their "
                           "version is shown below; check it, then save yours again if it "
                           "should replace theirs."), code="conflict")
        self.current = current


def current_version(idea) -> int:
    """The version a form should send back: 0 while the idea has no decision."""
    return Decision.objects.filter(idea_id=idea.pk).values_list("version", flat=True).first() or 0


def _check(idea, kind, response_sq, response_en, merged_into):
    errors = {}
    if kind not in DecisionKind.values:
        errors["kind"] = _("Choose a decision.")
    elif kind != DecisionKind.INCLUDED and not (response_sq or response_en):
        errors["response_sq"] = _("Write the reasoned response, in Albanian, English or both: "
                                  "every decision other than “included” says why.")
    if kind == DecisionKind.MERGED:
        if merged_into is None:
            errors["merged_into"] = _("Choose the idea this one is merged into.")
        elif merged_into.pk == idea.pk:
            errors["merged_into"] = _("An idea cannot be merged into itself.")
        elif merged_into.plan_id != idea.plan_id:
            errors["merged_into"] = _("An idea can be merged only into an idea of the same "
                                      "plan.")
        elif Decision.objects.filter(idea_id=merged_into.pk, kind=DecisionKind.MERGED).exists():
            errors["merged_into"] = _("“%(title)s” is itself merged into another idea: merge "
                                      "into that one instead.") % {"title": merged_into.title}
        elif Decision.objects.filter(kind=DecisionKind.MERGED, merged_into_id=idea.pk).exists():
            errors["merged_into"] = _("Other ideas are merged into this one; it cannot be "
                                      "merged in turn. Decide on those ideas first.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def decide(idea, *, actor, kind, response_sq="", response_en="", merged_into=None,
           expected_version=None) -> Decision:
    """Creates or changes ``idea``'s decision. ``expected_version`` is the version the
    person saw (0: no decision yet); a different one now is a :class:`Conflict`."""
    require(actor, "assessment.decide", idea,
            _("Only the plan's coordinators and the component's leaders and secretariat "
              "decide on its ideas, while the plan is being co-created."))
    # The idea's row serialises two people deciding at once, decision or not.
    idea = Idea.objects.select_for_update(of=("self",)).select_related("plan").get(pk=idea.pk)
    response_sq, response_en = (response_sq or "").strip(), (response_en or "").strip()
    if kind != DecisionKind.MERGED:
        merged_into = None
    decision = Decision.objects.select_for_update(of=("self",)).filter(idea=idea).first()
    if expected_version is not None and (decision.version if decision else 0) != expected_version:
        raise Conflict(decision)
    _check(idea, kind, response_sq, response_en, merged_into)
    creating = decision is None
    if creating:
        decision = Decision(idea=idea, version=0)
        before = {}
    else:
        before = audit.snapshot(decision, FIELDS)
    changes = {"kind": kind, "merged_into_id": getattr(merged_into, "pk", None),
               "response_sq": response_sq, "response_en": response_en}
    if not creating and all(getattr(decision, name) == value for name, value in changes.items()):
        return decision  # nothing changed: no new version, nobody told twice
    for name, value in changes.items():
        setattr(decision, name, value)
    decision.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    decision.decided_at = timezone.now()
    decision.version += 1
    decision.full_clean(exclude=["idea", "merged_into", "decided_by"])
    decision.save()
    audit.record(actor=actor, action=AuditEntry.Action.CREATE if creating else
                 AuditEntry.Action.UPDATE, instance=decision, before=before,
                 after=audit.snapshot(decision, FIELDS), scope=idea.plan.audit_scope)
    _notify(decision, idea, actor)
    return decision


# Telling the author and followers ------------------------------------------------------------

SUBJECT = gettext_lazy("A decision on the idea “%(title)s”")


def _subject(idea):
    return SUBJECT % {"title": idea.title}


def _body(decision, merged_title):
    """The message in the language active when it is read (each follower's own)."""
    lines = [_("Decision: %(kind)s") % {"kind": decision.get_kind_display()}]
    if merged_title:
        lines.append(_("Merged into: %(title)s") % {"title": merged_title})
    response = pick(decision, "response")
    if response:
        lines += ["", _("Reasoned response:"), response]
    return "\n".join(lines)


def _notify(decision, idea, actor):
    merged_title = decision.merged_into.title if decision.merged_into_id else ""
    notifications.notify_followers(
        idea, lazy(_subject, str)(idea), lazy(_body, str)(decision, merged_title), actor=actor)
