"""Settings parse their environment strictly: a bad value stops start-up with a message
that names the variable (design.md, after healthchecks)."""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from bashke import config

REPO = Path(__file__).resolve().parent.parent
# Everything settings.py reads, so that the caller's environment (DATABASE_URL from
# scripts/with-postgres, a developer's DEBUG) never leaks into these checks; read from the
# source so that a variable added later is covered too.
SETTINGS_VARIABLES = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", *re.findall(
    r'\benv(?:\.get\(|,)\s*"([A-Z][A-Z0-9_]*)"', (REPO / "bashke" / "settings.py").read_text())}


def start_django(tmp_path, **variables):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE="bashke.settings", BASHKE_VAR_DIR=str(tmp_path / "var"),
               **variables)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


def test_every_variable_of_settings_is_kept_out_of_the_subprocesses():
    assert {"DEBUG", "EMAIL_URL", "TIME_ZONE", "BASHKE_VAR_DIR", "STATIC_ROOT"} <= (
        SETTINGS_VARIABLES)


def test_start_up_succeeds_with_no_settings_at_all(tmp_path):
    # The control for the cases below: they fail because of their one bad value.
    result = start_django(tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("variable", "value"), [
    ("DATABASE_URL", "postgres://user@host:notaport/db"),
    ("DATABASE_URL", "mysql://x/y"),
    ("DATABASE_URL", "garbage"),
    ("DATABASE_URL", "postgres://user@host:5432/"),
    ("DATABASE_URL", "sqlite://"),
    ("DATABASE_URL", "postgres://user@[::1/db"),
    ("DEBUG", "maybe"),
    ("ALLOWED_HOSTS", "a,,b"),
    ("TIME_ZONE", "Mars/Base"),
    ("EMAIL_URL", "carrier-pigeon://x"),
    ("EMAIL_URL", "smtp://mail.example.org:smtp"),
    ("LOGIN_FAILURE_LIMIT", "zero"),
    ("LOGIN_FAILURE_LIMIT", "0"),
    ("LOG_LEVEL", "LOUD"),
    ("SECRET_KEY", "short"),
])
def test_a_bad_value_stops_start_up_naming_the_variable(tmp_path, variable, value):
    result = start_django(tmp_path, **{variable: value})

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert variable in last_line


def test_a_short_secret_key_is_not_echoed(tmp_path):
    result = start_django(tmp_path, SECRET_KEY="hunter2-but-longer")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "hunter2" not in result.stderr


# The readers of bashke/config.py, called directly.

def test_sqlite_path_gets_wal_and_immediate_transactions(tmp_path):
    database = config.read_database({"DATABASE_URL": f"sqlite:///{tmp_path}/site.db"},
                                    "DATABASE_URL", tmp_path / "default.db")

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == f"{tmp_path}/site.db"
    assert "PRAGMA journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_no_database_url_means_sqlite_in_the_var_folder(tmp_path):
    for env in ({}, {"DATABASE_URL": "  "}):
        database = config.read_database(env, "DATABASE_URL", tmp_path / "bashke.sqlite3")
        assert database["NAME"] == str(tmp_path / "bashke.sqlite3")
        assert "PRAGMA journal_mode=WAL" in database["OPTIONS"]["init_command"]


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "pgsql"])
def test_postgres_url_gives_host_port_and_name(scheme):
    database = config.read_database(
        {"DATABASE_URL": f"{scheme}://bashke:s%40cret@db.internal:6432/bashke_prod"},
        "DATABASE_URL", Path("unused"))

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], int(database["PORT"]), database["NAME"]) == (
        "db.internal", 6432, "bashke_prod")
    assert (database["USER"], database["PASSWORD"]) == ("bashke", "s@cret")


def test_postgres_url_without_port_leaves_the_default():
    database = config.read_database({"DATABASE_URL": "postgres://u@127.0.0.1/bashke"},
                                    "DATABASE_URL", Path("unused"))
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("127.0.0.1", "", "bashke")


def test_smtp_tls_email_url():
    settings = config.read_email(
        {"EMAIL_URL": "smtp+tls://mailer:p%40ss%2Fword@smtp.example.org?from=Bashk%C3%AB%20"
                      "%3Cnoreply%40example.org%3E"}, "EMAIL_URL")

    assert settings == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "p@ss/word",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "DEFAULT_FROM_EMAIL": "Bashkë <noreply@example.org>",
    }


def test_smtp_ssl_and_explicit_port():
    assert config.read_email({"EMAIL_URL": "smtp+ssl://smtp.example.org"},
                             "EMAIL_URL")["EMAIL_PORT"] == 465
    settings = config.read_email({"EMAIL_URL": "smtp://smtp.example.org:2525"}, "EMAIL_URL")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        2525, False, False)


def test_email_defaults_to_the_console():
    assert config.read_email({}, "EMAIL_URL") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", True), ("Yes", True), (" on ", True), ("true", True),
    ("0", False), ("no", False), ("OFF", False), ("", False),
])
def test_bool_words(raw, expected):
    assert config.read_bool({"DEBUG": raw}, "DEBUG") is expected


def test_list_and_int_and_time_zone():
    assert config.read_list({"ALLOWED_HOSTS": "a.org, b.org"}, "ALLOWED_HOSTS", []) == [
        "a.org", "b.org"]
    assert config.read_list({}, "ALLOWED_HOSTS", ["x"]) == ["x"]
    assert config.read_int({"N": " 12 "}, "N", 5, minimum=1) == 12
    assert config.read_int({}, "N", 5, minimum=1) == 5
    assert config.read_time_zone({"TIME_ZONE": "Europe/Tirane"}, "TIME_ZONE", "UTC") == (
        "Europe/Tirane")
    with pytest.raises(ImproperlyConfigured, match="TIME_ZONE"):
        config.read_time_zone({"TIME_ZONE": "../../etc/passwd"}, "TIME_ZONE", "UTC")


def test_secret_key_is_generated_once_and_reused(tmp_path):
    var_dir = tmp_path / "var"

    first = config.read_secret_key({}, "SECRET_KEY", var_dir)
    second = config.read_secret_key({}, "SECRET_KEY", var_dir)

    assert first == second
    assert len(first) >= 50
    assert (var_dir / "secret_key").stat().st_mode & 0o777 == 0o600
    assert [path.name for path in var_dir.iterdir()] == ["secret_key"]


def test_secret_key_from_the_environment_wins(tmp_path):
    key = "k" * 40
    assert config.read_secret_key({"SECRET_KEY": key}, "SECRET_KEY", tmp_path) == key
    assert not (tmp_path / "secret_key").exists()


def test_an_empty_secret_key_file_is_reported(tmp_path):
    (tmp_path / "secret_key").write_text("")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        config.read_secret_key({}, "SECRET_KEY", tmp_path)


RACE = textwrap.dedent("""\
    import sys, time
    from pathlib import Path
    from bashke import config

    start = float(sys.argv[2])
    while time.time() < start:
        pass
    print(config.read_secret_key({}, "SECRET_KEY", Path(sys.argv[1])))
    """)


def test_workers_starting_together_agree_on_one_secret_key(tmp_path):
    # Web workers start at the same moment on a fresh machine: each must read the one key
    # that won, never a half-written file nor a key of its own. Several rounds, as one
    # round rarely hits the window.
    import time

    for round_ in range(5):
        var_dir = tmp_path / f"var{round_}"
        start = time.time() + 0.5
        workers = [subprocess.Popen([sys.executable, "-c", RACE, str(var_dir), str(start)],
                                    cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True) for _ in range(4)]
        results = [worker.communicate(timeout=60) for worker in workers]

        assert [worker.returncode for worker in workers] == [0] * 4, results
        keys = {stdout.strip() for stdout, _ in results}
        assert keys == {(var_dir / "secret_key").read_text().strip()}


def test_error_messages_hide_passwords():
    from django.core.exceptions import ImproperlyConfigured

    from bashke.config import read_database, read_email

    with pytest.raises(ImproperlyConfigured) as database_error:
        read_database({"DATABASE_URL": "postgres://bob:s3cret@db:nope/x"}, "DATABASE_URL", None)
    with pytest.raises(ImproperlyConfigured) as email_error:
        read_email({"EMAIL_URL": "smtp://bob:s3cret@"}, "EMAIL_URL")
    for error in (database_error, email_error):
        assert "s3cret" not in str(error.value) and "***" in str(error.value)


def test_site_url_must_be_an_absolute_address():
    from django.core.exceptions import ImproperlyConfigured

    from bashke.config import read_url

    assert read_url({"SITE_URL": "https://bashke.example.al/"}, "SITE_URL", "x") == (
        "https://bashke.example.al")
    for bad in ("bashke.example.al", "ftp://x", "https://"):
        with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
            read_url({"SITE_URL": bad}, "SITE_URL", "x")


def site_url_of(tmp_path, **variables):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE="bashke.settings", BASHKE_VAR_DIR=str(tmp_path / "var"),
               **variables)
    return subprocess.run(
        [sys.executable, "-c",
         "import django; django.setup(); from django.conf import settings; "
         "print(settings.SITE_URL)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


def test_site_url_follows_the_port_the_demo_is_served_on(tmp_path):
    # `PORT=8931 make demo`: links in e-mails must point at 8931, not at 8000.
    assert site_url_of(tmp_path, PORT="8931").stdout.strip() == "http://127.0.0.1:8931"
    assert site_url_of(tmp_path).stdout.strip() == "http://127.0.0.1:8000"
    explicit = site_url_of(tmp_path, PORT="8931", SITE_URL="https://bashke.example.org")
    assert explicit.stdout.strip() == "https://bashke.example.org"


@pytest.mark.parametrize("value", ["eighty", "0", "70000"])
def test_a_bad_port_stops_start_up_naming_it(tmp_path, value):
    result = start_django(tmp_path, PORT=value)
    assert result.returncode != 0
    assert "PORT" in result.stderr.strip().splitlines()[-1]
