"""Signed links that prove a person can read the mail box they gave us."""

import hashlib
from datetime import timedelta

from django.core import signing

from bashke.accounts.models import User

VERIFICATION_SALT = "bashke.accounts.verify-email"
VERIFICATION_MAX_AGE = timedelta(days=7)


class InvalidLink(Exception):
    pass


class ExpiredLink(InvalidLink):
    pass


def _address_digest(email: str) -> str:
    # Signed payloads are readable; a digest keeps the address itself out of URLs and logs.
    return hashlib.sha256(email.encode()).hexdigest()[:20]


def verification_token(user: User) -> str:
    # The address is bound in too: a link sent to an old address must not verify a new one.
    return signing.dumps({"user": user.pk, "email": _address_digest(user.email)},
                         salt=VERIFICATION_SALT)


def _signed(token: str, *, salt, max_age):
    """(what the link carries, its active account or None); the link's own faults raised."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None
    if not isinstance(data, dict):
        raise InvalidLink
    return data, User.objects.filter(pk=data.get("user"), is_active=True).first()


def user_for_verification_token(token: str) -> User:
    data, user = _signed(token, salt=VERIFICATION_SALT, max_age=VERIFICATION_MAX_AGE)
    if user is None or _address_digest(user.email) != data.get("email"):
        raise InvalidLink
    return user


EMAIL_CHANGE_SALT = "bashke.accounts.change-email"
EMAIL_CHANGE_MAX_AGE = timedelta(days=2)


def email_change_token(user: User) -> str:
    # Bound to both addresses: the link stops working once either changes, e.g. when the
    # person asks for yet another address or the change has been made.
    return signing.dumps({"user": user.pk, "old": _address_digest(user.email),
                          "new": _address_digest(user.pending_email)},
                         salt=EMAIL_CHANGE_SALT)


def user_for_email_change_token(token: str) -> User:
    data, user = _signed(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    if (user is None or not user.pending_email
            or _address_digest(user.email) != data.get("old")
            or _address_digest(user.pending_email) != data.get("new")):
        raise InvalidLink
    return user
