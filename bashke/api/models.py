"""API tokens. Only a SHA-256 hash of each token is kept: a copy of the database is not a
copy of anyone's credentials."""

import hashlib
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# "bk_" says where a token belongs when one turns up in a log or a leaked file; the rest
# is 32 random bytes, URL-safe base64 (43 characters).
TOKEN_PREFIX = "bk_"
TOKEN_PATTERN = re.compile(r"^bk_[A-Za-z0-9_-]{43}$")
# How much of the token is kept in clear to tell tokens apart: "bk_" and 8 characters,
# 48 bits of the 256, too few to guess the rest from.
SHOWN_LENGTH = len(TOKEN_PREFIX) + 8


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    # A fast hash is enough: the token is random, so there is nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)

    def for_user(self, user):
        return self.filter(user=user)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens", verbose_name=_("person"))
    name = models.CharField(_("name"), max_length=100, blank=True,
                            help_text=_("What the token is for, e.g. “data portal sync”."))
    prefix = models.CharField(_("prefix"), max_length=SHOWN_LENGTH, editable=False,
                              help_text=_("The start of the token, to recognise it."))
    token_hash = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True,
                                  editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        label = f" “{self.name}”" if self.name else ""
        return f"{self.prefix}…{label}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


# How long a client may repeat a request under one Idempotency-Key and get the first
# answer back: long enough for a day of retries, short enough that the table stays small.
IDEMPOTENCY_TTL_HOURS = 24


class IdempotencyKeyQuerySet(models.QuerySet):
    def older_than(self, moment):
        return self.filter(created_at__lt=moment)


class IdempotencyKey(models.Model):
    """The first answer to a POST sent with an ``Idempotency-Key`` header (see
    bashke/api/idempotency.py). A row is written in the same transaction as whatever the
    request creates, so either both are stored or neither is."""

    # SHA-256 of who sent it (the bearer token, the signed-in user or the client address):
    # the same key from two people is two keys, and no credential is stored.
    scope = models.CharField(max_length=64)
    key = models.CharField(max_length=255)
    # SHA-256 of the method, path and body: the same key with another request is refused.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    content_type = models.CharField(max_length=200)
    body = models.BinaryField()
    created_at = models.DateTimeField(db_index=True)

    objects = IdempotencyKeyQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"],
                                               name="api_idempotencykey_scope_key")]
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")

    def __str__(self):
        return f"{self.key} ({self.status})"
