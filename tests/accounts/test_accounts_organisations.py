import pytest
from accounts_helpers import assert_well_formed_page
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from bashke.accounts import services
from bashke.accounts.models import Gender, Organisation, Sector, User
from bashke.core.models import AuditEntry

from personas import make_user

pytestmark = pytest.mark.django_db


def populate(count, members_each=3):
    sectors = [Sector.CIVIL_SOCIETY, Sector.GOVERNMENT, Sector.ACADEMIA]
    organisations = []
    for number in range(count):
        organisation = Organisation.objects.create(
            name=f"Organisation {number:02}", acronym=f"O{number}",
            sector=sectors[number % 3], description="Works on open data.")
        for member in range(members_each):
            make_user(f"m{number}-{member}@example.org", f"Member {number}-{member}",
                      organisation=organisation, sector=sectors[member % 3],
                      gender=Gender.WOMAN)
        organisations.append(organisation)
    return organisations


def test_list_shows_name_acronym_sector_and_member_count(client):
    first, *_ = populate(2, members_each=4)
    User.objects.filter(email="m0-3@example.org").update(is_active=False)
    response = client.get(reverse("accounts:organisations"))
    assert response.status_code == 200
    assert_well_formed_page(response)
    html = response.content.decode()
    assert "Organisation 00" in html and "O1" in html and "Civil society" in html
    counts = {o.name: o.member_count for o in response.context["page_obj"]}
    assert counts == {"Organisation 00": 3, "Organisation 01": 4}
    assert "Member 0-1" not in html
    assert first.get_absolute_url() in html


@pytest.mark.parametrize("count", [3, 30])
def test_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    populate(count)
    # The page count, then the page of organisations with their member counts.
    with django_assert_num_queries(2):
        response = client.get(reverse("accounts:organisations"))
    assert len(response.context["page_obj"]) == count


def test_list_paginates(client):
    Organisation.objects.bulk_create(
        Organisation(name=f"Org {number:03}", slug=f"org-{number:03}", sector=Sector.ACADEMIA)
        for number in range(55))
    first = client.get(reverse("accounts:organisations"))
    assert len(first.context["page_obj"]) == 50
    assert 'rel="next"' in first.content.decode()
    second = client.get(reverse("accounts:organisations") + "?page=2")
    assert [o.name for o in second.context["page_obj"]][0] == "Org 050"


def test_detail_shows_counts_by_sector_never_people_or_gender(client):
    organisation = populate(1, members_each=4)[0]
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    assert_well_formed_page(response)
    assert response.context["sector_counts"] == [
        ("Government", 1), ("Civil society", 2), ("Academia", 1)]
    html = response.content.decode()
    assert "Works on open data." in html
    assert "Member 0-" not in html
    assert "m0-0@example.org" not in html
    assert "Woman" not in html


@pytest.mark.parametrize("members", [3, 30])
def test_detail_runs_a_fixed_number_of_queries(client, django_assert_num_queries, members):
    organisation = populate(1, members_each=members)[0]
    with django_assert_num_queries(2):
        response = client.get(organisation.get_absolute_url())
    assert response.context["organisation"].member_count == members


@pytest.mark.parametrize("count", [3, 30])
def test_pages_for_logged_in_people_also_run_fixed_queries(
        client_for, citizen, django_assert_num_queries, count):
    organisations = populate(count)
    client = client_for(citizen)
    # Plus the session and the user, for the header.
    with django_assert_num_queries(4):
        client.get(reverse("accounts:organisations"))
    with django_assert_num_queries(4):
        client.get(organisations[-1].get_absolute_url())


def test_unknown_organisation_is_404(client):
    assert client.get(reverse("accounts:organisation", args=["nope"])).status_code == 404


def test_website_is_escaped_and_marked_as_user_content(client):
    organisation = Organisation.objects.create(
        name="Qendra <script>", sector=Sector.CIVIL_SOCIETY, website="https://example.org/")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<script>" not in html
    assert 'rel="nofollow ugc noopener"' in html


# Creating -------------------------------------------------------------------------------------

def test_creating_needs_a_login(client):
    response = client.get(reverse("accounts:organisation_create"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    client.post(reverse("accounts:organisation_create"), {"name": "X", "sector": "academia"})
    assert not Organisation.objects.exists()


def test_logged_in_person_creates_an_organisation(client_for, citizen):
    client = client_for(citizen)
    page = client.get(reverse("accounts:organisation_create"))
    assert_well_formed_page(page)
    response = client.post(reverse("accounts:organisation_create"), {
        "name": "  Lëvizja   Mjaft ", "acronym": "LM", "sector": Sector.CIVIL_SOCIETY,
        "description": "Citizens' movement.", "website": "mjaft.org"})
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.name == "Lëvizja Mjaft"
    assert organisation.slug == "levizja-mjaft"
    assert organisation.website == "https://mjaft.org"
    entry = AuditEntry.objects.get(object_type="accounts.organisation")
    assert entry.actor == citizen
    assert entry.scope == organisation.audit_scope
    assert entry.public_changes()["name"] == [None, "Lëvizja Mjaft"]


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"name": "QENDRA PËR SHOQËRI TË HAPUR"}, "name", "already listed"),
    ({"name": ""}, "name", "This field is required"),
    ({"name": "N" * 201}, "name", "at most 200 characters"),
    ({"website": "javascript:alert(1)"}, "website", "Enter a valid URL"),
    ({"sector": "nowhere"}, "sector", "Select a valid choice"),
])
def test_bad_organisation_input_is_explained_and_saves_nothing(
        client_for, citizen, cso, data, field, message):
    payload = {"name": "New Organisation", "acronym": "NO", "sector": Sector.ACADEMIA,
               "description": "Kept on error", "website": "", **data}
    response = client_for(citizen).post(reverse("accounts:organisation_create"), payload)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert "Kept on error" in response.content.decode()
    assert Organisation.objects.count() == 1
    assert not AuditEntry.objects.filter(object_type="accounts.organisation").exists()


def test_slugs_stay_unique_and_never_shadow_the_new_page(citizen):
    first = services.create_organisation(actor=citizen, name="New", sector=Sector.ACADEMIA)
    second = services.create_organisation(actor=citizen, name="Open Data!",
                                          sector=Sector.ACADEMIA)
    third = services.create_organisation(actor=citizen, name="Open data?",
                                         sector=Sector.ACADEMIA)
    assert first.slug == "new-2"
    assert (second.slug, third.slug) == ("open-data", "open-data-2")


def test_service_refuses_anonymous(anonymous, db):
    with pytest.raises(PermissionDenied):
        services.create_organisation(actor=anonymous, name="X", sector=Sector.ACADEMIA)
