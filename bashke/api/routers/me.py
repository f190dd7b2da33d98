"""The caller, as the token says: proof that token authentication works, and what a client
needs to know before it writes (later issues add write endpoints)."""

from django.http import HttpRequest
from ninja import Router

from bashke.api.auth import BearerToken
from bashke.api.permissions import ask
from bashke.api.schemas import Error, MeOut
from bashke.plans.models import PlanRole

router = Router(tags=["me"], auth=BearerToken())


@router.get("/me", response={200: MeOut, 401: Error}, summary="The token's owner",
            operation_id="get_me")
def me(request: HttpRequest):
    """The person the bearer token belongs to, with their roles in each plan."""
    user = request.auth.user
    ask(request, "accounts.manage_own_account", user)
    roles = (PlanRole.objects.for_user(user).select_related("plan", "component")
             .order_by("plan__start", "role", "component__slug", "pk"))
    organisation = user.organisation
    return {
        "id": user.pk,
        "display_name": user.display_name,
        "sector": user.sector,
        "organisation": None if organisation is None else {
            "slug": organisation.slug, "name": organisation.name,
            "acronym": organisation.acronym},
        "roles": [{"plan": r.plan.slug, "role": r.role,
                   "component": r.component.slug if r.component else None} for r in roles],
    }
