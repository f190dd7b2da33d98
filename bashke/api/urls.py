"""The open-data API, mounted at /api/v1/ by bashke/urls.py. The OpenAPI document
(/api/v1/openapi.json) and its docs page (/api/v1/docs) are generated from the routers
and schemas; the docs page uses the Swagger UI files in the django-ninja wheel, served as
our own static files, so it works without internet access."""

from django.http import HttpRequest
from ninja import NinjaAPI

from bashke.api.auth import TokenError
from bashke.api.routers import (
    briefs,
    deliberation,
    ideas,
    me,
    meetings,
    plans,
    surveys,
    wordform,
)

api = NinjaAPI(
    title="Bashkë open data API",
    version="1",
    urls_namespace="api",
    description="Open data on Open Government Partnership action plans: plans, their "
                "policy goals and components, and the stages of each plan's cycle. Reading "
                "is open to all; endpoints marked with a lock need a bearer token "
                "(`bashke createtoken EMAIL`). Content comes in Albanian and English.",
)
api.add_router("", plans.router)
api.add_router("", me.router)
# Word-form routes come before the idea routes: "ideas/form.docx" must not read as an id.
for consultation_router in (wordform, ideas, deliberation, briefs, meetings, surveys):
    api.add_router("", consultation_router.router)


@api.exception_handler(TokenError)
def token_error(request: HttpRequest, exc: TokenError):
    response = api.create_response(request, {"detail": exc.message}, status=401)
    response["WWW-Authenticate"] = exc.www_authenticate
    return response
