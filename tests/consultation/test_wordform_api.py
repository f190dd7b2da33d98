"""The Word form through the API: download it, and read a filled one without saving."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document
from wordform_helpers import blank_form, fill_completely, to_bytes

from bashke.consultation.models import Idea, PendingWordForm
from bashke.consultation.wordform.safety import MAX_BYTES
from bashke.core.models import RateEvent

pytestmark = pytest.mark.django_db


def parse_url(plan):
    return f"/api/v1/plans/{plan.slug}/ideas/parse-docx"


@pytest.mark.parametrize("language", ["sq", "en"])
def test_the_form_downloads_in_the_language_asked(client, open_plan, language):
    response = client.get(f"/api/v1/plans/{open_plan.slug}/ideas/form.docx?lang={language}")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.identifier.endswith(f"/{open_plan.slug}/{language}")


def test_the_form_of_an_unknown_plan_is_404(client):
    response = client.get("/api/v1/plans/nowhere/ideas/form.docx")
    assert response.status_code == 404
    assert response.json() == {"detail": "No action plan has the slug 'nowhere'."}


def test_a_bad_language_is_422(client, open_plan):
    assert client.get(f"/api/v1/plans/{open_plan.slug}/ideas/form.docx?lang=fr"
                      ).status_code == 422


def test_parsing_returns_the_answers_and_saves_nothing(client, open_plan, agency,
                                                       open_component):
    data = to_bytes(fill_completely(blank_form(open_plan, "en"), "en"))
    response = client.post(parse_url(open_plan) + "?lang=en",
                           {"file": SimpleUploadedFile("mine.docx", data)})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["file_name"] == "mine.docx"
    assert body["source"] == "template"
    assert body["template"] == {"version": 1, "plan": open_plan.slug, "language": "en"}
    assert body["answers"]["problem"] == "Askush nuk e di çfarë pajisjesh ka secili spital."
    assert body["answers"]["improves_transparency"] is True
    assert body["answers"]["publish_name"] is None
    assert agency.pk in body["matched"]["agencies"]
    assert body["matched"]["other_agencies"] == "Qendra Lokale"
    assert body["unanswered"] == ["component", "publish_name"]
    assert {w["code"] for w in body["warnings"]} == {"language_guessed"}
    assert all(w["message"] for w in body["warnings"])
    assert not Idea.objects.exists() and not PendingWordForm.objects.exists()


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"%PDF-1.4", "x.docx", "x.docx is named .docx but is not a Word (.docx) file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "locked.docx", "password-protected"),
    (b"PK\x03\x04broken", "broken.docx", "broken.docx is damaged"),
    (b"", "empty.docx", "empty.docx is empty"),
    (b"hello", "notes.txt", "notes.txt is not an accepted kind of file"),
])
def test_bad_files_are_422_with_the_reason(client, open_plan, content, name, message):
    response = client.post(parse_url(open_plan), {"file": SimpleUploadedFile(name, content)},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_a_file_over_the_limit_is_422(client, open_plan):
    big = SimpleUploadedFile("big.docx", b"PK\x03\x04" + bytes(MAX_BYTES))
    response = client.post(parse_url(open_plan), {"file": big})
    assert response.status_code == 422
    assert "too large" in response.json()["detail"]


def test_a_request_without_a_file_is_422(client, open_plan):
    assert client.post(parse_url(open_plan), {}).status_code == 422


def test_reading_is_rate_limited_per_address(client, open_plan):
    from bashke.api.routers import wordform

    for _ in range(wordform.PARSES_PER_HOUR):
        RateEvent.objects.create(key="wordform-api:ip:127.0.0.1", at=timezone.now())
    response = client.post(parse_url(open_plan), {"file": SimpleUploadedFile("a.docx", b"x")})
    assert response.status_code == 429
    assert "try again" in response.json()["detail"]


def test_the_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/plans/{slug}/ideas/form.docx" in paths
    assert "/api/v1/plans/{slug}/ideas/parse-docx" in paths
