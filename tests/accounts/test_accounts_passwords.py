import pytest
from accounts_helpers import assert_well_formed_page, link_in_last_mail, path_of
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bashke.accounts import services
from bashke.accounts.models import LoginFailure, User
from bashke.core.models import AuditEntry

from personas import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "plum-orchard-lantern-77"


def ask_for_reset(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def test_reset_page_renders(client):
    response = client.get(reverse("accounts:password_reset"))
    assert response.status_code == 200
    assert_well_formed_page(response)


def test_reset_mail_is_sent_and_its_link_sets_a_new_password(client, citizen):
    response = ask_for_reset(client, "Citizen@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["citizen@example.org"]
    # Written in the person's own language (Albanian unless they chose otherwise).
    assert citizen.preferred_language == "sq"
    assert message.subject == "Zgjidhni një fjalëkalim të ri për Bashkë"

    link = path_of(link_in_last_mail())
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    assert_well_formed_page(form_page)
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(set_password_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")

    citizen.refresh_from_db()
    assert citizen.check_password(NEW)
    assert not citizen.check_password(PASSWORD)
    entry = AuditEntry.objects.filter(object_id=str(citizen.pk)).latest("id")
    assert entry.note == "Password reset through an e-mail link."
    assert "password" not in entry.changes

    # The link works once.
    again = client.get(link, follow=True)
    assert not again.context["validlink"]
    # The link is in the person's language, Albanian here.
    assert "nuk funksionon më" in again.content.decode()


def test_reset_link_proves_the_address_and_lifts_its_lock(client, citizen):
    User.objects.filter(pk=citizen.pk).update(email_verified=False)
    for ip in ("192.0.2.1", "198.51.100.2"):
        LoginFailure.objects.create(email="citizen@example.org", ip=ip)
    ask_for_reset(client, "citizen@example.org")
    form_page = client.get(path_of(link_in_last_mail()), follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    citizen.refresh_from_db()
    assert citizen.email_verified
    assert not LoginFailure.objects.filter(email="citizen@example.org").exists()


def test_weak_new_password_is_refused(client, citizen):
    ask_for_reset(client, "citizen@example.org")
    form_page = client.get(path_of(link_in_last_mail()), follow=True)
    response = client.post(form_page.redirect_chain[-1][0],
                           {"new_password1": "12345678901", "new_password2": "12345678901"})
    assert response.status_code == 200
    codes = [error.code for error in response.context["form"].errors.as_data()["new_password1"]]
    assert "password_entirely_numeric" in codes
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = ask_for_reset(client, "nobody@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_reset_mails_are_rate_limited_per_person(client, citizen):
    ask_for_reset(client, "citizen@example.org")
    ask_for_reset(client, "citizen@example.org")
    assert len(mail.outbox) == 1
    User.objects.filter(pk=citizen.pk).update(
        password_reset_sent_at=timezone.now() - services.MAIL_RESEND_INTERVAL)
    ask_for_reset(client, "citizen@example.org")
    assert len(mail.outbox) == 2


def test_reset_mail_is_in_the_persons_language(client, citizen):
    User.objects.filter(pk=citizen.pk).update(preferred_language="sq")
    ask_for_reset(client, "citizen@example.org")
    assert "/sq/accounts/password/reset/" in mail.outbox[0].body


def test_malformed_address_is_explained(client):
    response = ask_for_reset(client, "not an address")
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert 'value="not an address"' in response.content.decode()


def test_password_change_for_logged_in_people(client_for, citizen):
    client = client_for(citizen)
    url = reverse("accounts:password_change")
    page = client.get(url)
    assert page.status_code == 200
    assert_well_formed_page(page)

    wrong = client.post(url, {"old_password": "nope", "new_password1": NEW,
                              "new_password2": NEW})
    assert "old password was entered incorrectly" in wrong.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)

    response = client.post(url, {"old_password": PASSWORD, "new_password1": NEW,
                                 "new_password2": NEW})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    citizen.refresh_from_db()
    assert citizen.check_password(NEW)
    # Still logged in: the session was moved to the new password.
    assert client.get(reverse("accounts:profile")).status_code == 200
    entry = AuditEntry.objects.filter(object_id=str(citizen.pk)).latest("id")
    assert (entry.note, entry.actor) == ("Password changed.", citizen)


def test_password_change_needs_a_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
