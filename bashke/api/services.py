"""Every write to API tokens: a keyword-only ``actor``, one transaction, an audit entry."""

import datetime

from django.db import transaction
from django.utils import timezone

from bashke.api.models import SHOWN_LENGTH, ApiToken, hash_token, new_token
from bashke.core import audit
from bashke.core.models import AuditEntry

# The hash is left out of the audit log: it is not the token, but it has no business
# being copied around either.
AUDITED_FIELDS = ("user", "name", "prefix", "revoked_at")
# last_used_at is bookkeeping, written at most this often per token so that a busy client
# does not turn every read into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


@transaction.atomic
def create_token(user, *, actor, name="", note="") -> tuple[ApiToken, str]:
    """Create a token for ``user``; returns it with the plain token, which is never stored
    and so can be shown only this once."""
    plain = new_token()
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=plain[:SHOWN_LENGTH],
                                    token_hash=hash_token(plain))
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, instance=token,
                 after=audit.snapshot(token, AUDITED_FIELDS), personal_fields=("user",),
                 note=note)
    return token, plain


@transaction.atomic
def revoke_token(token: ApiToken, *, actor, note="") -> ApiToken:
    """Revoke a token for good. Revoking twice changes nothing and logs nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    before = audit.snapshot(token, AUDITED_FIELDS)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, instance=token, before=before,
                 after=audit.snapshot(token, AUDITED_FIELDS), personal_fields=("user",),
                 note=note)
    return token


def mark_used(token: ApiToken, *, now=None) -> None:
    """Note when a token was last used. Not audited: it is a usage statistic, not a change
    anyone made, and logging it would bury the changes that matter."""
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
