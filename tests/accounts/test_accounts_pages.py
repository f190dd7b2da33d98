"""Every accounts page: the site's layout, one h1, labelled inputs, in both languages."""

import pytest
from accounts_helpers import assert_well_formed_page
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PUBLIC = [
    ("accounts:login", []), ("accounts:signup", []), ("accounts:password_reset", []),
    ("accounts:password_reset_done", []), ("accounts:password_reset_complete", []),
    ("accounts:organisations", []), ("accounts:verify_email", ["not-a-token"]),
    ("accounts:password_reset_confirm", ["MQ", "not-a-token"]),
]
PERSONAL = [("accounts:profile", []), ("accounts:password_change", []),
            ("accounts:organisation_create", [])]


@pytest.mark.parametrize("language", ["sq", "en"])
@pytest.mark.parametrize(("name", "args"), PUBLIC)
def test_public_pages(client, cso, language, name, args):
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url, follow=True)
    assert response.status_code in (200, 400)
    assert f'<html lang="{language}">' in response.content.decode()
    assert_well_formed_page(response)


@pytest.mark.parametrize("language", ["sq", "en"])
@pytest.mark.parametrize(("name", "args"), PERSONAL)
def test_pages_for_logged_in_people(client_for, cso_member, language, name, args):
    with translation.override(language):
        url = reverse(name, args=args)
    response = client_for(cso_member).get(url)
    assert response.status_code == 200
    assert_well_formed_page(response)


def test_organisation_page(client, cso):
    assert_well_formed_page(client.get(cso.get_absolute_url()))
