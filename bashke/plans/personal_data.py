"""What the plans app holds about one person: their roles on plans. Found by
``bashke.accounts.privacy`` through the app registry (accounts may not import plans)."""

from django.db.models import F

from bashke.plans import services
from bashke.plans.models import PlanRole

HANDLES = {
    "plans.PlanRole.user": "deleted: a deleted account holds no authority (each in history)",
}


def export(user) -> dict:
    return {"plan_roles": list(
        PlanRole.objects.filter(user=user).order_by("pk")
        .values("role", plan_slug=F("plan__slug"), component_slug=F("component__slug")))}


def files(user):
    return ()


def erase(user) -> dict:
    roles = list(PlanRole.objects.filter(user=user).select_related("plan", "component"))
    for role in roles:
        # Through the service, so each plan's public history shows the role ending. The
        # system acts (actor=None): the person holds no right to revoke roles, yet deleting
        # their account must end them.
        services.revoke_role(role, actor=None)
    return {"plan_roles": len(roles)}
