import pytest
from accounts_helpers import assert_well_formed_page
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from bashke.accounts import services
from bashke.accounts.models import PERSONAL_FIELDS, Gender, Sector, User
from bashke.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def profile_data(user, **overrides):
    data = {
        "display_name": user.display_name,
        "organisation": str(user.organisation_id or ""),
        "sector": user.sector,
        "gender": user.gender,
        "preferred_language": user.preferred_language,
    }
    data.update(overrides)
    return data


def test_profile_needs_a_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_profile_page_shows_the_form_filled_in(client_for, cso_member):
    response = client_for(cso_member).get(reverse("accounts:profile"))
    assert response.status_code == 200
    page = assert_well_formed_page(response)
    assert page.values["display_name"] == "NGO Member"
    assert f'<option value="{cso_member.organisation_id}" selected>' in response.content.decode()
    assert "ngo@example.org" in response.content.decode()


def test_profile_edit_is_saved_and_audited_with_personal_fields_kept_private(
        client_for, citizen, cso):
    response = client_for(citizen).post(reverse("accounts:profile"), profile_data(
        citizen, display_name="Citizen Renamed", organisation=str(cso.pk),
        sector=Sector.CIVIL_SOCIETY, gender=Gender.OTHER, preferred_language="en"))
    assert response.status_code == 302

    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.organisation, citizen.sector, citizen.gender,
            citizen.preferred_language) == ("Citizen Renamed", cso, Sector.CIVIL_SOCIETY,
                                             Gender.OTHER, "en")

    entry = AuditEntry.objects.filter(object_type="accounts.user",
                                      object_id=str(citizen.pk)).latest("id")
    assert entry.actor == citizen
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.changes["display_name"] == ["Citizen", "Citizen Renamed"]
    assert entry.changes["gender"] == ["", Gender.OTHER]
    assert set(PERSONAL_FIELDS) <= set(entry.personal_fields)
    public = entry.public_changes()
    assert "display_name" not in public
    assert "gender" not in public
    assert public["organisation"] == [None, cso.pk]
    assert public["sector"] == [Sector.CITIZEN, Sector.CIVIL_SOCIETY]
    assert "Citizen" not in entry.object_repr


def test_unchanged_profile_writes_no_audit_entry(client_for, citizen):
    before = AuditEntry.objects.count()
    response = client_for(citizen).post(reverse("accounts:profile"), profile_data(citizen),
                                        follow=True)
    assert "Nothing to save" in response.content.decode()
    assert AuditEntry.objects.count() == before


def test_bad_profile_input_saves_nothing_and_keeps_what_was_typed(client_for, citizen, cso):
    client = client_for(citizen)
    response = client.post(reverse("accounts:profile"), profile_data(
        citizen, display_name="N" * 151, organisation=str(cso.pk), gender="robot"))
    assert response.status_code == 200
    form = response.context["form"]
    assert "display_name" in form.errors and "gender" in form.errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "N" * 151 in html
    assert f'<option value="{cso.pk}" selected>' in html
    # The header and page still show the saved name, not the rejected one.
    assert response.context["user"].display_name == "Citizen"
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.organisation) == ("Citizen", None)
    assert not AuditEntry.objects.filter(object_id=str(citizen.pk),
                                         object_type="accounts.user").exists()


def test_service_refuses_strangers_and_unknown_fields(citizen, cso_member):
    with pytest.raises(PermissionDenied):
        services.update_profile(citizen, actor=cso_member, display_name="Hijacked")
    with pytest.raises(TypeError):
        services.update_profile(citizen, actor=citizen, is_staff=True)
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.is_staff) == ("Citizen", False)


def test_staff_may_correct_a_profile(citizen, staff):
    services.update_profile(citizen, actor=staff, display_name="Corrected")
    assert User.objects.get(pk=citizen.pk).display_name == "Corrected"
    assert AuditEntry.objects.filter(object_id=str(citizen.pk)).latest("id").actor == staff
