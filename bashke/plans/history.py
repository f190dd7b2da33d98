"""Who did it, as a plan's public history says it: by role, never by name."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from bashke.plans.models import PlanRole, Role

# Strongest first: a coordinator who also moderates is named as the coordinator.
ROLE_ORDER = [Role.COORDINATOR, Role.COMPONENT_LEADER, Role.SECRETARIAT, Role.MODERATOR,
              Role.ASSESSOR, Role.REVIEWER]


def role_in_sentence(role) -> str:
    return {
        Role.COORDINATOR: _("the coordinator"),
        Role.COMPONENT_LEADER: _("a component leader"),
        Role.SECRETARIAT: _("the technical secretariat"),
        Role.MODERATOR: _("a moderator"),
        Role.ASSESSOR: _("an assessor"),
        Role.REVIEWER: _("the independent reviewer"),
    }[role]


def actor_labels(plan, entries) -> dict:
    """{actor id: how the history names them} for the entries of one page, in one query."""
    actor_ids = {entry.actor_id for entry in entries if entry.actor_id is not None}
    if not actor_ids:
        return {}
    held = {}
    for user_id, role in PlanRole.objects.filter(plan=plan, user_id__in=actor_ids).values_list(
            "user_id", "role"):
        held.setdefault(user_id, set()).add(role)
    # One query for both: superusers, and accounts deleted since (their roles went with them).
    others = dict(get_user_model().objects.filter(
        Q(is_superuser=True) | Q(erased_at__isnull=False),
        pk__in=actor_ids - set(held)).values_list("pk", "erased_at"))
    administrators = {pk for pk, erased in others.items() if erased is None}
    labels = {}
    for actor_id in actor_ids:
        roles = held.get(actor_id, set())
        strongest = next((role for role in ROLE_ORDER if role in roles), None)
        if strongest:
            labels[actor_id] = role_in_sentence(strongest)
        elif actor_id in administrators:
            labels[actor_id] = _("an administrator")
        elif actor_id in others:
            labels[actor_id] = _("a former participant")
        else:
            labels[actor_id] = _("a participant")
    return labels
