"""``bashke serve``: the production way to run Bashkë on one machine.

gunicorn serves the site (static files through WhiteNoise) and, unless ``--no-worker``, a
task worker runs beside it so that e-mail and exports go out without a second command. A
small scheduler thread enqueues the daily jobs (bashke/core/schedule.py), so no cron is
needed. At scale, run ``bashke serve --no-worker`` on each app server and ``bashke worker``
apart.

Stopping: SIGTERM (systemd, containers) or SIGINT (Ctrl+C) to this process sends one
SIGTERM to each child. gunicorn stops accepting and lets its workers finish their requests;
the task worker finishes its task. Whatever still runs after GRACE_SECONDS is told once more
(the task worker then puts its task back on the queue) and, a second later, killed. So
everything has stopped and the port is free within 10 seconds.
"""

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bashke.core import schedule
from bashke.core.management.commands.worker import IGNORE_SIGINT_ENV

# gunicorn's own limit for requests to finish once told to stop; then it kills its workers.
GRACEFUL_TIMEOUT_SECONDS = 7
# After this, serve asks a second time (the task worker releases its task)…
GRACE_SECONDS = 8
# …and after this kills whatever is left.
KILL_AFTER_SECONDS = 9.5
POLL_SECONDS = 0.2
WORKER_RESTART_SECONDS = 10


def static_sources_stamp() -> str:
    """A digest of every static source file's path, size and modification time."""
    entries = sorted((path, storage.path(path)) for finder in get_finders()
                     for path, storage in finder.list(["CVS", ".*", "*~"]))
    digest = hashlib.sha256()
    for path, full in entries:
        stat = os.stat(full)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static(env) -> None:
    """collectstatic, skipped when nothing changed since the last run: hashing and
    compressing every file takes ~10 s, which a restart should not wait for."""
    root = Path(settings.STATIC_ROOT)
    stamp_file = root / ".bashke-sources"
    stamp = static_sources_stamp()
    if ((root / "staticfiles.json").exists() and stamp_file.exists()
            and stamp_file.read_text() == stamp):
        return
    # In a child process, so that the manifest storage is the one in force.
    subprocess.run([sys.executable, "-m", "bashke.cli", "collectstatic", "--no-input",
                    "-v0"], env=env, check=True)
    stamp_file.write_text(stamp)


def descendants(pid: int) -> list[int]:
    """Process ids below ``pid``, read from /proc (empty where there is no /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _signal(pid: int, sig) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


class Command(BaseCommand):
    help = "Serve Bashkë with gunicorn, a background task worker and the daily scheduler."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=2, help="web worker processes")
        parser.add_argument("--no-worker", action="store_true",
                            help="do not start a task worker beside the web workers")
        parser.add_argument("--no-scheduler", action="store_true",
                            help="do not enqueue the daily jobs (pruning, digests) from here")

    def handle(self, *args, port, host, workers, no_worker, no_scheduler, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port (1–65535).")
        if not 1 <= workers <= 64:
            raise CommandError(f"--workers {workers} must be between 1 and 64.")
        env = {**os.environ, "STATIC_MANIFEST": "1", IGNORE_SIGINT_ENV: "1"}
        collect_static(env)
        call_command("check", deploy=False)

        stopping = threading.Event()
        # Set before any child starts, so that a signal arriving during start-up is not lost.
        previous = {sig: signal.signal(sig, lambda signum, frame: stopping.set())
                    for sig in (signal.SIGTERM, signal.SIGINT)}
        children: list[subprocess.Popen] = []
        server = None

        def start_worker():
            children.append(subprocess.Popen([sys.executable, "-m", "bashke.cli", "worker"],
                                             env=env))
            return children[-1]

        try:
            task_worker = None if no_worker else start_worker()
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "bashke.wsgi:application",
                 "--config", "python:bashke.core.gunicorn_conf",
                 "--bind", f"{host}:{port}", "--workers", str(workers),
                 "--graceful-timeout", str(GRACEFUL_TIMEOUT_SECONDS),
                 # gunicorn 27's control socket is one path per user ($HOME/.gunicorn):
                 # two servers on a machine would fight over it, and nothing here uses it.
                 "--no-control-socket",
                 "--access-logfile", "-",
                 "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")],
                env=env)
            children.append(server)
            if not no_scheduler:
                schedule.start(stopping)
            self.stdout.write(f"Bashkë is serving on http://{host}:{port}/ (Ctrl+C stops it)",
                              ending="\n")
            self.stdout.flush()
            worker_started = time.monotonic()
            while not stopping.wait(POLL_SECONDS):
                if server.poll() is not None:
                    break
                # A task worker that died is started again (at most every 10 s): the site
                # keeps serving, and tasks wait on the queue meanwhile.
                if (task_worker is not None and task_worker.poll() is not None
                        and time.monotonic() - worker_started > WORKER_RESTART_SECONDS):
                    self.stderr.write(f"The task worker stopped (exit code "
                                      f"{task_worker.returncode}); starting it again.")
                    children.remove(task_worker)
                    task_worker, worker_started = start_worker(), time.monotonic()
        finally:
            stopping.set()
            self._stop(children)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if server is not None and server.returncode not in (0, -signal.SIGTERM):
            raise CommandError(f"gunicorn stopped with exit code {server.returncode}.")

    def _stop(self, children) -> None:
        started = time.monotonic()
        below = {child.pid: descendants(child.pid) for child in children}
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        asked_again = killed = False
        while any(child.poll() is None for child in children):
            elapsed = time.monotonic() - started
            if elapsed >= KILL_AFTER_SECONDS:
                killed = True
                for child in children:
                    if child.poll() is None:
                        child.kill()
                break
            if elapsed >= GRACE_SECONDS and not asked_again:
                asked_again = True
                for child in children:
                    if child.poll() is None:
                        child.send_signal(signal.SIGTERM)
            time.sleep(0.05)
        for child in children:
            child.wait()
        if killed:
            # A gunicorn worker outlives a killed arbiter until it notices; none may hold
            # the port after serve has gone. (After a clean stop the arbiter has reaped them.)
            for pids in below.values():
                for pid in pids:
                    _signal(pid, signal.SIGKILL)
