"""Every answer under /api/ that is an error is JSON — ``{"detail": …}`` — whoever
produced it.

Ninja's own exception handlers (bashke/api/urls.py) cover what happens inside an
operation. Three errors are made outside it, as HTML or plain text: Django's 404 for a
path that matches no operation, ninja's 405 for a method an operation does not take, and
Django's 500 for an exception that escaped everything. This middleware rewrites those, so
a client can always parse an error and read its ``detail``.
"""

import json
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"
JSON = "application/json"
# Headers of the original answer that still hold for the JSON one.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary", "Cache-Control")


def detail_for(request: HttpRequest, response: HttpResponse) -> str:
    status = response.status_code
    if status == 404:
        return (f"No API operation at {request.path}: the operations are listed at "
                f"{API_PREFIX}v1/docs.")
    if status == 405:
        allowed = response.get("Allow", "")
        return f"Method {request.method} is not allowed here; allowed: {allowed}."
    if status >= 500:
        return "Internal server error: the error was logged; please try again later."
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"Error {status}."


class JsonApiErrors:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        if (not request.path_info.startswith(API_PREFIX) or response.status_code < 400
                or response.get("Content-Type", "").startswith(JSON)):
            return response
        replacement = HttpResponse(json.dumps({"detail": detail_for(request, response)}),
                                   status=response.status_code,
                                   content_type=f"{JSON}; charset=utf-8")
        for header in KEPT_HEADERS:
            if header in response:
                replacement[header] = response[header]
        return replacement
