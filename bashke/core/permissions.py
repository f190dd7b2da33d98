"""The one permission kernel. Each app's ``rules.py`` decides who may do what (django-rules
predicates); services, views and API routers only ask here, never decide themselves.

``actor=None`` has one meaning everywhere: a system task (the demo loader, a scheduled job,
a migration), stated explicitly by the caller. Anonymous visitors are ``AnonymousUser``,
never ``None``, so a view cannot slip into system rights by accident.

Every decision is noted, so that the tests can prove that each URL and API operation made
one (``recording()``), without the views knowing they are watched.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class Decision:
    permission: str
    target: object
    allowed: bool


_decisions = contextvars.ContextVar("permission_decisions", default=None)


def allowed(actor, permission: str, target=None) -> bool:
    """Whether ``actor`` may; ``actor=None`` is the system and may do anything."""
    result = True if actor is None else bool(actor.has_perm(permission, target))
    noted = _decisions.get()
    if noted is not None:
        noted.append(Decision(permission, target, result))
    return result


def require(actor, permission: str, target=None, message=None) -> None:
    """Raise ``PermissionDenied`` (with ``message`` for the person) unless ``actor`` may."""
    if not allowed(actor, permission, target):
        raise PermissionDenied(message or "You may not do this.")


@contextmanager
def recording():
    """Collect the decisions taken inside the block (tests only): a list of ``Decision``."""
    noted: list[Decision] = []
    token = _decisions.set(noted)
    try:
        yield noted
    finally:
        _decisions.reset(token)
