import pytest
from django.urls import reverse

from bashke.accounts.models import LoginFailure, Organisation, Sector, User
from bashke.core.models import AuditEntry

from personas import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client_for, staff):
    return client_for(staff)


@pytest.mark.parametrize("url_name", [
    "admin:accounts_user_changelist", "admin:accounts_user_add",
    "admin:accounts_organisation_changelist", "admin:accounts_organisation_add",
    "admin:accounts_loginfailure_changelist",
])
def test_admin_pages_render(admin_client, cso_member, url_name):
    LoginFailure.objects.create(email="someone@example.org", ip="192.0.2.1")
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_user_change_page_has_no_username_and_lists_no_gender(admin_client, cso_member):
    change = admin_client.get(reverse("admin:accounts_user_change", args=[cso_member.pk]))
    assert change.status_code == 200
    html = change.content.decode()
    assert 'name="username"' not in html
    assert 'name="email"' in html and 'name="display_name"' in html
    listing = admin_client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "ngo@example.org" in listing
    assert "column-gender" not in listing


def test_staff_add_a_person_by_email(admin_client):
    response = admin_client.post(reverse("admin:accounts_user_add"), {
        "email": "New.Person@Example.org", "display_name": "New Person",
        "usable_password": "true", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302, response.context["adminform"].form.errors
    person = User.objects.get(email="new.person@example.org")
    assert person.check_password(PASSWORD)
    entry = AuditEntry.objects.get(object_type="accounts.user", object_id=str(person.pk))
    assert "password" not in entry.changes
    assert "display_name" not in entry.public_changes()


def test_admin_edits_are_audited(admin_client, staff):
    organisation = Organisation.objects.create(name="Mjaft", sector=Sector.CIVIL_SOCIETY)
    response = admin_client.post(
        reverse("admin:accounts_organisation_change", args=[organisation.pk]),
        {"name": "Lëvizja Mjaft", "slug": organisation.slug, "acronym": "",
         "sector": Sector.CIVIL_SOCIETY, "description": "", "website": ""})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_type="accounts.organisation")
    assert entry.actor == staff
    assert entry.changes["name"] == ["Mjaft", "Lëvizja Mjaft"]
    assert entry.scope == organisation.audit_scope
    organisation.refresh_from_db()
    assert organisation.name_key == "lëvizja mjaft"


def test_login_failures_are_read_only(admin_client):
    failure = LoginFailure.objects.create(email="someone@example.org", ip="192.0.2.1")
    change_url = reverse("admin:accounts_loginfailure_change", args=[failure.pk])
    page = admin_client.get(change_url)
    assert page.status_code == 200
    assert 'name="email"' not in page.content.decode()  # shown, not editable
    admin_client.post(change_url, {"email": "other@example.org"})
    failure.refresh_from_db()
    assert failure.email == "someone@example.org"
    assert admin_client.get(reverse("admin:accounts_loginfailure_add")).status_code == 403
