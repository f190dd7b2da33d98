"""Fixtures for the tests that run the real server (see serverkit.py)."""

import os
import shutil
from urllib.parse import urlsplit, urlunsplit

import pytest
from serverkit import run, server_env


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite file, made once per run and copied by each test that needs one."""
    folder = tmp_path_factory.mktemp("faults-template")
    path = folder / "template.sqlite3"
    run(["-m", "bashke.cli", "migrate", "--no-input", "-v0"],
        server_env(f"sqlite:///{path}", folder / "var"))
    return path


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """One STATIC_ROOT for every server a run starts: serve collects the files once and
    skips it while the sources are unchanged, so later starts take seconds, not ten more."""
    return tmp_path_factory.mktemp("faults-static")


@pytest.fixture
def sqlite_database(migrated_sqlite, tmp_path):
    """DATABASE_URL of a fresh, migrated SQLite file of the test's own."""
    path = tmp_path / "server.sqlite3"
    for suffix in ("", "-wal"):
        if os.path.exists(f"{migrated_sqlite}{suffix}"):
            shutil.copy(f"{migrated_sqlite}{suffix}", f"{path}{suffix}")
    return f"sqlite:///{path}"


@pytest.fixture
def server_database(request, tmp_path):
    """DATABASE_URL of a migrated database of the test's own: SQLite, or on PostgreSQL (when
    DATABASE_URL names one) a fresh database on that server, dropped afterwards."""
    url = postgres_url()
    if not url:
        yield request.getfixturevalue("sqlite_database")
        return
    import psycopg

    name = f"bashke_faults_{os.getpid()}"
    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        database_url = urlunsplit(parts._replace(path=f"/{name}"))
        run(["-m", "bashke.cli", "migrate", "--no-input", "-v0"],
            server_env(database_url, tmp_path / "var"))
        yield database_url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
