"""Views' side of the permission kernel: ask it, and answer a refusal the way a page should
(an anonymous visitor is sent to log in, anyone else gets 403). The decision itself is
always ``permissions.allowed``, so the tests see one for every page."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from bashke.core.permissions import allowed


def refusal(request, permission, target=None, message=None):
    """None when the visitor may; else the response for a refusal (or PermissionDenied)."""
    if allowed(request.user, permission, target):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(message)


def asks(permission, message=None):
    """Decorate a view whose permission takes no target (``core.view_public`` for pages
    about no one plan, ``accounts.manage_own_account`` for one's own pages)."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            refused = refusal(request, permission, None, message)
            if refused is not None:
                return refused
            return view(request, *args, **kwargs)

        return checked

    return decorate


class Asks:
    """The same for class-based views: ``permission`` is asked before ``dispatch``."""

    permission = "core.view_public"

    def dispatch(self, request, *args, **kwargs):
        refused = refusal(request, self.permission)
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)
