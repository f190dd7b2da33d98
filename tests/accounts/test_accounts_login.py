from datetime import timedelta

import pytest
from accounts_helpers import assert_well_formed_page
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bashke.accounts import throttle
from bashke.accounts.models import LoginFailure

from personas import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.LOGIN_FAILURE_LIMIT = LIMIT
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 600


def log_in(client, email, password, ip="203.0.113.7", **extra):
    return client.post(reverse("accounts:login"), {"username": email, "password": password},
                       REMOTE_ADDR=ip, **extra)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_login_page_renders(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    page = assert_well_formed_page(response)
    assert [attrs["name"] for _tag, attrs in page.controls] == ["username", "password"]
    assert 'autocomplete="email"' in response.content.decode()


def test_login_with_email_in_any_case(client, citizen):
    response = log_in(client, "  CITIZEN@Example.org ", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)
    assert int(client.session["_auth_user_id"]) == citizen.pk


def test_wrong_password_is_refused_with_a_clear_message_and_keeps_the_address(client, citizen):
    response = log_in(client, "citizen@example.org", "wrong password")
    assert response.status_code == 200
    html = response.content.decode()
    assert "do not match an account" in html
    assert 'value="citizen@example.org"' in html
    assert "wrong password" not in html
    assert not logged_in(client)
    assert set(LoginFailure.objects.values_list("key", flat=True)) == {
        "email:citizen@example.org", "ip:203.0.113.7"}


def test_too_many_failures_refuse_even_the_right_password(client, citizen):
    for _ in range(LIMIT):
        assert log_in(client, "citizen@example.org", "wrong").status_code == 200
    response = log_in(client, "citizen@example.org", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    html = response.content.decode()
    assert "Too many failed attempts" in html
    assert "try again in 10 minutes" in html
    assert 'role="alert"' in html
    # The refused attempt was not checked, so it is not counted either.
    assert LoginFailure.objects.for_key("email:citizen@example.org").count() == LIMIT


def test_the_address_is_locked_from_every_connection(citizen):
    for number in range(LIMIT):
        log_in(Client(), "Citizen@example.org", "wrong", ip=f"198.51.100.{number}")
    response = log_in(Client(), "citizen@example.org", PASSWORD, ip="192.0.2.99")
    assert response.status_code == 429


def test_one_connection_trying_many_addresses_is_locked_too(client, citizen):
    for number in range(LIMIT):
        log_in(client, f"guess{number}@example.org", "wrong", ip="198.51.100.1")
    from_there = log_in(Client(), "citizen@example.org", PASSWORD, ip="198.51.100.1")
    assert from_there.status_code == 429
    elsewhere = Client()
    assert log_in(elsewhere, "citizen@example.org", PASSWORD, ip="198.51.100.2").status_code == 302
    assert logged_in(elsewhere)


def test_the_lock_lifts_when_the_window_has_passed(client, citizen):
    for _ in range(LIMIT):
        log_in(client, "citizen@example.org", "wrong")
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 429
    LoginFailure.objects.update(at=timezone.now() - timedelta(seconds=601))
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 302
    assert logged_in(client)


def test_wait_counts_from_the_oldest_failure_that_still_matters(citizen):
    now = timezone.now()
    keys = throttle.keys_for("citizen@example.org", "192.0.2.1")
    for minutes_ago in (9, 5, 2):
        LoginFailure.objects.create(key=keys[0])
        LoginFailure.objects.filter(at__gte=now - timedelta(seconds=1)).update(
            at=now - timedelta(minutes=minutes_ago))
    # The oldest of the three leaves the 10-minute window in one minute.
    assert throttle.seconds_until_allowed(keys, now=now) == 60
    assert throttle.seconds_until_allowed(keys[1:], now=now) == 0


def test_a_success_clears_the_failures_for_that_address_only(client, citizen):
    for _ in range(LIMIT - 1):
        log_in(client, "citizen@example.org", "wrong")
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 302
    assert not LoginFailure.objects.for_key("email:citizen@example.org").exists()
    assert LoginFailure.objects.for_key("ip:203.0.113.7").count() == LIMIT - 1
    # A fresh allowance: LIMIT - 1 more mistakes are not yet a lock-out for the address.
    other = Client()
    for number in range(LIMIT - 1):
        log_in(other, "citizen@example.org", "wrong", ip=f"192.0.2.{number}")
    assert log_in(other, "citizen@example.org", PASSWORD, ip="192.0.2.50").status_code == 302


def test_failures_are_counted_for_unknown_addresses_alike(client):
    for _ in range(LIMIT):
        log_in(client, "nobody@example.org", "wrong")
    assert log_in(client, "nobody@example.org", "wrong").status_code == 429


def test_behind_the_proxy_the_last_forwarded_address_is_the_client(settings, citizen):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for _ in range(LIMIT):
        # A forged first entry does not help: the proxy's own entry comes last.
        log_in(Client(), f"x{_}@example.org", "wrong", ip="10.0.0.1",
               HTTP_X_FORWARDED_FOR=f"1.2.3.{_}, 198.51.100.77")
    assert LoginFailure.objects.for_key("ip:198.51.100.77").count() == LIMIT
    locked = log_in(Client(), "citizen@example.org", PASSWORD, ip="10.0.0.1",
                    HTTP_X_FORWARDED_FOR="198.51.100.77")
    assert locked.status_code == 429
    # Someone else behind the same proxy is not locked out.
    other = log_in(Client(), "citizen@example.org", PASSWORD, ip="10.0.0.1",
                   HTTP_X_FORWARDED_FOR="198.51.100.78")
    assert other.status_code == 302


def test_old_failures_are_pruned(client):
    LoginFailure.objects.create(key="ip:192.0.2.200")
    LoginFailure.objects.update(at=timezone.now() - timedelta(days=1))
    log_in(client, "someone@example.org", "wrong")
    assert not LoginFailure.objects.for_key("ip:192.0.2.200").exists()


def test_admin_login_is_throttled_too(client, staff):
    url = reverse("admin:login")
    for _ in range(LIMIT):
        client.post(url, {"username": "staff@example.org", "password": "wrong"},
                    REMOTE_ADDR="192.0.2.3")
    response = client.post(url, {"username": "staff@example.org", "password": PASSWORD},
                           REMOTE_ADDR="192.0.2.4")
    assert "Too many failed attempts" in response.content.decode()
    assert not logged_in(client)


def test_logout_requires_post(client_for, citizen):
    client = client_for(citizen)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert logged_in(client)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not logged_in(client)


def test_logged_in_people_skip_the_login_page(client_for, citizen):
    assert client_for(citizen).get(reverse("accounts:login")).status_code == 302


def test_login_returns_to_the_page_asked_for(client, citizen):
    target = reverse("accounts:profile")
    response = client.post(f"{reverse('accounts:login')}?next={target}",
                           {"username": "citizen@example.org", "password": PASSWORD,
                            "next": target})
    assert response["Location"] == target


def test_when_locked_the_password_is_not_even_checked(client, citizen, monkeypatch):
    for _ in range(LIMIT):
        log_in(client, "citizen@example.org", "wrong")

    def must_not_run(*args, **kwargs):
        raise AssertionError("authenticate() ran while the address was locked")

    monkeypatch.setattr("django.contrib.auth.forms.authenticate", must_not_run)
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 429
