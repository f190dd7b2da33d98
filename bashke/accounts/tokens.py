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


def user_for_verification_token(token: str) -> User:
    try:
        data = signing.loads(token, salt=VERIFICATION_SALT, max_age=VERIFICATION_MAX_AGE)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None
    if not isinstance(data, dict):
        raise InvalidLink
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or _address_digest(user.email) != data.get("email"):
        raise InvalidLink
    return user
