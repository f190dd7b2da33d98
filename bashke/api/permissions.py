"""The API's side of the permission kernel: every operation asks it (``core.view_public``
for what is about no one plan, ``plans.view_plan`` with the plan, the area's own
permission otherwise), and a refusal is a JSON 403 like every other API error."""

from ninja.errors import HttpError

from bashke.core.permissions import allowed


def ask(request, permission, target=None, message="You may not do this."):
    """The caller is ``request.user``: the token's owner behind a bearer token (set by
    ``api.auth``), else the session's person or an anonymous visitor."""
    if not allowed(request.user, permission, target):
        raise HttpError(403, message)
