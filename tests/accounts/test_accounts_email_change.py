"""Changing the e-mail address: a link to the new address, the change only when it is
followed, the old address told."""

import datetime

import pytest
from accounts_helpers import assert_well_formed_page, link_in_last_mail, path_of
from django.core import mail
from django.test import Client
from django.urls import reverse

from bashke.accounts import tokens
from bashke.accounts.models import User
from bashke.core.models import AuditEntry

from personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def english_path(url):
    # The link comes in its recipient's language (Albanian here); the checks read English.
    return path_of(url).replace("/sq/", "/en/", 1)


def ask(client, email, password=PASSWORD):
    return client.post(reverse("accounts:change_email"), {"email": email, "password": password})


def test_change_page_asks_for_the_address_and_password(client_for, citizen):
    page = client_for(citizen).get(reverse("accounts:change_email"))
    assert page.status_code == 200
    form = assert_well_formed_page(page)
    assert [attrs["name"] for _tag, attrs in form.controls] == ["email", "password"]


def test_change_needs_a_login(client):
    assert client.get(reverse("accounts:change_email")).status_code == 302


def test_the_address_changes_only_when_the_link_is_followed(client_for, citizen):
    client = client_for(citizen)
    response = ask(client, "  New.Address@Example.org ")
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.org"
    assert citizen.pending_email == "new.address@example.org"
    assert mail.outbox[-1].to == ["new.address@example.org"]
    assert "citizen@example.org" not in mail.outbox[-1].body
    link = english_path(link_in_last_mail())
    # The profile says a link is waiting.
    assert "new.address@example.org" in client.get(reverse("accounts:profile")).content.decode()

    # Opening the link (as a mail scanner would) changes nothing: a button does.
    stranger = Client()
    page = stranger.get(link)
    assert page.status_code == 200
    assert_well_formed_page(page)
    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.org"
    done = stranger.post(link)
    assert done.status_code == 200
    assert "has been changed" in done.content.decode()
    citizen.refresh_from_db()
    assert (citizen.email, citizen.pending_email, citizen.email_verified) == (
        "new.address@example.org", "", True)
    # The old address is told, the new one is the login now.
    notice = mail.outbox[-1]
    assert notice.to == ["citizen@example.org"]
    assert "new.address@example.org" in notice.body
    assert Client().login(username="new.address@example.org", password=PASSWORD)
    assert not Client().login(username="citizen@example.org", password=PASSWORD)
    # Audited with the addresses kept private.
    entry = AuditEntry.objects.filter(object_type="accounts.user",
                                      object_id=str(citizen.pk)).newest_first().first()
    assert entry.changes["email"] == ["citizen@example.org", "new.address@example.org"]
    assert "email" in entry.personal_fields and "pending_email" in entry.personal_fields
    # The link works once.
    again = Client().post(link)
    assert again.status_code == 400


def test_a_wrong_password_sends_nothing(client_for, citizen):
    response = ask(client_for(citizen), "new@example.org", password="not it")
    assert response.status_code == 200
    assert "The password is not right" in response.content.decode()
    assert 'value="new@example.org"' in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.pending_email == "" and not mail.outbox


@pytest.mark.parametrize("taken", ["cso@example.org", "CSO@Example.ORG"])
def test_an_address_of_another_account_is_refused_in_any_case(client_for, citizen, taken):
    make_user("cso@example.org", "Someone")
    response = ask(client_for(citizen), taken)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.pending_email == "" and not mail.outbox


def test_the_same_address_in_other_letters_is_not_a_change(client_for, citizen):
    response = ask(client_for(citizen), "CITIZEN@example.org")
    assert "already the address of your account" in response.content.decode()
    assert not mail.outbox


def test_an_address_taken_before_the_link_is_followed_is_refused(client_for, citizen):
    ask(client_for(citizen), "new@example.org")
    link = english_path(link_in_last_mail())
    make_user("NEW@example.org", "Quicker")
    response = Client().post(link)
    assert response.status_code == 409
    assert "used by another account" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.org"


def test_an_expired_link_is_refused(client_for, citizen, monkeypatch):
    ask(client_for(citizen), "new@example.org")
    link = english_path(link_in_last_mail())
    monkeypatch.setattr(tokens, "EMAIL_CHANGE_MAX_AGE", datetime.timedelta(seconds=-1))
    response = Client().post(link)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.org"


@pytest.mark.parametrize("tamper", [
    lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
    lambda token: "not-a-token",
])
def test_a_forged_link_is_refused(client_for, citizen, tamper):
    ask(client_for(citizen), "new@example.org")
    token = tokens.email_change_token(User.objects.get(pk=citizen.pk))
    response = Client().post(reverse("accounts:confirm_email_change",
                                     kwargs={"token": tamper(token)}))
    assert response.status_code == 400
    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.org"


def test_a_verification_link_cannot_change_the_address(client_for, citizen):
    ask(client_for(citizen), "new@example.org")
    other_salt = tokens.verification_token(citizen)
    response = Client().post(reverse("accounts:confirm_email_change",
                                     kwargs={"token": other_salt}))
    assert response.status_code == 400


def test_a_newer_request_voids_the_older_link(client_for, citizen):
    client = client_for(citizen)
    ask(client, "first@example.org")
    first = english_path(link_in_last_mail())
    ask(client, "second@example.org")
    assert Client().post(first).status_code == 400
    Client().post(english_path(link_in_last_mail()))
    citizen.refresh_from_db()
    assert citizen.email == "second@example.org"
