"""Django's own messages on the Albanian sign-up page speak as the rest of the site does
(issue 12): our catalogue replaces Django's wording, and what Django leaves in English
(the short-password error) is in Albanian."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

STRONG = "lumpy-violet-harbour-42"


def sign_up(client, **overrides):
    data = {"email": "ana.hoxha@example.org", "display_name": "Ana Hoxha",
            "password1": STRONG, "password2": STRONG, "organisation": "",
            "sector": "civil_society", "gender": "woman", **overrides}
    with translation.override("sq"):
        url = reverse("accounts:signup")
    assert url.startswith("/sq/")
    return client.post(url, data)


def errors_of(response):
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("overrides, ours, djangos", [
    ({"password1": "short", "password2": "short"},
     "Ky fjalëkalim është shumë i shkurtër. Duhet të ketë të paktën 10 karaktere.",
     "This password is too short"),
    ({"password1": "password123", "password2": "password123"},
     "Ky fjalëkalim është shumë i zakonshëm.", "shumë i rëndomtë"),
    ({"password1": "4815162342108", "password2": "4815162342108"},
     "Ky fjalëkalim përbëhet vetëm nga shifra.", "tërësisht numerik"),
    ({"password2": STRONG + "x"}, "Dy fjalëkalimet nuk përputhen.", "s’u përputhën"),
    ({"email": ""}, "Kjo fushë është e detyrueshme.", "e domosdoshme"),
    ({"email": "not-an-address"}, "Shkruani një adresë e-maili të vlefshme.",
     "adresë email të vlefshme"),
])
def test_djangos_messages_are_in_our_albanian(client, overrides, ours, djangos):
    response = sign_up(client, **overrides)
    assert response.status_code in (200, 400)
    text = errors_of(response)
    assert ours in text
    assert djangos not in text


def test_the_password_rules_are_explained_in_our_albanian(client):
    with translation.override("sq"):
        text = errors_of(client.get(reverse("accounts:signup")))
    assert "Fjalëkalimi juaj duhet të ketë të paktën 10 karaktere." in text
    assert "Fjalëkalimi juaj nuk mund të përbëhet vetëm nga shifra." in text
    assert "s’mund" not in text and "can’t" not in text
