"""Nothing lost, nothing twice: the real server killed mid-load and restarted.

`bashke serve` runs on its own database (a fresh SQLite file, or on PostgreSQL a fresh
database on the server that DATABASE_URL names), on a free loopback port. 200 submitters
POST one idea each with their own Idempotency-Key and token; the server's whole process
group is SIGKILLed and restarted twice while they do; a submitter that gets no answer
(refused, reset, timed out) sends the same request again under the same key. Afterwards
every idea is stored exactly once, counted by the unique marker in its title.
"""

import json
import threading
import time
import urllib.error
import urllib.request
import uuid

from serverkit import ROOT, Server, free_port, run, server_env

SUBMITTERS = 200
DEADLINE_SECONDS = 75
# The server is killed once this many submitters have their answer, and again at the second.
KILL_AT = (40, 110)


class Submitter(threading.Thread):
    def __init__(self, number, url, token, deadline):
        super().__init__(daemon=True)
        self.number, self.url, self.token, self.deadline = number, url, token, deadline
        self.key = str(uuid.uuid4())
        self.marker = f"fault-marker-{number:03d}-{self.key[:8]}"
        self.status = None
        self.answer = None
        self.attempts = 0

    def run(self):
        body = json.dumps({"title": self.marker,
                           "overall_idea": f"Submitted under {self.marker}."}).encode()
        # One client address each: the per-address submission limit is not what is tested.
        address = f"10.{self.number // 250}.{self.number % 250}.7"
        while time.monotonic() < self.deadline:
            self.attempts += 1
            request = urllib.request.Request(self.url, data=body, method="POST", headers={
                "Content-Type": "application/json", "Authorization": f"Bearer {self.token}",
                "Idempotency-Key": self.key, "X-Forwarded-For": address,
                "X-Forwarded-Proto": "https"})
            try:
                # Patient: a request given up on while it waits in the server's queue is
                # still served, and its retry doubles the work.
                with urllib.request.urlopen(request, timeout=45) as response:
                    self.status, self.answer = response.status, json.loads(response.read())
                return
            except urllib.error.HTTPError as error:
                self.status, self.answer = error.code, error.read()[:500]
                return
            except (OSError, ConnectionError):  # refused, reset, closed, timed out
                time.sleep(min(1.0, 0.1 * self.attempts))


def answered(submitters) -> int:
    return sum(s.status is not None for s in submitters)


def test_every_submission_is_stored_once_through_two_crashes(server_database, static_root,
                                                            tmp_path):
    env = server_env(server_database, tmp_path / "var", BEHIND_TLS_PROXY="1",
                     STATIC_ROOT=str(static_root))
    seeded = json.loads(run([str(ROOT / "tests" / "faults" / "seed_server.py"),
                             str(SUBMITTERS)], env).strip().splitlines()[-1])
    server = Server(env, free_port(), tmp_path / "serve.log",
                    "--workers", "2", "--no-worker", "--no-scheduler")
    submitters = []
    try:
        server.start()
        server.wait_until_ready()
        url = f"http://127.0.0.1:{server.port}/api/v1/plans/{seeded['slug']}/ideas"
        deadline = time.monotonic() + DEADLINE_SECONDS
        submitters = [Submitter(n, url, token, deadline)
                      for n, token in enumerate(seeded["tokens"])]
        for submitter in submitters:
            submitter.start()
        answered_at_kills = []
        for threshold in KILL_AT:
            # No wait for the restarted server to be ready: the submitters' retries find it.
            while answered(submitters) < threshold and time.monotonic() < deadline:
                server.check_alive()
                time.sleep(0.01)
            answered_at_kills.append(answered(submitters))
            server.kill()
            server.start()
        for submitter in submitters:
            submitter.join(timeout=max(1, deadline - time.monotonic() + 20))
        # Both kills hit the load: some submitters were still waiting for an answer.
        assert len(answered_at_kills) == 2 and max(answered_at_kills) < SUBMITTERS
        assert answered(submitters) == SUBMITTERS, (
            f"{SUBMITTERS - answered(submitters)} submitters got no answer:\n{server.log()}")
        assert {s.status for s in submitters} == {201}, [
            (s.number, s.status, s.answer) for s in submitters if s.status != 201][:5]
        # At least one request had to be retried: the kills hit the load.
        assert sum(s.attempts > 1 for s in submitters) > 0

        server.wait_until_ready()
        stored = {}
        offset = 0
        while True:
            page_url = (f"http://127.0.0.1:{server.port}/api/v1/plans/{seeded['slug']}/ideas"
                        f"?limit=100&offset={offset}")
            with urllib.request.urlopen(page_url, timeout=15) as response:
                page = json.loads(response.read())
            for item in page["items"]:
                stored.setdefault(item["title"], []).append(item["id"])
            offset += 100
            if offset >= page["count"]:
                break
        assert page["count"] == SUBMITTERS
        for submitter in submitters:
            assert stored.get(submitter.marker) == [submitter.answer["id"]], submitter.marker
    finally:
        server.kill()
        for submitter in submitters:
            submitter.deadline = 0
