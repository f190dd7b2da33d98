"""``bashke serve``: the production way to run Bashkë on one machine.

gunicorn serves the site (static files through WhiteNoise) and, unless ``--no-worker``, a
task worker runs beside it so that e-mail and exports go out without a second command.
At scale, run ``bashke serve --no-worker`` on each app server and ``bashke worker`` apart.
"""

import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve Bashkë with gunicorn and a background task worker."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=2, help="web worker processes")
        parser.add_argument("--no-worker", action="store_true",
                            help="do not start a task worker beside the web workers")

    def handle(self, *args, port, host, workers, no_worker, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port (1–65535).")
        if not 1 <= workers <= 64:
            raise CommandError(f"--workers {workers} must be between 1 and 64.")
        env = {**os.environ, "STATIC_MANIFEST": "1"}
        # Collected in a child process, so that the manifest storage is the one in force.
        subprocess.run([sys.executable, "-m", "bashke.cli", "collectstatic", "--no-input",
                        "-v0"], env=env, check=True)
        call_command("check", deploy=False)
        children = []
        if not no_worker:
            children.append(subprocess.Popen([sys.executable, "-m", "bashke.cli", "worker"],
                                             env=env))
        self.stdout.write(f"Bashkë is serving on http://{host}:{port}/ (Ctrl+C stops it)")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "bashke.wsgi:application",
             "--bind", f"{host}:{port}", "--workers", str(workers), "--access-logfile", "-",
             "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")],
            env=env)
        children.append(server)
        try:
            return_code = server.wait()
        except KeyboardInterrupt:
            return_code = 0
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()
        if return_code:
            raise CommandError(f"gunicorn stopped with exit code {return_code}.")
