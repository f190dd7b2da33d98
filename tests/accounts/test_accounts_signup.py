import time

import pytest
from accounts_helpers import assert_well_formed_page, link_in_last_mail, path_of
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from bashke.accounts import services, tokens
from bashke.accounts.models import PERSONAL_FIELDS, Gender, Sector, User
from bashke.core.models import AuditEntry

from personas import PASSWORD

pytestmark = pytest.mark.django_db

STRONG = "lumpy-violet-harbour-42"


def signup_data(**overrides):
    data = {
        "email": "Ana.Hoxha@Example.org",
        "display_name": "Ana Hoxha",
        "password1": STRONG,
        "password2": STRONG,
        "organisation": "",
        "sector": Sector.CIVIL_SOCIETY,
        "gender": Gender.WOMAN,
    }
    data.update(overrides)
    return data


def sign_up(client, **overrides):
    return client.post(reverse("accounts:signup"), signup_data(**overrides))


# Happy path -----------------------------------------------------------------------------------

def test_signup_page_renders_with_labels_and_explains_gender(client):
    response = client.get(reverse("accounts:signup"))
    assert response.status_code == 200
    assert_well_formed_page(response)
    html = response.content.decode()
    assert "never shown next to your name" in html
    assert 'aria-describedby="id_gender_helptext"' in html


def test_signup_creates_account_logs_in_and_mails_a_link(client, cso):
    response = sign_up(client, organisation=str(cso.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")

    user = User.objects.get()
    assert user.email == "ana.hoxha@example.org"  # stored in the one spelling
    assert user.display_name == "Ana Hoxha"
    assert user.organisation == cso
    assert user.gender == Gender.WOMAN
    assert user.preferred_language == "en"  # the language the form was filled in
    assert user.check_password(STRONG)
    assert not user.email_verified
    assert client.get(reverse("accounts:profile")).context["user"] == user

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana.hoxha@example.org"]
    assert message.subject == "Confirm your e-mail address for Bashkë"
    assert "Hello Ana Hoxha" in message.body
    assert "http://testserver/en/accounts/verify/" in message.body
    # The signed payload is readable by anyone who sees the URL: it must not hold the address.
    token = link_in_last_mail().split("/verify/")[1].strip("/")
    payload = signing.loads(token, salt=tokens.VERIFICATION_SALT)
    assert "example.org" not in str(payload)


def test_signup_is_audited_without_the_password_hash_or_public_personal_data(client):
    sign_up(client)
    user = User.objects.get()
    entry = AuditEntry.objects.get(object_type="accounts.user", action="create")
    assert entry.actor == user
    assert entry.scope == ""
    assert entry.object_repr == f"user #{user.pk}"
    assert "password" not in entry.changes
    assert entry.changes["email"] == [None, "ana.hoxha@example.org"]
    public = entry.public_changes()
    assert set(PERSONAL_FIELDS) & set(public) == set()
    assert public["sector"] == [None, Sector.CIVIL_SOCIETY]


def test_verification_link_marks_the_address_verified(client):
    sign_up(client)
    url = path_of(link_in_last_mail())
    anonymous = client.__class__()
    response = anonymous.get(url)
    assert response.status_code == 200
    assert "your e-mail address is confirmed" in response.content.decode()
    assert_well_formed_page(response)
    user = User.objects.get()
    assert user.email_verified
    assert AuditEntry.objects.filter(object_id=str(user.pk), action="update",
                                     changes__email_verified=[False, True]).exists()
    # Following it again is harmless and says so.
    again = anonymous.get(url)
    assert again.status_code == 200
    assert "already confirmed" in again.content.decode()


def test_verification_mail_is_in_the_persons_language(client):
    client.post("/sq/accounts/signup/", signup_data())
    user = User.objects.get()
    assert user.preferred_language == "sq"
    assert "/sq/accounts/verify/" in mail.outbox[0].body


# Refused links --------------------------------------------------------------------------------

def test_expired_verification_link_is_refused(client, citizen, monkeypatch):
    User.objects.filter(pk=citizen.pk).update(email_verified=False)
    long_ago = time.time() - tokens.VERIFICATION_MAX_AGE.total_seconds() - 60
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: long_ago)
        token = tokens.verification_token(citizen)
    response = client.get(reverse("accounts:verify_email", args=[token]))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    citizen.refresh_from_db()
    assert not citizen.email_verified


@pytest.mark.parametrize("tamper", [
    lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
    lambda token: token.replace(token.split(":")[0], token.split(":")[0][::-1], 1),
    lambda token: "nonsense",
])
def test_tampered_verification_link_is_refused(client, citizen, tamper):
    User.objects.filter(pk=citizen.pk).update(email_verified=False)
    citizen.refresh_from_db()
    token = tokens.verification_token(citizen)
    response = client.get(reverse("accounts:verify_email", args=[tamper(token)]))
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    citizen.refresh_from_db()
    assert not citizen.email_verified


def test_link_for_another_address_or_purpose_is_refused(client, citizen):
    User.objects.filter(pk=citizen.pk).update(email_verified=False)
    old_address_token = tokens.verification_token(citizen)
    User.objects.filter(pk=citizen.pk).update(email="new-address@example.org")
    citizen.refresh_from_db()
    genuine = signing.loads(tokens.verification_token(citizen), salt=tokens.VERIFICATION_SALT)
    wrong_salt = signing.dumps(genuine)
    for token in (old_address_token, wrong_salt):
        response = client.get(reverse("accounts:verify_email", args=[token]))
        assert response.status_code == 400
    citizen.refresh_from_db()
    assert not citizen.email_verified


# Bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"email": "CITIZEN@example.ORG"}, "email",
     "An account with this e-mail address already exists"),
    ({"password1": "password123", "password2": "password123"}, "password1",
     "This password is too common"),
    ({"password1": "short", "password2": "short"}, "password1", "This password is too short"),
    ({"password2": STRONG + "x"}, "password2", "The two password fields didn’t match"),
    ({"email": "ana.hoxha@"}, "email", "Enter a valid email address"),
    ({"display_name": "A" * 151}, "display_name", "at most 150 characters"),
    ({"display_name": "   "}, "display_name", "This field is required"),
    ({"sector": "aliens"}, "sector", "Select a valid choice"),
])
def test_bad_input_is_explained_next_to_its_field_and_creates_nothing(
        client, citizen, overrides, field, message):
    response = sign_up(client, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html  # the list tied to the input by aria-describedby
    assert "nothing has been saved yet" in html
    assert User.objects.count() == 1  # only the citizen persona
    assert not AuditEntry.objects.filter(action="create", object_type="accounts.user").exclude(
        object_id=str(citizen.pk)).exists()
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session


def test_what_was_typed_is_kept_except_passwords(client, citizen):
    response = sign_up(client, email="citizen@example.org", display_name="Ana <b>Hoxha</b>")
    html = response.content.decode()
    assert 'value="Ana &lt;b&gt;Hoxha&lt;/b&gt;"' in html
    assert STRONG not in html
    assert f'<option value="{Gender.WOMAN}" selected>' in html


def test_weak_password_validators_read_the_persons_details(client):
    response = sign_up(client, email="ana.hoxha.tirana@example.org",
                       password1="ana.hoxha.tirana", password2="ana.hoxha.tirana")
    assert "too similar to the e-mail address" in str(response.context["form"].errors)
    assert not User.objects.exists()


def test_a_race_on_the_same_address_still_creates_one_account(citizen):
    # The form's check passed for both; the database constraint decides for the second.
    with pytest.raises(services.ValidationError) as raised:
        services.sign_up(actor=None, email="Citizen@Example.org", password=STRONG,
                         display_name="Twin", site_root="http://x")
    assert "email" in raised.value.error_dict
    assert User.objects.filter(email__iexact="citizen@example.org").count() == 1


def test_logged_in_people_are_sent_to_their_profile(client_for, citizen):
    response = client_for(citizen).get(reverse("accounts:signup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")


# Asking again ---------------------------------------------------------------------------------

def test_unverified_profile_shows_banner_and_resend_is_rate_limited(client_for):
    person = User.objects.create_user(email="late@example.org", password=PASSWORD,
                                      display_name="Late Reader")
    client = client_for(person)
    page = client.get(reverse("accounts:profile"))
    assert "Please confirm your e-mail address" in page.content.decode()
    assert reverse("accounts:resend_verification") in page.content.decode()

    first = client.post(reverse("accounts:resend_verification"), follow=True)
    assert "We have sent the e-mail again" in first.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["late@example.org"]

    second = client.post(reverse("accounts:resend_verification"), follow=True)
    assert "ask again in 5 minutes" in second.content.decode()
    assert "you can ask for another in 5 minutes" in second.content.decode()
    assert len(mail.outbox) == 1

    User.objects.filter(pk=person.pk).update(
        verification_sent_at=timezone.now() - services.MAIL_RESEND_INTERVAL)
    client.post(reverse("accounts:resend_verification"))
    assert len(mail.outbox) == 2


def test_resend_needs_post_and_a_login(client, client_for, citizen):
    url = reverse("accounts:resend_verification")
    assert client_for(citizen).get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert mail.outbox == []


def test_verified_people_see_no_banner(client_for, citizen):
    html = client_for(citizen).get(reverse("accounts:profile")).content.decode()
    assert "Please confirm your e-mail address" not in html
    assert "confirmed" in html
