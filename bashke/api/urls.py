"""The open-data API, mounted at /api/v1/ by bashke/urls.py. The OpenAPI document
(/api/v1/openapi.json) and its docs page (/api/v1/docs) are generated from the routers
and schemas; the docs page uses the Swagger UI files in the django-ninja wheel, served as
our own static files, so it works without internet access."""

import logging
import sys

from django.core.signals import got_request_exception
from django.http import HttpRequest
from ninja import NinjaAPI

from bashke.api.auth import TokenError
from bashke.api.routers import (
    assessment,
    briefs,
    decisions,
    deliberation,
    drafting,
    exports,
    ideas,
    me,
    meetings,
    plans,
    surveys,
    versions,
    wordform,
)
from bashke.api.schemas import Error, Unprocessable
from bashke.core.access import asks

SCHEMA_REF = "#/components/schemas/{model}"


def json_response(description: str, name: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": SCHEMA_REF.format(model=name)}}}}


class BashkeAPI(NinjaAPI):
    """Documents the errors every operation can answer, in one place rather than in each
    router: any operation answers 422 to a parameter or body that does not fit (and many to
    one that fits but cannot be accepted), one behind a token answers 401 without it, and
    one with a body answers 400 to a body it cannot parse.
    A client, and schemathesis, can then rely on the document for every status."""

    def _get_urls(self):
        urls = super()._get_urls()
        # ninja's "api-root" (a 404 that names the docs page) asks, as every page must.
        root = urls[-1]
        root.callback = asks("core.view_public")(root.callback)
        return urls

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (Error, Unprocessable):
            definition = model.model_json_schema(ref_template=SCHEMA_REF)
            components.update(definition.pop("$defs", {}))
            components[model.__name__] = definition
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation["responses"]
                responses[422] = json_response("Unprocessable Content", "Unprocessable")
                if operation.get("security"):
                    responses.setdefault(401, json_response("Unauthorized", "Error"))
                if "requestBody" in operation:  # a body that is not JSON or multipart at all
                    responses.setdefault(400, json_response("Bad Request", "Error"))
        return schema


api = BashkeAPI(
    title="Bashkë open data API",
    version="1",
    urls_namespace="api",
    description="Open data on Open Government Partnership action plans: plans, their "
                "policy goals and components, and the stages of each plan's cycle. Reading "
                "is open to all; endpoints marked with a lock need a bearer token "
                "(`bashke createtoken EMAIL`). Content comes in Albanian and English.",
    # The document and its docs page are public, and ask so like every other page.
    docs_decorator=asks("core.view_public"),
)
api.add_router("", plans.router)
api.add_router("", me.router)
# Word-form routes come before the idea routes: "ideas/form.docx" must not read as an id.
for consultation_router in (wordform, ideas, deliberation, briefs, meetings, surveys):
    api.add_router("", consultation_router.router)
for later_router in (assessment, decisions, drafting, versions, exports):
    api.add_router("", later_router.router)


@api.exception_handler(TokenError)
def token_error(request: HttpRequest, exc: TokenError):
    response = api.create_response(request, {"detail": exc.message}, status=401)
    response["WWW-Authenticate"] = exc.www_authenticate
    return response


@api.exception_handler(Exception)
def unexpected_error(request: HttpRequest, exc: Exception):
    """A bug answers as JSON like every other error (bashke/api/errors.py covers the
    errors made outside an operation), and is logged and signalled as Django would have
    done for an HTML 500."""
    logging.getLogger("django.request").error(
        "Internal Server Error: %s", request.path, exc_info=sys.exc_info(),
        extra={"status_code": 500, "request": request})
    got_request_exception.send(sender=None, request=request)
    return api.create_response(
        request, {"detail": "Internal server error: the error was logged; please try again "
                            "later."}, status=500)
