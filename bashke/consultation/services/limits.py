"""Every rate limit of the consultation, in one table, applied one way.

Each action is counted for the account and for the address it comes from (an anonymous
survey answer for the address only), in the database (core/ratelimit.py) so that the limit
holds across processes. A refusal is a ``TooManySubmissions`` (code ``rate_limited``: 429
from the API and the pages) whose message says when to try again.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bashke.core import ratelimit

HOUR = timedelta(hours=1)
DISCUSSION = _("You have done this many times in a short while. To keep the discussion free "
               "of automated posting, please wait %(minutes)s minutes and try again.")


class TooManySubmissions(ValidationError):
    """The account or address has done this too often; the message says when to retry."""


@dataclass(frozen=True)
class Limit:
    count: int
    per: timedelta
    message: str
    per_account: bool = True


LIMITS = {
    "idea": Limit(10, HOUR, _("You have put forward many ideas in a short time. Please try "
                              "again in %(minutes)s minutes.")),
    "wordform": Limit(30, HOUR, _("You have uploaded many forms in a short time. Please try "
                                  "again in %(minutes)s minutes.")),
    "comment": Limit(20, HOUR, DISCUSSION),
    "support": Limit(60, HOUR, DISCUSSION),
    "flag": Limit(10, HOUR, DISCUSSION),
    "vote": Limit(300, HOUR, DISCUSSION),
    "statement": Limit(10, HOUR, DISCUSSION),  # proposals awaiting review
    # Comments on a version of the action plan published for comment (drafting).
    "version_comment": Limit(20, HOUR, DISCUSSION),
    # Answers without an account: per survey and address (answers with one are once each).
    "survey": Limit(20, HOUR, _("Many answers have come from your network in a short time. "
                                "Please try again in %(minutes)s minutes, or log in to "
                                "answer."), per_account=False),
}


def check(action, *, actor=None, client_address="", scope=None) -> None:
    """Counts one ``action``; raises ``TooManySubmissions`` when a limit is reached."""
    rule = LIMITS[action]
    name = action if scope is None else f"{action}:{scope}"
    keys = []
    if rule.per_account and getattr(actor, "pk", None):
        keys.append(f"{name}:user:{actor.pk}")
    if client_address or not keys:
        keys.append(f"{name}:ip:{client_address or 'unknown'}")
    verdict = ratelimit.hit_all(keys, limit=rule.count, per=rule.per)
    if not verdict.allowed:
        raise TooManySubmissions(rule.message % {"minutes": verdict.retry_after_minutes},
                                 code="rate_limited")
