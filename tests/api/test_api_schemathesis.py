"""schemathesis against the API, in-process through the WSGI application (no network):
every operation, anonymous and with a bearer token, with data that fits the schema and
data that does not. No answer may be a 5xx, and every answer must match what the OpenAPI
document says (status, content type, headers, body).

Generated slugs and ids rarely name anything, so each case is sent a second time with its
path parameters pointing at real objects: the bodies of a real plan and idea are
checked too. Examples are few per operation (MAX_EXAMPLES) to keep the run near a minute.
"""


import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from bashke.api import services as token_services
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.wsgi import application

import scenes

MAX_EXAMPLES = 10
# Once per `make test`: in the SQLite phase (the PostgreSQL phase runs the other API tests).
pytestmark = pytest.mark.skipif(
    "sqlite" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="schemathesis runs in the SQLite phase only, to keep `make test` short")
# Counted across the run for the report at the end (operations, requests).
SENT = {"requests": 0, "operations": set()}

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                                max_examples=MAX_EXAMPLES)
# Data that fits the schema may still be refused with a 422 that says why: a jurisdiction
# or component that does not exist, an answer the web form requires. The schema cannot
# say which slugs exist, so 422 counts as an acceptable answer to schema-valid data.
positive = schema.config.checks.positive_data_acceptance
positive.expected_statuses = [*positive.expected_statuses, "422"]


@pytest.fixture
def world(jurisdiction, ministry, agency, citizen):
    """A plan whose online consultation is open today, with one idea, and a token."""
    plan = scenes.open_plan(jurisdiction, ministry, agency)
    component = plan.goals.get(number=1).components.get()
    idea = idea_services.submit_idea(plan, actor=citizen, channel=Channel.ONLINE, answers={
        "title": "Open contracts", "overall_idea": "Publish every contract.",
        "component": component})
    token = token_services.create_token(citizen, actor=citizen, name="schemathesis")[1]
    return {"slug": plan.slug, "idea_id": idea.pk, "token": token}


@pytest.fixture
def keep_connection():
    """The WSGI handler closes the database connection after each request, which would
    close the test's transaction; Django's test client stops that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def send(case, headers):
    SENT["requests"] += 1
    SENT["operations"].add(case.operation.label)
    case.call_and_validate(headers=headers)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, world, keep_connection):
    for headers in ({}, {"Authorization": f"Bearer {world['token']}"}):
        send(case, headers)
        if case.path_parameters and not _invalid_beyond_the_path(case):
            real = {name: world.get(name, value)
                    for name, value in case.path_parameters.items()}
            if real != case.path_parameters:
                original = case.path_parameters
                case.path_parameters = real
                try:
                    send(case, headers)
                finally:
                    case.path_parameters = original


def _invalid_beyond_the_path(case):
    """Whether the case breaks the schema somewhere other than its path (an unknown query
    parameter, say). Such a case is sent once as generated; sending it again with a real id
    would be a valid address carrying invalid data that the API tolerates (it ignores query
    parameters it does not know), which schemathesis would count against it."""
    meta = case.meta
    if meta is None:
        return False
    return any(location.value != "path" and info.mode == GenerationMode.NEGATIVE
               for location, info in meta.components.items())


def test_report_the_run(capsys):
    # Runs after the operations (same module, later in order): prints what was covered.
    with capsys.disabled():
        print(f"\nschemathesis: {len(SENT['operations'])} operations, "
              f"{SENT['requests']} requests")
    assert SENT["requests"] == 0 or len(SENT["operations"]) >= 10
