"""Log-in throttling that cannot be turned against an account's owner.

Failures are counted for the pair (address typed, client address) and for the client
address alone, never for the e-mail address alone: an attacker elsewhere can slow down only
their own guesses, not lock the owner out. For a pair, the first ``LOGIN_FAILURE_LIMIT``
mistakes are free; each further one makes the next attempt wait twice as long (1, 2, 4 …
minutes, at most an hour). A client address has a generous ceiling across all accounts
(``LOGIN_FAILURE_IP_LIMIT`` per window), so one office behind one NAT keeps working while a
guesser trying many accounts is stopped. Resetting the password is never throttled here,
and a reset that worked forgets every failure against the address.

The counts live in the database (``LoginFailure``), not in a per-process cache, because the
app runs as several processes and an attacker's requests are spread across all of them.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from bashke.accounts.models import LoginFailure, normalise_email

FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=1)
# How long a pair's mistakes are remembered for growing the delay. Longer than the delay
# cap, so that waiting out the cap and guessing again still meets the cap.
PAIR_MEMORY = timedelta(hours=24)


def _email(email: str) -> str:
    return normalise_email(email)[:254]


def _free_failures() -> int:
    return settings.LOGIN_FAILURE_LIMIT


def _ip_limit() -> int:
    return settings.LOGIN_FAILURE_IP_LIMIT


def _ip_window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def pair_delay(failures: int) -> timedelta:
    """The wait after the last of ``failures`` mistakes: none while they are free, then
    doubling from FIRST_DELAY up to MAX_DELAY."""
    over = failures - _free_failures()
    if over < 0:
        return timedelta(0)
    # 2**over grows without bound; past 2**20 the cap has long been reached anyway.
    return min(FIRST_DELAY * 2 ** min(over, 20), MAX_DELAY)


def _pair_wait(email: str, ip: str, now) -> int:
    row = (LoginFailure.objects.for_pair(email, ip).since(now - PAIR_MEMORY)
           .aggregate(n=Count("id"), last=Max("at")))
    if not row["n"]:
        return 0
    until = row["last"] + pair_delay(row["n"])
    return max(0, math.ceil((until - now).total_seconds()))


def _ip_wait(ip: str, now) -> int:
    limit = _ip_limit()
    # Only the newest `limit` failures matter: the address may try again once the oldest
    # of them leaves the window.
    recent = list(LoginFailure.objects.from_ip(ip).since(now - _ip_window())
                  .order_by("-at").values_list("at", flat=True)[:limit])
    if len(recent) < limit:
        return 0
    return max(0, math.ceil((recent[-1] + _ip_window() - now).total_seconds()))


def seconds_until_allowed(email: str, ip: str, *, now=None) -> int:
    """0 when this client may try this address now; else how many seconds to wait."""
    now = now or timezone.now()
    return max(_pair_wait(_email(email), ip, now), _ip_wait(ip, now))


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def record_failure(email: str, ip: str) -> None:
    LoginFailure.objects.create(email=_email(email), ip=ip, at=timezone.now())


def clear_pair(email: str, ip: str) -> None:
    """A successful log-in proves the owner is back at this client: forget the typos made
    from it. Other clients keep theirs (they may be someone else guessing), and so does
    the client's own ceiling (it may be guessing other accounts)."""
    LoginFailure.objects.for_pair(email, ip).delete()


def clear(email: str) -> None:
    """A password reset that worked: forget every failure against the address, from
    everywhere, so the owner can log in at once with the new password."""
    LoginFailure.objects.filter(email=_email(email)).delete()


def prune(now) -> int:
    """Drop rows that no longer count for anything; how many were dropped."""
    horizon = now - max(PAIR_MEMORY, _ip_window())
    deleted, _ = LoginFailure.objects.filter(at__lt=horizon).delete()
    return deleted


@dataclass(frozen=True)
class Lockout:
    """One throttle in force, as staff see it."""

    kind: str  # "pair" or "ip"
    email: str
    ip: str
    failures: int
    last_failure: object
    until: object


def current_lockouts(*, now=None, limit=200) -> list[Lockout]:
    """Every pair and client address that must wait right now, longest wait first.

    Two grouped queries over the remembered rows, whatever their number."""
    now = now or timezone.now()
    lockouts = []
    pairs = (LoginFailure.objects.since(now - PAIR_MEMORY).values("email", "ip")
             .annotate(n=Count("id"), last=Max("at"))
             .filter(n__gt=_free_failures() - 1).order_by("-n")[:limit])
    for row in pairs:
        until = row["last"] + pair_delay(row["n"])
        if until > now:
            lockouts.append(Lockout("pair", row["email"], row["ip"], row["n"], row["last"],
                                    until))
    addresses = (LoginFailure.objects.since(now - _ip_window()).values("ip")
                 .annotate(n=Count("id"), last=Max("at"))
                 .filter(n__gte=_ip_limit()).order_by("-n")[:limit])
    for row in addresses:
        wait = _ip_wait(row["ip"], now)
        if wait:
            lockouts.append(Lockout("ip", "", row["ip"], row["n"], row["last"],
                                    now + timedelta(seconds=wait)))
    return sorted(lockouts, key=lambda lockout: lockout.until, reverse=True)
