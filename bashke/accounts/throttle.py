"""Log-in throttling: failed attempts are counted per e-mail address and per client address.

The count lives in the database (``LoginFailure``), not in a per-process cache, because the
app runs as several processes and an attacker's requests are spread across all of them.
"""

import math
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from bashke.accounts.models import LoginFailure, normalise_email


def client_ip(request) -> str:
    # Behind our reverse proxy (BEHIND_TLS_PROXY) every request arrives from the proxy, so
    # REMOTE_ADDR would put all clients in one bucket and five typos would lock out the
    # site. The proxy appends the address it saw as the *last* X-Forwarded-For entry;
    # earlier entries come from the client and could be forged to dodge the limit.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:100]
    return request.META.get("REMOTE_ADDR", "")[:100] or "unknown"


def email_key(email: str) -> str:
    return f"email:{normalise_email(email)}"[:300]


def keys_for(email: str, ip: str) -> list[str]:
    return [email_key(email), f"ip:{ip}"]


def _window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def seconds_until_allowed(keys, *, now=None) -> int:
    """0 while every key is under the limit; else how long until the busiest one is not."""
    now = now or timezone.now()
    limit = settings.LOGIN_FAILURE_LIMIT
    wait = 0
    for key in keys:
        # Only the newest `limit` failures matter: the attempt is allowed again once the
        # oldest of them leaves the window.
        recent = list(LoginFailure.objects.for_key(key).since(now - _window())
                      .order_by("-at").values_list("at", flat=True)[:limit])
        if len(recent) >= limit:
            wait = max(wait, math.ceil((recent[-1] + _window() - now).total_seconds()))
    return max(wait, 0)


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def record_failure(keys) -> None:
    now = timezone.now()
    LoginFailure.objects.bulk_create([LoginFailure(key=key, at=now) for key in keys])
    # Rows past the window count for nothing; dropping them here keeps the table small
    # without a scheduled job.
    LoginFailure.objects.filter(at__lt=now - _window()).delete()


def clear(email: str) -> None:
    """A successful log-in (or password reset) proves the owner is back: forget the typos
    against the address. The client address keeps its count, it may be guessing others."""
    LoginFailure.objects.for_key(email_key(email)).delete()
