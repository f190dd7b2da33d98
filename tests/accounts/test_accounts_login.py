from datetime import timedelta

import pytest
from accounts_helpers import assert_well_formed_page, link_in_last_mail, path_of
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
    assert list(LoginFailure.objects.values_list("email", "ip")) == [
        ("citizen@example.org", "203.0.113.7")]


def fail(times, email="citizen@example.org", ip="203.0.113.7"):
    for _ in range(times):
        assert log_in(Client(), email, "wrong", ip=ip).status_code == 200


def age_failures(seconds):
    LoginFailure.objects.update(at=timezone.now() - timedelta(seconds=seconds))


def test_after_the_free_failures_even_the_right_password_waits_a_minute(client, citizen):
    fail(LIMIT)
    response = log_in(client, "citizen@example.org", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    html = response.content.decode()
    assert "Too many failed attempts" in html
    assert "try again in 1 minute" in html
    assert 'role="alert"' in html
    # The refused attempt was not checked, so it is not counted either.
    assert LoginFailure.objects.count() == LIMIT
    age_failures(61)
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 302


def test_each_further_failure_doubles_the_wait_up_to_an_hour(citizen):
    assert [throttle.pair_delay(n).total_seconds() for n in range(LIMIT - 1, LIMIT + 4)] == [
        0, 60, 120, 240, 480]
    assert throttle.pair_delay(LIMIT + 50) == throttle.MAX_DELAY == timedelta(hours=1)
    fail(LIMIT)
    age_failures(61)
    fail(1)  # allowed again after the first minute, and wrong again: two minutes now
    assert throttle.seconds_until_allowed("citizen@example.org", "203.0.113.7") in (119, 120)


def test_failures_from_elsewhere_never_lock_the_owner_out(client, citizen):
    # An attacker who knows the address guesses from many connections…
    for number in range(5):
        fail(LIMIT, ip=f"198.51.100.{number}")
        throttle.record_failure("citizen@example.org", f"198.51.100.{number}")
    # …and is slowed down there, while the owner logs in from their own connection.
    assert log_in(Client(), "citizen@example.org", PASSWORD,
                  ip="198.51.100.1").status_code == 429
    assert log_in(client, "citizen@example.org", PASSWORD, ip="192.0.2.99").status_code == 302
    assert logged_in(client)


def test_an_office_behind_one_address_keeps_working(client, citizen):
    # Colleagues behind one NAT mistype their own passwords, several times each…
    for number in range(10):
        fail(LIMIT - 1, email=f"colleague{number}@example.org", ip="198.51.100.50")
    assert LoginFailure.objects.from_ip("198.51.100.50").count() == 10 * (LIMIT - 1)
    # …far under the generous ceiling, so nobody else there is held up.
    assert throttle.seconds_until_allowed("x@example.org", "198.51.100.50") == 0
    assert log_in(client, "citizen@example.org", PASSWORD, ip="198.51.100.50").status_code == 302


def test_one_address_guessing_many_accounts_meets_the_ceiling(client, settings, citizen):
    settings.LOGIN_FAILURE_IP_LIMIT = 6
    for number in range(6):
        fail(1, email=f"guess{number}@example.org", ip="198.51.100.1")
    from_there = log_in(Client(), "citizen@example.org", PASSWORD, ip="198.51.100.1")
    assert from_there.status_code == 429
    assert "try again in 10 minutes" in from_there.content.decode()
    elsewhere = Client()
    assert log_in(elsewhere, "citizen@example.org", PASSWORD, ip="198.51.100.2").status_code == 302
    assert logged_in(elsewhere)
    # The ceiling counts a window (10 minutes here): it lifts as the failures age.
    age_failures(601)
    assert log_in(Client(), "citizen@example.org", PASSWORD,
                  ip="198.51.100.1").status_code == 302


def test_a_success_clears_the_failures_of_that_pair_only(client, citizen):
    fail(LIMIT - 1)
    fail(LIMIT - 1, ip="198.51.100.9")
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 302
    assert not LoginFailure.objects.for_pair("citizen@example.org", "203.0.113.7").exists()
    assert LoginFailure.objects.for_pair("citizen@example.org", "198.51.100.9").count() == LIMIT - 1


def test_failures_are_counted_for_unknown_addresses_alike(client):
    fail(LIMIT, email="nobody@example.org")
    assert log_in(client, "nobody@example.org", "wrong").status_code == 429


def test_the_address_is_counted_in_any_letter_case(client, citizen):
    fail(LIMIT, email="  Citizen@EXAMPLE.org ")
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 429


def test_behind_the_proxy_a_forged_forwarded_address_does_not_bypass(settings, citizen):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for number in range(LIMIT):
        # A forged first entry changes nothing: the proxy's own entry comes last.
        log_in(Client(), "citizen@example.org", "wrong", ip="10.0.0.1",
               HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 198.51.100.77")
    assert LoginFailure.objects.for_pair("citizen@example.org", "198.51.100.77").count() == LIMIT
    locked = log_in(Client(), "citizen@example.org", PASSWORD, ip="10.0.0.1",
                    HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.77")
    assert locked.status_code == 429
    # The owner behind the same proxy, at another address, is not held up.
    other = log_in(Client(), "citizen@example.org", PASSWORD, ip="10.0.0.1",
                   HTTP_X_FORWARDED_FOR="198.51.100.78")
    assert other.status_code == 302


def test_without_the_proxy_setting_forwarded_headers_are_ignored(citizen):
    for number in range(LIMIT):
        log_in(Client(), "citizen@example.org", "wrong", ip="203.0.113.7",
               HTTP_X_FORWARDED_FOR=f"1.2.3.{number}")
    assert set(LoginFailure.objects.values_list("ip", flat=True)) == {"203.0.113.7"}
    assert log_in(Client(), "citizen@example.org", PASSWORD, ip="203.0.113.7",
                  HTTP_X_FORWARDED_FOR="5.6.7.8").status_code == 429


def test_the_owner_can_reset_the_password_while_throttled_and_the_reset_clears_it(
        client, citizen, mailoutbox):
    fail(LIMIT)
    for _ in range(3):
        throttle.record_failure("citizen@example.org", "203.0.113.7")
    assert log_in(client, "citizen@example.org", PASSWORD).status_code == 429
    response = client.post(reverse("accounts:password_reset"), {"email": "citizen@example.org"},
                           REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = path_of(link_in_last_mail())
    form_page = client.get(link, follow=True)
    new = "a new and long passphrase 42"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert not LoginFailure.objects.filter(email="citizen@example.org").exists()
    assert log_in(client, "citizen@example.org", new).status_code == 302


def test_staff_see_every_throttle_in_force(admin_client, settings, citizen):
    settings.LOGIN_FAILURE_IP_LIMIT = 2 * LIMIT
    fail(LIMIT, ip="198.51.100.3")
    fail(LIMIT, email="other@example.org", ip="198.51.100.3")
    fail(1, ip="198.51.100.4")  # one typo: not a throttle
    lockouts = throttle.current_lockouts()
    assert {(lock.kind, lock.email, lock.ip) for lock in lockouts} == {
        ("pair", "citizen@example.org", "198.51.100.3"),
        ("pair", "other@example.org", "198.51.100.3"),
        ("ip", "", "198.51.100.3")}
    page = admin_client.get(reverse("admin:accounts_loginfailure_changelist"))
    html = page.content.decode()
    assert "Throttles in force now" in html
    assert html.count("198.51.100.3") >= 3 and "citizen@example.org" in html


def test_old_failures_are_pruned(citizen):
    LoginFailure.objects.create(email="a@example.org", ip="192.0.2.200")
    age_failures(25 * 3600)
    LoginFailure.objects.create(email="a@example.org", ip="192.0.2.200")
    assert throttle.prune(timezone.now()) == 1
    assert LoginFailure.objects.count() == 1


def test_admin_login_is_throttled_too(client, staff):
    url = reverse("admin:login")
    for _ in range(LIMIT):
        client.post(url, {"username": "staff@example.org", "password": "wrong"},
                    REMOTE_ADDR="192.0.2.3")
    response = client.post(url, {"username": "staff@example.org", "password": PASSWORD},
                           REMOTE_ADDR="192.0.2.3")
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
