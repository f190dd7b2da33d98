"""The ideas a measure or activity came from.

Linking an idea records, through the assessment's decisions, that it was included in the
plan: the contributor learns which measure took it up. Unlinking takes the link away only;
the decision stays as it was until someone decides otherwise, because a decision once
published is an answer someone has read.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashke.assessment.models import DecisionKind
from bashke.assessment.services.decisions import decide
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.drafting.models import Activity, Measure
from bashke.drafting.services.table import check_version, component_of, locked, require_drafting


@transaction.atomic
def set_source_ideas(item, *, actor, ideas, expected_version=None):
    """Makes ``ideas`` the sources of ``item`` (a Measure or an Activity). Each newly linked
    idea is decided "included"; an idea of another plan is refused."""
    component = component_of(item)
    plan = component.goal.plan
    require_drafting(actor, component)
    model = Measure if isinstance(item, Measure) else Activity
    item = locked(model, item)
    check_version(item, expected_version)
    ideas = list(ideas)
    foreign = [idea for idea in ideas if idea.plan_id != plan.pk]
    if foreign:
        raise ValidationError({"ideas": _(
            "Only ideas put forward for this plan can be its sources; “%(title)s” belongs to "
            "another plan.") % {"title": foreign[0].title}})
    before = sorted(item.source_ideas.values_list("pk", flat=True))
    after = sorted({idea.pk for idea in ideas})
    if before == after:
        return item
    added = [idea for idea in ideas if idea.pk not in before]
    item.source_ideas.set(ideas)
    for idea in added:
        try:
            decide(idea, actor=actor, kind=DecisionKind.INCLUDED)
        except PermissionDenied:
            raise ValidationError({"ideas": _(
                "The decisions on this plan's ideas are closed, so “%(title)s” cannot be "
                "recorded as included now.") % {"title": idea.title}}) from None
    item.version += 1
    item.save(update_fields=["version"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=item,
                 before={"source_ideas": before}, after={"source_ideas": after},
                 scope=plan.audit_scope)
    return item
