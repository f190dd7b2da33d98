"""The table of who may do what (docs/permissions-matrix.md), walked.

Every named URL of the site and every operation of the OpenAPI document must have a row,
and every row must name one that exists: a new page or operation fails here until its row
is written. Not walked: the Django admin's own URLs (tests/plans/test_plans_admin.py and
tests/accounts/test_accounts_admin.py cover which plans it shows), static and media files
(served by WhiteNoise and the web server, no view decides anything).

Each row is asked once per persona in one scene (tests/permissions/scene.py, built once for
the module); each request runs in a savepoint that is rolled back, so every row starts from
the same data. A cell holds when the answer matches (allowed: a 2xx or a redirect that is not
to the log-in page; refused: 403, or for the anonymous visitor the log-in page or a 401;
not found: 404), when a refused or not-found write left every table as it was, and when the
request made at least one decision through the permission kernel.
"""

import json
from urllib.parse import urlparse

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation
from permissions import routes, snapshot, table
from permissions import scene as scenes

from bashke.core.permissions import recording

pytestmark = pytest.mark.django_db

ROWS = table.read()
FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                               "QUEUES": ["default"]}}


# Coverage: the table against the site ----------------------------------------------------------

def url_rows():
    return {row.route[0] for row in ROWS if not row.is_api}


def test_every_named_url_has_a_row():
    missing = table.url_names() - url_rows()
    assert not missing, (f"URLs without a row in {table.TABLE.name}: {sorted(missing)}; add "
                         "one row per method it answers, with a cell for every persona")


def test_every_url_row_names_a_url_that_exists():
    gone = url_rows() - table.url_names()
    assert not gone, f"rows naming URLs that no longer exist: {sorted(gone)}"


def test_every_api_operation_has_a_row_and_every_api_row_an_operation():
    operations = table.api_operations()
    rows = {row.route for row in ROWS if row.is_api}
    assert not operations - rows, f"API operations without a row: {sorted(operations - rows)}"
    assert not rows - operations, f"rows naming no API operation: {sorted(rows - operations)}"


def test_every_row_says_how_to_ask_it():
    keys = {row.key for row in ROWS}
    unasked = sorted(keys - set(routes.ROUTES))
    assert not unasked, f"rows without a request in tests/permissions/routes.py: {unasked}"
    assert not set(routes.ROUTES) - keys, (
        f"requests without a row: {sorted(set(routes.ROUTES) - keys)}")


def test_the_table_reader_refuses_what_it_cannot_read(tmp_path):
    header = "| row | " + " | ".join(table.COLUMNS) + " | why |\n|" + "---|" * 13 + "\n"
    bad_cell = tmp_path / "bad.md"
    bad_cell.write_text(header + "| `plans:home` GET |" + " ok |" * 10 + " maybe | x |\n")
    with pytest.raises(table.TableError, match="cells must be one of"):
        table.read(bad_cell)
    twice = tmp_path / "twice.md"
    twice.write_text(header + ("| `plans:home` GET |" + " ok |" * 11 + " x |\n") * 2)
    with pytest.raises(table.TableError, match="rows given twice"):
        table.read(twice)


# The scene --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), translation.override("en"), override_settings(
            PASSWORD_HASHERS=FAST_HASHING, TASKS=IMMEDIATE_TASKS, MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = scenes.build()
            built.media_root = media
            built.api_client = Client()
            built.baseline = snapshot.snapshot()
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# Asking -------------------------------------------------------------------------------------------

def outcome(response):
    code = response.status_code
    if code == 404:
        return "404"
    if code == 403:
        return "no"
    if code == 401:
        return "login"
    if code in (301, 302, 303, 307, 308):
        if urlparse(response["Location"]).path.endswith("/accounts/login/"):
            return "login"
        return "ok"
    if 200 <= code < 300:
        return "ok"
    return f"HTTP {code}"


def holds(expected, actual, persona):
    # Refusing the anonymous visitor with a 403 or by asking them to log in is one answer.
    if persona == "anonymous" and expected in ("no", "login"):
        return actual in ("no", "login")
    return expected == actual


class Answer:
    def __init__(self, response=None, error=None, decisions=(), changed=()):
        self.response, self.error = response, error
        self.decisions, self.changed = list(decisions), list(changed)

    @property
    def outcome(self):
        return f"error {self.error!r}" if self.error else outcome(self.response)

    def describe(self):
        if self.error:
            return self.outcome
        where = self.response.get("Location", "")
        return f"{self.response.status_code}{' → ' + where if where else ''}"


def ask(scene, row, persona, *, check_writes):
    spec = routes.ROUTES[row.key]
    method = row.method.lower()
    if row.is_api:
        client = scene.api_client
        token = scene.tokens.get(persona)
        extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    else:
        client, extra = scene.clients[persona], {}
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)
    url = routes.url_for(row.key, spec, scene)
    answer = Answer()
    with transaction.atomic():
        kwargs = dict(extra)
        if spec.data is not None:
            body = spec.data(scene)
            if spec.json:
                kwargs.update(data=json.dumps(body), content_type="application/json")
            else:
                kwargs["data"] = body
        with recording() as decisions:
            try:
                answer.response = getattr(client, method)(url, **kwargs)
            except Exception as error:  # noqa: BLE001 — one broken cell must not hide the row
                answer.error = error
        answer.decisions = decisions
        if check_writes and answer.error is None:
            answer.changed = snapshot.changed(scene.baseline, snapshot.snapshot())
        transaction.set_rollback(True)
    # Log-outs and password changes end the session: the next row starts signed in again.
    client.cookies = cookies
    return answer


@pytest.mark.parametrize("row", ROWS, ids=[row.key for row in ROWS])
def test_row(row, scene, settings):
    if row.key not in routes.ROUTES:
        pytest.fail(f"no request for {row.key} in tests/permissions/routes.py")
    settings.MEDIA_ROOT = scene.media_root
    wrong, undecided, written = [], [], []
    for persona in scenes.PERSONAS:
        expected = row.cells[persona]
        refused = expected != "ok"
        answer = ask(scene, row, persona, check_writes=row.method != "GET" and refused)
        if not holds(expected, answer.outcome, persona):
            wrong.append(f"{persona}: expected {expected}, got {answer.outcome} "
                         f"({answer.describe()})")
        if answer.changed:
            written.append(f"{persona}: {', '.join(answer.changed)}")
        if not answer.decisions and answer.outcome != "login":
            undecided.append(persona)
    problems = []
    if wrong:
        problems.append("answers that differ from the table:\n  " + "\n  ".join(wrong))
    if written:
        problems.append("refused writes that changed the database:\n  " + "\n  ".join(written))
    if undecided:
        problems.append("no permission decision through bashke.core.permissions for: "
                        + ", ".join(undecided))
    assert not problems, f"{row.key} ({row.why}):\n" + "\n".join(problems)
