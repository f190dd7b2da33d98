"""`bashke serve` stops cleanly, its task worker finishes or releases its task, and its
scheduler enqueues the daily jobs once a day."""

import datetime
import os
import signal
import time

import pytest
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from serverkit import Server, alive, free_port, port_is_free, server_env

from bashke.core import schedule
from bashke.core.management.commands import serve
from bashke.core.management.commands.worker import ReleasingWorker


# SIGTERM as systemd and containers send it; SIGINT as Ctrl+C sends it, to every process of
# the terminal's foreground group at once (the harder case: each child receives it too).
@pytest.mark.parametrize("how", ["SIGTERM to serve", "SIGINT to the group (Ctrl+C)"])
def test_serve_stops_within_ten_seconds_leaving_nothing(sqlite_database, static_root, tmp_path,
                                                        how):
    env = server_env(sqlite_database, tmp_path / "var", STATIC_ROOT=str(static_root))
    server = Server(env, free_port(),
                    tmp_path / "serve.log", "--workers", "2")
    server.start()
    try:
        server.wait_until_ready()
        below = serve.descendants(server.process.pid)
        # gunicorn's arbiter and two web workers, and the task worker.
        assert len(below) >= 4, below
        sent = time.monotonic()
        if how.startswith("SIGTERM"):
            server.process.send_signal(signal.SIGTERM)
        else:
            os.killpg(server.process.pid, signal.SIGINT)
        return_code = server.process.wait(timeout=15)
        took = time.monotonic() - sent
        assert took < 10, server.log()
        assert return_code == 0, server.log()
        assert [pid for pid in below if alive(pid)] == []
        assert port_is_free(server.port)
        assert "Shutting down" in server.log()
    finally:
        server.kill()


@task()
def stopped_twice():
    os.kill(os.getpid(), signal.SIGTERM)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)  # the second signal ends the task here
    return "finished"


@task()
def stopped_once():
    os.kill(os.getpid(), signal.SIGTERM)
    return "finished"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}


def run_worker():
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM,
                                                      signal.SIGQUIT)}
    worker = ReleasingWorker(queue_names=["default"], interval=0.05, batch=True,
                             backend_name="default", startup_delay=False, max_tasks=None,
                             worker_id="tests", excluded_queue_names=[])
    try:
        worker.configure_signals()
        worker.run()
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


@pytest.mark.django_db(transaction=True)
def test_the_worker_finishes_its_task_when_told_to_stop(database_tasks):
    result = stopped_once.enqueue()
    run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL and row.return_value == "finished"


@pytest.mark.django_db(transaction=True)
def test_the_worker_releases_its_task_when_told_twice(database_tasks):
    result = stopped_twice.enqueue()
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 4  # it did not sleep the task out
    row = DBTaskResult.objects.get(pk=result.id)
    # Back on the queue for the next worker, not failed.
    assert row.status == TaskResultStatus.READY and row.started_at is None
    assert DBTaskResult.objects.ready().filter(pk=result.id).exists()


@task()
def daily_probe(day_iso):
    return day_iso


PROBE = [("test_serve.daily_probe", lambda day: ((day.isoformat(),), {}))]


@pytest.mark.django_db
def test_the_scheduler_enqueues_each_job_once_a_day(database_tasks):
    now = timezone.now()
    done = {}
    assert schedule.run_due(done, now=now, jobs=PROBE) == ["test_serve.daily_probe"]
    assert schedule.run_due(done, now=now + datetime.timedelta(minutes=1), jobs=PROBE) == []
    # Another serve process on the same database finds it on the queue already.
    assert schedule.run_due({}, now=now, jobs=PROBE) == []
    tomorrow = now + datetime.timedelta(days=1)
    assert schedule.run_due(done, now=tomorrow, jobs=PROBE) == ["test_serve.daily_probe"]
    assert DBTaskResult.objects.filter(task_path="test_serve.daily_probe").count() == 2


@pytest.mark.django_db
def test_a_missing_daily_task_is_skipped_not_fatal(database_tasks, caplog):
    jobs = [("bashke.nowhere.no_such_task", lambda day: ((), {})), *PROBE]
    assert schedule.run_due({}, jobs=jobs) == ["test_serve.daily_probe"]
    assert "bashke.nowhere.no_such_task does not exist" in caplog.text


def test_the_daily_jobs_are_pruning_and_yesterdays_digest(settings):
    settings.SITE_URL = "https://bashke.example/"
    jobs = dict(schedule.DAILY)
    assert jobs["bashke.core.housekeeping.prune_operational_records"](
        datetime.date(2026, 3, 1)) == ((), {})
    assert jobs["bashke.consultation.notifications.send_digests"](
        datetime.date(2026, 3, 1)) == (("2026-02-28", "https://bashke.example"), {})
