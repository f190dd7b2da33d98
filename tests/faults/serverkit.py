"""Running the real `bashke serve` in tests: its own database, a free loopback port, and a
process group of its own so that it can be killed whole."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def server_env(database_url: str, var_dir: Path, **extra) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "BASHKE_VAR_DIR": str(var_dir),
           "DJANGO_SETTINGS_MODULE": "bashke.settings", "TASKS_IMMEDIATE": "0", **extra}
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def run(command, env, timeout=120) -> str:
    """``python COMMAND…`` in the checkout; its standard output."""
    done = subprocess.run([sys.executable, *command], cwd=ROOT, env=env, timeout=timeout,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-4000:]
    return done.stdout


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class Server:
    def __init__(self, env, port, log_path, *options):
        self.env, self.port, self.log_path, self.options = env, port, log_path, options
        self.process = None

    def start(self):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bashke.cli", "serve", "--port", str(self.port),
                 *self.options], cwd=ROOT, env=self.env, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True)

    def wait_until_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v1/plans",
                                            timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"the server did not start:\n{self.log()}")

    def check_alive(self):
        assert self.process.poll() is None, f"the server stopped:\n{self.log()}"

    def kill(self):
        """SIGKILL to the whole group: serve, gunicorn, its workers, the task worker."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        # The group's other members die of the same signal; wait until none is left.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        self.process = None

    def log(self) -> str:
        """The end of the server's output, without the access log's lines."""
        lines = Path(self.log_path).read_text(errors="replace").splitlines()
        return "\n".join(line for line in lines if '" 201 ' not in line)[-4000:]
