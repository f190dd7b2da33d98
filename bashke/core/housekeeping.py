"""Daily pruning of operational records: rows kept only to run the site (rate-limit
events, failed log-ins, Word forms never confirmed, revoked tokens, idempotency keys,
expired sessions), never public contributions or the audit log.

``prune_operational_records`` is the task ``bashke serve`` enqueues once a day (see
core/schedule.py) and ``bashke prune`` runs at once. Each app prunes its own records in its
``housekeeping.py`` with ``prune(now) -> {kind: rows deleted}``; the modules are found
through the app registry, as ``loaddemo`` finds ``demo.py``, so core imports no app. Core's
own records are pruned by :func:`prune` below, found the same way. How long each record is
kept is stated in docs/privacy.md.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from bashke.core.discovery import app_modules
from bashke.core.models import RateEvent

logger = logging.getLogger("bashke.housekeeping")

# Every rate limit counts events over an hour at most; a day leaves a wide margin.
KEEP_RATE_EVENTS = timedelta(days=1)
# Finished background tasks keep their arguments (ids, and for the notice of a changed
# e-mail address the old address): a week is enough to see what ran; failures a month.
KEEP_FINISHED_TASKS = timedelta(days=7)
KEEP_FAILED_TASKS = timedelta(days=30)


def _prune_task_results(now) -> int:
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return 0
    from django_tasks_db.models import DBTaskResult

    succeeded, _ = DBTaskResult.objects.successful().filter(
        finished_at__lt=now - KEEP_FINISHED_TASKS).delete()
    failed, _ = DBTaskResult.objects.failed().filter(
        finished_at__lt=now - KEEP_FAILED_TASKS).delete()
    return succeeded + failed


def prune(now) -> dict:
    """Core's own operational records."""
    rate_events, _ = RateEvent.objects.filter(at__lt=now - KEEP_RATE_EVENTS).delete()
    # Django's `clearsessions`, done here so that no cron is needed for it either.
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    return {"rate_events": rate_events, "expired_sessions": sessions,
            "finished_tasks": _prune_task_results(now)}


def housekeeping_modules():
    """(app label, module) for every app of ours with a ``housekeeping.py``."""
    return app_modules("housekeeping")


def prune_all(now=None) -> dict:
    """Runs every app's pruning, each in its own transaction: one app's failure is logged
    and does not keep the others' old rows. Returns {app label: {kind: count}}."""
    now = now or timezone.now()
    counts = {}
    for label, module in housekeeping_modules():
        try:
            with transaction.atomic():
                counts[label] = module.prune(now)
        except Exception:
            logger.exception("Pruning the %s app's operational records failed.", label)
            counts[label] = {"failed": 1}
    return counts


@task()
def prune_operational_records() -> dict:
    counts = prune_all()
    logger.info("Pruned operational records: %s", counts)
    return counts
