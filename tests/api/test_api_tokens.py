"""Bearer tokens: creation (service, command, admin), what is stored, and every way a
request to GET /api/v1/me can be refused."""

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from bashke.api import services
from bashke.api.models import TOKEN_PATTERN, ApiToken
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.models import Role


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def citizen_token(citizen):
    _token, plain = services.create_token(citizen, actor=citizen, name="my script")
    return plain


def assert_refused(response, *words, error=None):
    assert response.status_code == 401, response.content
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    for word in words:
        assert word in detail
    challenge = response["WWW-Authenticate"]
    assert challenge.startswith('Bearer realm="bashke"')
    assert (f'error="{error}"' in challenge) if error else ("error=" not in challenge)


# What is stored ------------------------------------------------------------------------------

def test_only_the_hash_of_a_token_is_stored(citizen):
    token, plain = services.create_token(citizen, actor=citizen, name=" my script ")
    assert TOKEN_PATTERN.match(plain)
    token.refresh_from_db()
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert token.token_hash != plain
    assert token.prefix == plain[:11] and plain.startswith("bk_")
    assert token.name == "my script"
    stored = [str(value) for value in ApiToken.objects.values_list().get(pk=token.pk)]
    assert not any(plain in value or plain[11:] in value for value in stored)


def test_tokens_differ_each_time(citizen):
    plains = {services.create_token(citizen, actor=None)[1] for _ in range(5)}
    assert len(plains) == 5


def test_creating_and_revoking_are_audited_without_the_secret(citizen, staff):
    token, plain = services.create_token(citizen, actor=staff, name="portal")
    services.revoke_token(token, actor=staff)
    services.revoke_token(token, actor=staff)  # again: nothing more to log
    entries = list(AuditEntry.objects.filter(object_type="api.apitoken").order_by("id"))
    assert [entry.action for entry in entries] == ["create", "update"]
    assert all(entry.actor == staff for entry in entries)
    assert entries[0].changes["name"] == [None, "portal"]
    assert entries[0].changes["user"] == [None, citizen.pk]
    assert entries[1].changes["revoked_at"][0] is None
    assert entries[1].changes["revoked_at"][1]
    for entry in entries:
        text = str(entry.changes) + entry.object_repr
        assert plain not in text and token.token_hash not in text


# GET /api/v1/me ------------------------------------------------------------------------------

def test_me_with_a_valid_token(client, citizen, citizen_token):
    response = client.get("/api/v1/me", **bearer(citizen_token))
    assert response.status_code == 200
    assert response.json() == {"id": citizen.pk, "display_name": "Citizen",
                               "sector": "citizen", "organisation": None, "roles": []}


def test_me_lists_roles_per_plan_and_the_organisation(client, plan, component, cso_member):
    plan_services.assign_role(plan, cso_member, Role.ASSESSOR, actor=None)
    plan_services.assign_role(plan, cso_member, Role.SECRETARIAT, actor=None,
                              component=component)
    _token, plain = services.create_token(cso_member, actor=None)
    data = client.get("/api/v1/me", **bearer(plain)).json()
    assert data["sector"] == "civil_society"
    assert data["organisation"] == {"slug": "qendra-per-shoqeri-te-hapur",
                                    "name": "Qendra për Shoqëri të Hapur", "acronym": ""}
    assert data["roles"] == [
        {"plan": "albania-2020-2022", "role": "assessor", "component": None},
        {"plan": "albania-2020-2022", "role": "secretariat", "component": "accessibility"},
    ]


def test_me_for_the_coordinator(client, coordinator):
    _token, plain = services.create_token(coordinator, actor=None)
    data = client.get("/api/v1/me", **bearer(plain)).json()
    assert data["display_name"] == "Coordinator"
    assert data["roles"] == [{"plan": "albania-2020-2022", "role": "coordinator",
                              "component": None}]


def test_last_use_is_noted_at_most_once_a_minute(client, citizen, citizen_token,
                                                 django_assert_num_queries):
    token = ApiToken.objects.get()
    assert token.last_used_at is None
    # the token with its user, the last-use update, the roles
    with django_assert_num_queries(3):
        assert client.get("/api/v1/me", **bearer(citizen_token)).status_code == 200
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    with django_assert_num_queries(2):
        assert client.get("/api/v1/me", **bearer(citizen_token)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == first_use


def test_me_without_a_header(client, db):
    assert_refused(client.get("/api/v1/me"), "Authentication required", "Bearer")


def test_me_with_an_unknown_token(client, citizen, citizen_token):
    other = "bk_" + ("A" * 43)
    assert other != citizen_token
    assert_refused(client.get("/api/v1/me", **bearer(other)), "Unknown token",
                   error="invalid_token")


def test_me_with_a_revoked_token(client, citizen, citizen_token):
    services.revoke_token(ApiToken.objects.get(), actor=citizen)
    assert_refused(client.get("/api/v1/me", **bearer(citizen_token)), "revoked",
                   citizen_token[:11], error="invalid_token")


def test_me_for_a_deactivated_account(client, citizen, citizen_token):
    citizen.is_active = False
    citizen.save()
    assert_refused(client.get("/api/v1/me", **bearer(citizen_token)), "deactivated",
                   error="invalid_token")


@pytest.mark.parametrize(("header", "words"), [
    ("Token {token}", ["Bearer scheme", "'Token'"]),
    ("Basic dXNlcjpwYXNz", ["Bearer scheme"]),
    ("{token}", ["Bearer scheme"]),
    ("Bearer", ["no token after 'Bearer'"]),
    ("Bearer    ", ["no token after 'Bearer'"]),
    ("Bearer {token} extra", ["Malformed token"]),
    ("Bearer not-a-token", ["Malformed token"]),
    ("Bearer {token}x", ["Malformed token"]),
])
def test_me_with_a_malformed_header(client, citizen_token, header, words):
    response = client.get("/api/v1/me",
                          HTTP_AUTHORIZATION=header.format(token=citizen_token))
    assert_refused(response, *words, error="invalid_request")


def test_bearer_scheme_is_case_insensitive(client, citizen_token):
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"bearer {citizen_token}")
    assert response.status_code == 200


def test_public_endpoints_ignore_a_bad_token(client, plan):
    response = client.get("/api/v1/plans", HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 200


# The createtoken command ---------------------------------------------------------------------

def run_createtoken(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("createtoken", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_createtoken_prints_a_working_token_once(client, citizen):
    out, err = run_createtoken("Citizen@Example.org", "--name", "data portal")
    plain = out.strip()
    assert out == plain + "\n"  # the token alone on standard output
    assert TOKEN_PATTERN.match(plain)
    assert "not shown again" in err and "citizen@example.org" in err and plain not in err
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.prefix) == (citizen, "data portal", plain[:11])
    assert token.token_hash != plain
    assert AuditEntry.objects.filter(object_type="api.apitoken", action="create",
                                     note__contains="createtoken").count() == 1
    assert client.get("/api/v1/me", **bearer(plain)).json()["id"] == citizen.pk


def test_createtoken_for_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user has the e-mail address 'nobody@example.org'"):
        run_createtoken("nobody@example.org")
    assert not ApiToken.objects.exists()


def test_createtoken_for_a_deactivated_user(citizen):
    citizen.is_active = False
    citizen.save()
    with pytest.raises(CommandError, match="deactivated"):
        run_createtoken(citizen.email)
    assert not ApiToken.objects.exists()


# The admin -----------------------------------------------------------------------------------

def test_admin_revokes_tokens_and_never_adds_or_deletes(client_for, staff, citizen,
                                                        citizen_token):
    token = ApiToken.objects.get()
    admin = client_for(staff)
    changelist = reverse("admin:api_apitoken_changelist")
    page = admin.get(changelist)
    assert page.status_code == 200
    assert token.prefix in page.content.decode()
    assert 'value="revoke"' in page.content.decode()
    assert admin.get(reverse("admin:api_apitoken_add")).status_code == 403

    change = admin.get(reverse("admin:api_apitoken_change", args=[token.pk])).content.decode()
    assert token.token_hash in change
    assert 'name="token_hash"' not in change  # shown, not editable

    response = admin.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(object_type="api.apitoken", action="update",
                                     actor=staff).count() == 1
    assert 'value="delete_selected"' not in page.content.decode()
    admin.post(changelist, {"action": "delete_selected", "_selected_action": [token.pk]})
    assert admin.post(reverse("admin:api_apitoken_delete", args=[token.pk]),
                      {"post": "yes"}).status_code == 403
    assert ApiToken.objects.filter(pk=token.pk).exists()
