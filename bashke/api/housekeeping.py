"""Daily pruning of the API's operational records, called by the daily housekeeping task
(bashke/core/housekeeping.py finds each app's ``housekeeping.prune`` through the app
registry)."""

from datetime import timedelta

from bashke.api.idempotency import TTL
from bashke.api.models import ApiToken, IdempotencyKey


def prune(now) -> dict:
    """Deletes idempotency keys older than 24 hours (they are ignored from then on anyway);
    returns how many rows went, by kind."""
    deleted, _by_model = IdempotencyKey.objects.older_than(now - TTL).delete()
    return {"idempotency_keys": deleted, **prune_revoked_tokens(now)}


# A revoked token no longer opens anything; it is kept a while so its owner (and staff)
# can still see when it was last used, then dropped. Tokens do not expire on their own.
KEEP_REVOKED_TOKENS = timedelta(days=90)


def prune_revoked_tokens(now) -> dict:
    """(Written by the privacy work.) Deletes tokens revoked more than 90 days ago."""
    deleted, _by_model = ApiToken.objects.filter(
        revoked_at__lt=now - KEEP_REVOKED_TOKENS).delete()
    return {"revoked_api_tokens": deleted}
