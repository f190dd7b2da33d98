"""Security headers on every response, no inline script or style for the policy to
forbid, HTTPS=on parsed strictly, and `check --deploy` clean under the production settings
docs/deployment.md gives."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import django
import pytest
from django.core.exceptions import ImproperlyConfigured

from bashke import config
from bashke.core import security

REPO = Path(__file__).resolve().parents[2]
TEMPLATE_ROOTS = [REPO / "bashke"]
PATHS = ["/sq/", "/en/", "/api/v1/plans", "/api/v1/nowhere", "/healthz", "/en/no-such-page/",
         "/sq/accounts/login/", "/api/v1/docs", "/static/bashke/site.css"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
                      "base-uri 'self'", "object-src 'none'", "img-src 'self' data:",
                      "script-src 'self'", "style-src 'self'"):
        assert directive in csp, (path, directive)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_admin_allows_only_its_own_style_block_by_hash(client):
    csp = client.get("/en/admin/login/")["Content-Security-Policy"]
    assert "style-src 'self' 'sha256-" in csp and "unsafe-inline" not in csp
    assert security.is_admin("/sq/admin/plans/") and not security.is_admin("/sq/plans/admin")


def test_the_admin_hash_is_of_the_block_django_writes():
    template = (Path(django.__file__).parent / "contrib/admin/templates/admin/change_list.html")
    blocks = re.findall(r"<style>(.*?)</style>", template.read_text(), re.S)
    assert blocks == [security.ADMIN_CHANGE_LIST_STYLE], (
        "Django's change list style changed: update ADMIN_CHANGE_LIST_STYLE")


def templates():
    for root in TEMPLATE_ROOTS:
        yield from root.rglob("templates/**/*.html")


INLINE = [
    (re.compile(r"<style\b", re.I), "a <style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
     "an inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on* handler"),
    (re.compile(r"javascript:", re.I), "a javascript: address"),
]


def test_no_template_has_inline_script_or_style():
    found = []
    for path in templates():
        text = path.read_text()
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(REPO)}:{line}: {what}")
    assert list(templates()) and not found, "\n".join(found)


def test_https_on_turns_on_hsts_secure_cookies_and_the_redirect():
    on = config.read_https({"HTTPS": "on"})
    assert on["SECURE_SSL_REDIRECT"] and on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"]
    assert on["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600 and on["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert on["SECURE_REDIRECT_EXEMPT"] == [r"^healthz$"] and not on["SECURE_HSTS_PRELOAD"]
    preload = config.read_https({"HTTPS": "yes", "HSTS_PRELOAD": "yes", "HSTS_SECONDS": "600"})
    assert preload["SECURE_HSTS_PRELOAD"] and preload["SILENCED_SYSTEM_CHECKS"] == []
    assert preload["SECURE_HSTS_SECONDS"] == 600
    off = config.read_https({})
    assert off == {"SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 0}


@pytest.mark.parametrize(("env", "message"), [
    ({"HTTPS": "maybe"}, "HTTPS='maybe' is not a yes/no value"),
    ({"HTTPS": "on", "HSTS_SECONDS": "a year"}, "HSTS_SECONDS='a year' is not a whole number"),
    ({"HTTPS": "on", "HSTS_SECONDS": "0"}, "HSTS_SECONDS=0: it must be at least 1"),
    ({"HSTS_SECONDS": "600"}, "HSTS_SECONDS is set but HTTPS is not on"),
    ({"HTTPS": "off", "HSTS_PRELOAD": "on"}, "HSTS_PRELOAD is set but HTTPS is not on"),
])
def test_bad_https_settings_stop_start_up_naming_the_variable(env, message):
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        config.read_https(env)


def run_check(tmp_path, **extra):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
           "BASHKE_VAR_DIR": str(tmp_path / "var"), "DEBUG": "no",
           "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "bashke.example.al",
           "CSRF_TRUSTED_ORIGINS": "https://bashke.example.al",
           "SITE_URL": "https://bashke.example.al", **extra}
    bashke = Path(sys.executable).parent / "bashke"
    return subprocess.run([str(bashke), "check", "--deploy", "--fail-level", "WARNING"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_the_documented_production_settings(tmp_path):
    # The variables docs/deployment.md gives for production behind a TLS proxy.
    documented = (REPO / "docs" / "deployment.md").read_text()
    assert "HTTPS=on" in documented and "BEHIND_TLS_PROXY=yes" in documented
    result = run_check(tmp_path, HTTPS="on", BEHIND_TLS_PROXY="yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_warns_without_https(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stdout + result.stderr
