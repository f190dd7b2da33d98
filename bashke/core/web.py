"""Small pieces every app's views and forms share: who is asking from where, and how a
service's refusal lands on a form."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def site_root(request) -> str:
    """Scheme and host the person used, for links in e-mails sent later by a worker."""
    return request.build_absolute_uri("/").rstrip("/")


def client_ip(request) -> str:
    # Behind our reverse proxy (BEHIND_TLS_PROXY) every request arrives from the proxy, so
    # REMOTE_ADDR would put all clients in one bucket and five typos would lock out the
    # site. The proxy appends the address it saw as the *last* X-Forwarded-For entry;
    # earlier entries come from the client and could be forged to dodge the limit.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:100]
    return request.META.get("REMOTE_ADDR", "")[:100] or "unknown"


class Stacked:
    """Renders as label, help, errors, input; errors are tied to inputs by Django 5.2's
    aria-describedby, and a summary up front takes the focus and links to each field."""

    template_name = "core/forms/stacked.html"


def add_service_errors(form, error: ValidationError, rename=None) -> None:
    """Show a service's ValidationError next to the form field it concerns."""
    rename = rename or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        field = rename.get(field, field)
        form.add_error(field if field in form.fields else None, errors)


def saved(request, form, save, *, success, then, rename=None):
    """The one way a page saves a form through a service. On a valid POST ``save()`` runs
    the service; a ``ValidationError`` lands on the form's fields (``rename`` maps the
    service's field names to the form's); on success the person is told ``success`` and
    sent to ``then``. Each of those two may be a callable taking what ``save`` returned.
    Returns the redirect, or None when the page is to be shown (again) with the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = save()
    except ValidationError as error:
        add_service_errors(form, error, rename)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return redirect(then(result) if callable(then) else then)
