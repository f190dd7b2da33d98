"""Addresses outside a request (e-mails, the demo's printed list) need the site's own
host and port: SITE_URL, which follows PORT unless set."""

from django.conf import settings


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
