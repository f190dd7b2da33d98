"""A rate limit that holds across processes: events are rows in the database.

``hit(key, limit=…, per=…)`` records one event for the key and says whether it was within
the limit. Keys name what is limited and for whom, e.g. ``"idea:user:12"`` or
``"survey:ip:203.0.113.5"``.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bashke.core.models import RateEvent


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after_seconds: int = 0

    @property
    def retry_after_minutes(self) -> int:
        return max(1, math.ceil(self.retry_after_seconds / 60))


@transaction.atomic
def hit(key: str, *, limit: int, per: timedelta) -> Verdict:
    """Counts one event; refused events are not recorded, so waiting always helps."""
    verdict = peek(key, limit=limit, per=per)
    if verdict.allowed:
        RateEvent.objects.create(key=key[:200], at=timezone.now())
    return verdict


@transaction.atomic
def hit_all(keys, *, limit: int, per: timedelta) -> Verdict:
    """One event against several keys (per account *and* per address): refused if any is full."""
    verdicts = [peek(key, limit=limit, per=per) for key in keys]
    refused = [v for v in verdicts if not v.allowed]
    if refused:
        return max(refused, key=lambda v: v.retry_after_seconds)
    for key in keys:
        hit(key, limit=limit, per=per)
    return Verdict(True)


def peek(key: str, *, limit: int, per: timedelta) -> Verdict:
    now = timezone.now()
    recent = list(RateEvent.objects.filter(key=key, at__gt=now - per).order_by("-at")
                  .values_list("at", flat=True)[:limit])
    if len(recent) >= limit:
        return Verdict(False, max(1, math.ceil((recent[-1] + per - now).total_seconds())))
    return Verdict(True)
