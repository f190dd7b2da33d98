"""The one settings module. Everything that differs between deployments comes from the
environment, parsed by :mod:`bashke.config`; see docs/deployment.md for the list."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from bashke import config

env = os.environ
BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env.get("BASHKE_VAR_DIR", Path.cwd() / "var")).resolve()

DEBUG = config.read_bool(env, "DEBUG", False)
SECRET_KEY = config.read_secret_key(env, "SECRET_KEY", VAR_DIR)
# The public address of the site, for links in e-mails sent outside a request (digests).
# Without it, the address `bashke serve` listens on (PORT, as `make demo` passes it).
PORT = config.read_int(env, "PORT", 8000, minimum=1, maximum=65535)
SITE_URL = config.read_url(env, "SITE_URL", f"http://127.0.0.1:{PORT}")
ALLOWED_HOSTS = config.read_list(env, "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.read_list(env, "CSRF_TRUSTED_ORIGINS", [])

DATABASES = {"default": config.read_database(env, "DATABASE_URL", VAR_DIR / "bashke.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "bashke.core",
    "bashke.accounts",
    "bashke.plans",
    "bashke.consultation",
    "bashke.assessment",
    "bashke.drafting",
    "bashke.exports",
    "bashke.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response.
    "bashke.core.security.SecurityHeaders",
    # Errors under /api/ as JSON, also the 404, 405 and 500 made outside an operation.
    "bashke.api.errors.JsonApiErrors",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "bashke.urls"
WSGI_APPLICATION = "bashke.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "bashke.core.context_processors.focus",
            ],
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "plans:home"
LOGOUT_REDIRECT_URL = "plans:home"
# Failed log-ins allowed per e-mail address and per client address in the window below.
LOGIN_FAILURE_LIMIT = config.read_int(env, "LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_FAILURE_WINDOW_SECONDS = config.read_int(env, "LOGIN_FAILURE_WINDOW_SECONDS", 900, minimum=1)
# Failures one client address may make across all accounts per window: generous, so that an
# office behind one NAT keeps working (accounts/throttle.py).
LOGIN_FAILURE_IP_LIMIT = config.read_int(env, "LOGIN_FAILURE_IP_LIMIT", 100, minimum=1)

LANGUAGE_CODE = "sq"
LANGUAGES = [("sq", _("Albanian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Off on purpose: it would group years and ids too ("2.020"). Quantities go through
# bashke.core.text.format_number / the `number` filter (41,3 and 1.250 in Albanian).
USE_THOUSAND_SEPARATOR = False
USE_TZ = True
TIME_ZONE = config.read_time_zone(env, "TIME_ZONE", "Europe/Tirane")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", VAR_DIR / "media"))
# `bashke serve` collects static files (hashed names, compressed) before its web workers
# start; without that manifest — tests, `bashke runserver` — files are served from the app
# folders under their plain names.
STATIC_MANIFEST = (config.read_bool(env, "STATIC_MANIFEST", False)
                   or (STATIC_ROOT / "staticfiles.json").exists())
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_FROM_EMAIL = "Bashkë <noreply@localhost>"
# EMAIL_BACKEND, EMAIL_HOST… and, with ?from=…, DEFAULT_FROM_EMAIL.
globals().update(config.read_email(env, "EMAIL_URL"))

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if config.read_bool(env, "TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = config.read_bool(env, "SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if config.read_bool(env, "BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS=on: HSTS, secure cookies, the redirect to https (docs/deployment.md).
globals().update(config.read_https(env))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config.read_choice(
        env, "LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR"])},
}
