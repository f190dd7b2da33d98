"""The accounts admin saves organisations through accounts.services, like every other admin:
the services' checks become form errors, never a failed save (500)."""

import pytest
from django.urls import reverse

from bashke.accounts.models import Organisation, Sector, User
from bashke.accounts.services import create_organisation
from bashke.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {"name": "Qendra Ligjore", "slug": "", "acronym": "", "sector": Sector.CIVIL_SOCIETY,
            "description": "", "website": ""}
    data.update(changes)
    return data


@pytest.fixture
def listed(staff):
    return create_organisation(actor=staff, name="Qendra Ligjore", sector=Sector.CIVIL_SOCIETY)


def test_adding_a_name_listed_in_other_letter_case_is_a_form_error(client_for, staff, listed):
    response = client_for(staff).post(reverse("admin:accounts_organisation_add"),
                                      form(name="QENDRA  LIGJORE", slug="qendra-ligjore-2"))
    assert response.status_code == 200
    assert "already listed" in str(response.context["adminform"].form.errors["name"])
    assert Organisation.objects.count() == 1


def test_renaming_onto_another_listed_name_is_a_form_error(client_for, staff, listed):
    other = create_organisation(actor=staff, name="Mjaft", sector=Sector.CIVIL_SOCIETY)
    response = client_for(staff).post(
        reverse("admin:accounts_organisation_change", args=[other.pk]),
        form(name="qendra ligjore", slug=other.slug))
    assert response.status_code == 200
    assert "already listed" in str(response.context["adminform"].form.errors["name"])
    other.refresh_from_db()
    assert other.name == "Mjaft"


def test_an_organisation_added_in_the_admin_goes_through_the_service(client_for, staff):
    response = client_for(staff).post(reverse("admin:accounts_organisation_add"),
                                      form(name="  Lëvizja   Mjaft ", slug="levizja-mjaft"))
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    # The service's tidying of the name, and its audit entry with the organisation's scope.
    assert organisation.name == "Lëvizja Mjaft" and organisation.slug == "levizja-mjaft"
    entry = AuditEntry.objects.get(object_type="accounts.organisation")
    assert entry.actor == staff and entry.scope == organisation.audit_scope


def test_renaming_the_same_organisation_in_other_letter_case_is_allowed(client_for, staff,
                                                                        listed):
    response = client_for(staff).post(
        reverse("admin:accounts_organisation_change", args=[listed.pk]),
        form(name="QENDRA LIGJORE", slug=listed.slug))
    assert response.status_code == 302
    listed.refresh_from_db()
    assert listed.name == "QENDRA LIGJORE"


def test_staff_without_a_role_may_not_correct_a_listing(client_for, staff_without_role, listed):
    browser = client_for(staff_without_role)
    response = browser.post(reverse("admin:accounts_organisation_change", args=[listed.pk]),
                            form(name="Taken over", slug=listed.slug))
    assert response.status_code in (302, 403)
    listed.refresh_from_db()
    assert listed.name == "Qendra Ligjore"


def test_an_address_taken_in_other_letter_case_is_a_form_error(client_for, staff, citizen):
    from personas import PASSWORD

    response = client_for(staff).post(reverse("admin:accounts_user_add"), {
        "email": "CITIZEN@Example.org", "display_name": "Twin", "usable_password": "true",
        "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    assert "already exists" in str(response.context["adminform"].form.errors["email"])
    assert not User.objects.filter(display_name="Twin").exists()


def test_giving_admin_access_goes_through_the_service_and_is_audited(client_for, staff,
                                                                     citizen):
    browser = client_for(staff)
    page = browser.get(reverse("admin:accounts_user_change", args=[citizen.pk]))
    data = {name: value for name, value in page.context["adminform"].form.initial.items()
            if value is not None and name not in {"password", "groups", "user_permissions",
                                                  "last_login", "date_joined"}}
    data.update(is_staff="on", is_active="on", email_verified="on")
    for name in ("is_superuser",):
        data.pop(name, None)
    response = browser.post(reverse("admin:accounts_user_change", args=[citizen.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    citizen.refresh_from_db()
    assert citizen.is_staff
    entry = AuditEntry.objects.filter(object_type="accounts.user",
                                      object_id=str(citizen.pk)).latest("pk")
    assert entry.actor == staff and entry.changes["is_staff"] == [False, True]
