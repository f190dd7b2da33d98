"""``Idempotency-Key`` for the API operations that create something.

A client that sends a POST and gets no answer (a dropped connection, a restarted server)
cannot know whether it was stored. With ``Idempotency-Key: <any unique string>`` it can
simply send it again: the same key with the same body, from the same person, within 24
hours, returns the first answer (status, body, content type) with the header
``Idempotent-Replayed: true`` and creates nothing; the same key with another body is a 422.

How it holds under concurrency and crashes: the key's row is inserted *first*, in the same
transaction as everything the operation writes, and the answer is stored on it before the
commit. So

- a crash before the commit leaves neither the row nor what the request created: the retry
  runs as if for the first time;
- a second request with the same key that arrives while the first is running **waits**
  (PostgreSQL holds its insert on the unique index until the first transaction ends;
  SQLite's IMMEDIATE transactions take the write lock in turn) and then answers with the
  stored first answer. It never answers "in progress".

Only successful answers (2xx) are kept. An error (422, 409, 429…) removes the key, so the
client can correct the request, or wait, and send it again under the same key.

Use: ``@idempotent`` under the router's decorator; it also declares the header in the
OpenAPI document.
"""

import datetime
import functools
import hashlib
import json
import re

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja.decorators import decorate_view
from ninja.utils import contribute_operation_callback

from bashke.api.models import IDEMPOTENCY_TTL_HOURS, IdempotencyKey
from bashke.core.web import client_ip

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
TTL = datetime.timedelta(hours=IDEMPOTENCY_TTL_HOURS)
MAX_LENGTH = 255
# Visible ASCII: a UUID, a ULID or "order-2026-11-30-17" all fit; spaces and control
# characters in a key are more likely a bug in the client than a choice.
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
IN_PROGRESS = 0

PARAMETER = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "description": "Any unique string (a UUID is a good choice) of up to 255 visible ASCII "
                   "characters. Sending the request again with the same key and body within "
                   "24 hours returns the first answer instead of creating a second record; "
                   "the same key with another body is refused with 422. See docs/api.md.",
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_LENGTH,
               "pattern": r"^[\x21-\x7e]+$"},
}


def idempotent(view_func):
    """Marks a ninja operation as accepting ``Idempotency-Key``."""
    view_func = decorate_view(_run_once)(view_func)
    contribute_operation_callback(view_func, _declare_header)
    view_func.idempotent = True
    return view_func


def _declare_header(operation) -> None:
    extra = dict(operation.openapi_extra or {})
    extra["parameters"] = [*extra.get("parameters", []), PARAMETER]
    operation.openapi_extra = extra


def key_problem(key: str) -> str:
    """What is wrong with the header's value, or "" when nothing is."""
    if not key:
        return f"The {HEADER} header is empty: send a unique string, e.g. a UUID."
    if len(key) > MAX_LENGTH:
        return f"The {HEADER} header has {len(key)} characters; at most {MAX_LENGTH} are allowed."
    if not KEY_PATTERN.match(key):
        return (f"The {HEADER} header may contain visible ASCII characters only (letters, "
                f"digits and punctuation, no spaces).")
    return ""


def scope_of(request: HttpRequest) -> str:
    """Who the key belongs to, hashed: the bearer token as sent (the operation checks it),
    else the signed-in user, else the client's address."""
    scheme, _space, credential = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer" and credential.strip():
        who = f"token:{credential.strip()}"
    elif getattr(getattr(request, "user", None), "is_authenticated", False):
        who = f"user:{request.user.pk}"
    else:
        who = f"client:{client_ip(request)}"
    return hashlib.sha256(f"bashke-idempotency\0{who}".encode()).hexdigest()


def fingerprint_of(request: HttpRequest) -> str:
    """The request's method, path and body. A JSON body is compared by content, so that a
    client that re-serialises it with its keys in another order is not refused."""
    body = request.body
    try:
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        pass
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.get_full_path().encode(), body):
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


def _claim(scope: str, key: str, fingerprint: str, now):
    """(the new in-progress row, None) or (None, the earlier row with this key)."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                row = IdempotencyKey.objects.create(
                    scope=scope, key=key, fingerprint=fingerprint, status=IN_PROGRESS,
                    content_type="", body=b"", created_at=now)
            return row, None
        except IntegrityError:
            # On PostgreSQL the insert waited here for a concurrent request with the same
            # key to commit or roll back; its row is visible to the next statement.
            pass
        earlier = IdempotencyKey.objects.filter(scope=scope, key=key).first()
        if earlier is None:
            continue  # rolled back or pruned in between: try to claim it again
        if earlier.created_at <= now - TTL:
            IdempotencyKey.objects.filter(pk=earlier.pk).delete()
            continue
        return None, earlier
    raise RuntimeError(f"could not claim the idempotency key {key!r}")


def _replay(row: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(bytes(row.body), status=row.status, content_type=row.content_type)
    response[REPLAYED_HEADER] = "true"
    return response


def _run_once(run):
    @functools.wraps(run)
    def run_once(request: HttpRequest, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return run(request, **kwargs)
        problem = key_problem(key)
        if problem:
            return _error(422, problem)
        scope, fingerprint = scope_of(request), fingerprint_of(request)
        with transaction.atomic():
            row, earlier = _claim(scope, key, fingerprint, timezone.now())
            if earlier is not None:
                if earlier.fingerprint != fingerprint:
                    return _error(422, f"This {HEADER} was already used for a different "
                                       f"request (another body or address). Use a new key "
                                       f"for a new request.")
                if earlier.status == IN_PROGRESS:  # not expected: rows commit complete
                    return _error(409, "A request with this key is still in progress.")
                return _replay(earlier)
            response = run(request, **kwargs)
            if 200 <= response.status_code < 300 and not response.streaming:
                row.status = response.status_code
                row.content_type = response.get("Content-Type", "application/json")
                row.body = response.content
                row.save(update_fields=["status", "content_type", "body"])
            else:
                IdempotencyKey.objects.filter(pk=row.pk).delete()
        return response

    return run_once
