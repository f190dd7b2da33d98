"""Strict parsing of the environment that configures Bashkë.

Every reader raises :class:`ImproperlyConfigured` naming the variable, so a typo in a
deployment stops start-up with a message instead of running with a silent default.
"""

import os
import re
import secrets
import tempfile
import zoneinfo
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def read_bool(env, name, default=False):
    raw = env.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value: use one of 1, true, yes, on, 0, false, no, off."
    )


def read_int(env, name, default, *, minimum=None, maximum=None):
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        bounds = (f"at least {minimum}" if maximum is None
                  else f"at most {maximum}" if minimum is None
                  else f"between {minimum} and {maximum}")
        raise ImproperlyConfigured(f"{name}={value}: it must be {bounds}.")
    return value


def read_choice(env, name, default, choices):
    raw = env.get(name, default).strip().upper()
    if raw not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r} must be one of {', '.join(choices)}.")
    return raw


def read_list(env, name, default):
    raw = env.get(name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name}={raw!r} has an empty entry; separate values by commas.")
    return items


def read_url(env, name, default):
    raw = env.get(name, default).strip().rstrip("/")
    parts = _split(name, raw)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ImproperlyConfigured(f"{name}={raw!r} must be an absolute http(s) address, "
                                   f"e.g. https://bashke.example.al")
    return raw


def read_time_zone(env, name, default):
    raw = env.get(name, default)
    try:
        zoneinfo.ZoneInfo(raw)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a known time zone.") from None
    return raw


def read_database(env, name, default_sqlite_path: Path):
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return sqlite_database(default_sqlite_path)
    scheme = _split(name, raw).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"{name}={_masked(raw)!r}: the scheme must be sqlite:/// or postgres://, "
            f"not {scheme or 'missing'}."
        )
    try:
        config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(f"{name}={_masked(raw)!r} is malformed: {error}") from None
    if config["ENGINE"].endswith("sqlite3"):
        # dj_database_url reads "sqlite://" without a path as ":memory:": a database that
        # every process would see empty.
        if config.get("NAME") in ("", None, ":memory:"):
            raise ImproperlyConfigured(f"{name}={_masked(raw)!r} names no SQLite file.")
        return sqlite_database(Path(config["NAME"]))
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={_masked(raw)!r} names no database (postgres://user@host/NAME).")
    if config.get("PORT") not in ("", None):
        try:
            int(config["PORT"])
        except (TypeError, ValueError):
            raise ImproperlyConfigured(
                f"{name}={_masked(raw)!r} has a port that is not a number.") from None
    return config


def sqlite_database(path: Path):
    # WAL lets readers go on while a request or the task worker writes; IMMEDIATE makes a
    # write transaction take its lock up front instead of failing half-way with "locked".
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
        # Tests use a file too, not shared-cache memory, so that locking behaves as in
        # production (concurrent writers wait for each other instead of failing at once);
        # one per test run, so that two runs in one checkout do not share it.
        "TEST": {"NAME": str(path.with_name(f"test_{os.getpid()}_{path.name}"))},
    }


DEFAULT_SMTP_PORTS = {"smtp": 25, "smtp+tls": 587, "smtp+ssl": 465}


def read_email(env, name):
    """EMAIL_URL: console:// (default), smtp://user:pass@host:port, smtp+tls://…, locmem://."""
    raw = env.get(name, "console://")
    parts = _split(name, raw)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+ssl": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"{name}={_masked(raw)!r}: the scheme must be one of {', '.join(sorted(backends))}."
        )
    settings = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme.startswith("smtp"):
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}={_masked(raw)!r} has a port that is not a number.") from None
        if not parts.hostname:
            raise ImproperlyConfigured(f"{name}={_masked(raw)!r} names no host.")
        settings.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=port or DEFAULT_SMTP_PORTS[parts.scheme],
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=parts.scheme == "smtp+tls",
            EMAIL_USE_SSL=parts.scheme == "smtp+ssl",
        )
    query = parse_qs(parts.query)
    if "from" in query:
        settings["DEFAULT_FROM_EMAIL"] = query["from"][0]
    return settings


def _masked(url: str) -> str:
    """The URL as it may appear in a log: any password replaced by ***."""
    return re.sub(r"(//[^/:@]*:)[^@/]*@", r"\1***@", url)


def _split(name, raw):
    try:
        return urlsplit(raw)
    except ValueError as error:  # e.g. "Invalid IPv6 URL"
        raise ImproperlyConfigured(f"{name}={_masked(raw)!r} is malformed: {error}") from None


def read_secret_key(env, name, var_dir: Path):
    """The key from the environment, else one generated once into var/ and kept there."""
    raw = env.get(name)
    if raw is not None:
        if len(raw) < 32:
            raise ImproperlyConfigured(f"{name} is too short: use at least 32 characters.")
        return raw
    key_file = var_dir / "secret_key"
    var_dir.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        # When several web workers start at once, each writes a whole key under a temporary
        # name (mode 0600) and links it into place; link() fails when the key is already
        # there, so exactly one key wins and no worker reads a half-written file.
        handle, temporary = tempfile.mkstemp(dir=var_dir, prefix=".secret_key.")
        try:
            with os.fdopen(handle, "w") as file:
                file.write(secrets.token_urlsafe(50))
            try:
                os.link(temporary, key_file)
            except FileExistsError:
                pass
        finally:
            os.unlink(temporary)
    key = key_file.read_text().strip()
    if not key:
        raise ImproperlyConfigured(f"{key_file} is empty: delete it or set {name}.")
    return key


HSTS_ONE_YEAR = 365 * 24 * 3600


def read_https(env, name="HTTPS"):
    """HTTPS=on: the site is reached over TLS only. Browsers are told so (HSTS, a year by
    default: HSTS_SECONDS), cookies travel only over TLS, and a plain-HTTP request is
    redirected, except /healthz, which a load balancer may ask over plain HTTP.
    HSTS_PRELOAD=on asks to enter browsers' preload list: a choice for the domain's owner,
    since leaving that list takes months, so it is off unless asked for."""
    https = read_bool(env, name, False)
    if not https:
        for dependent in ("HSTS_SECONDS", "HSTS_PRELOAD"):
            if env.get(dependent, "").strip():
                raise ImproperlyConfigured(f"{dependent} is set but {name} is not on: HSTS "
                                           f"is only sent over HTTPS.")
        return {"SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 0}
    preload = read_bool(env, "HSTS_PRELOAD", False)
    return {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": [r"^healthz$"],
        "SECURE_HSTS_SECONDS": read_int(env, "HSTS_SECONDS", HSTS_ONE_YEAR, minimum=1),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": preload,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        # Without preload, `check --deploy` would warn on every run about a choice that is
        # deliberately left to the domain's owner.
        "SILENCED_SYSTEM_CHECKS": [] if preload else ["security.W021"],
    }
