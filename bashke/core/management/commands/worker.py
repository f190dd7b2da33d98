"""``bashke worker``: one background task worker (django-tasks' database worker).

Stopping (SIGTERM, or SIGINT): the worker finishes the task it is running and exits; when
idle it exits at once. A second SIGTERM while a task still runs *releases* the task: it
goes back to the queue as ready, for the next worker to run from the start, instead of
being marked failed as django-tasks would. ``bashke serve`` sends that second signal when
the task outlives its grace period. Tasks must therefore be safe to run again from the
start (ours are: mails claim their send, exports overwrite their file).
"""

import os
import signal

from django.db import close_old_connections
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

# Set by `bashke serve` on its task worker: the terminal's Ctrl+C reaches every process of
# the group, and serve itself tells the worker when to stop.
IGNORE_SIGINT_ENV = "BASHKE_WORKER_IGNORE_SIGINT"


class TaskReleased(BaseException):
    """Raised in the running task by a second request to stop."""


class ReleasingWorker(db_worker.Worker):
    def shutdown(self, signum, frame):
        if not self.running and self.running_task:
            raise TaskReleased(signal.strsignal(signum))
        super().shutdown(signum, frame)

    def run_task(self, db_task_result):
        fail = db_task_result.set_failed

        def set_failed(exception):
            if isinstance(exception, TaskReleased):
                release(db_task_result)
            else:
                fail(exception)

        db_task_result.set_failed = set_failed
        super().run_task(db_task_result)


def release(db_task_result) -> None:
    close_old_connections()
    DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None)
    db_worker.logger.warning("Task id=%s released back to the queue.", db_task_result.pk)


class Command(db_worker.Command):
    help = "Run a background task worker (run as many as needed)."

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay,
               max_tasks, worker_id, exclude_queues, **options):
        # --reload is accepted (inherited) but ignored: a reloader would restart the worker
        # under a task, which is what this command exists to avoid.
        self.configure_logging(verbosity)
        excluded = exclude_queues.split(",") if exclude_queues else []
        worker = ReleasingWorker(
            queue_names=queue_name.split(","), interval=interval, batch=batch,
            backend_name=backend_name, startup_delay=startup_delay, max_tasks=max_tasks,
            worker_id=worker_id, excluded_queue_names=excluded)
        worker.configure_signals()
        if os.environ.get(IGNORE_SIGINT_ENV) == "1":
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        worker.run()
