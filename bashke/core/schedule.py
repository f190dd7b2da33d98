"""The daily jobs that ``bashke serve`` puts on the task queue, so that no cron is needed.

Tasks are named by dotted path and imported only when due: ``core`` may not import the apps
above it, and serve must start even when a task's module does not exist yet (it is then
logged and tried again the next day).

Several ``bashke serve`` processes on one database each run this scheduler. Before
enqueuing, each looks on the queue for the same task enqueued since midnight and skips it
if found; two processes checking in the same instant may still both enqueue it. That is
accepted because both jobs are idempotent: pruning deletes what is old (a second run finds
nothing), and each person's digest claims its day before it is sent.
"""

import datetime
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger("bashke.schedule")

CHECK_EVERY_SECONDS = 60


def _no_arguments(day):
    return (), {}


def _yesterdays_digest(day):
    # The digest summarises a whole day, so the one sent on `day` is for the day before.
    return ((day - datetime.timedelta(days=1)).isoformat(), settings.SITE_URL.rstrip("/")), {}


# (task path, its arguments for the local date it runs on)
DAILY = [
    ("bashke.core.housekeeping.prune_operational_records", _no_arguments),
    ("bashke.consultation.notifications.send_digests", _yesterdays_digest),
]


def _enqueued_since(path: str, moment) -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database backend is a dependency
        return False
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return False
    return DBTaskResult.objects.filter(task_path=path, enqueued_at__gte=moment).exists()


def run_due(done: dict, *, now=None, jobs=DAILY) -> list[str]:
    """Enqueues each job not yet run today (local time); ``done`` remembers, per process,
    the day each job was last handled. Returns the paths enqueued."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    enqueued = []
    for path, arguments in jobs:
        if done.get(path) == day:
            continue
        done[path] = day
        try:
            task = import_string(path)
        except ImportError:
            logger.warning("Daily task %s does not exist; tried again tomorrow.", path)
            continue
        if _enqueued_since(path, midnight):
            continue
        args, kwargs = arguments(day)
        task.enqueue(*args, **kwargs)
        enqueued.append(path)
        logger.info("Enqueued the daily task %s.", path)
    return enqueued


def run_forever(stop: threading.Event, *, every=CHECK_EVERY_SECONDS) -> None:
    """The scheduler thread's loop: a check a minute until ``stop`` is set."""
    done: dict = {}
    while not stop.is_set():
        try:
            close_old_connections()
            run_due(done)
        except Exception:  # a database hiccup must not end the schedule for good
            logger.exception("The daily scheduler failed; trying again in %s s.", every)
            done.clear()
        finally:
            connection.close()
        stop.wait(every)


def start(stop: threading.Event) -> threading.Thread:
    thread = threading.Thread(target=run_forever, args=(stop,), name="bashke-schedule",
                              daemon=True)
    thread.start()
    return thread
