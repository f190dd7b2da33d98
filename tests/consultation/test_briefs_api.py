"""GET /api/v1/plans/{slug}/briefs: published briefs in order, with document addresses
that download the files, in both languages, in a fixed number of queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bashke.consultation.demos.briefs import simple_pdf
from bashke.consultation.models import BriefKind
from bashke.consultation.services import briefs as services


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def package(plan, component):
    brief = services.create_brief(plan, actor=None, kind=BriefKind.METHODOLOGY,
                                  title_sq="Paketa metodologjike",
                                  title_en="Methodological package", body_sq="**Tekst**",
                                  published=True)
    services.add_document(brief, actor=None, title_en="The package",
                          uploaded=SimpleUploadedFile("Paketa (final).pdf",
                                                      simple_pdf(["x"])))
    services.mark_package_sent(brief, actor=None, components=[component])
    return brief


def test_published_briefs_with_documents_and_to_whom_the_package_went(client, plan, component,
                                                                       package):
    services.create_brief(plan, actor=None, kind=BriefKind.BACKGROUND, component=component,
                          title_en="Component brief", published=True)
    services.create_brief(plan, actor=None, kind=BriefKind.OTHER, title_en="Draft")

    response = client.get(f"/api/v1/plans/{plan.slug}/briefs?lang=en")

    assert response.status_code == 200 and response["Content-Language"] == "en"
    first, second = response.json()
    assert (first["kind"], first["component"], second["component"]) == (
        "methodology", None, "accessibility")
    assert first["title"] == "Methodological package"
    # The English body is empty: the convenience field falls back to Albanian.
    assert first["body"] == "**Tekst**" and first["body_en"] == ""
    assert first["sent_to"] == ["accessibility"] and first["sent_at"]
    [document] = first["documents"]
    assert (document["title"], document["kind"], document["content_type"]) == (
        "The package", "pdf", "application/pdf")
    assert document["file_name"] == "paketa-final.pdf"
    assert document["url"].startswith("http://testserver/en/plans/")
    download = client.get(document["url"].removeprefix("http://testserver"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_unknown_plan_is_404(client, db):
    response = client.get("/api/v1/plans/no-such-plan/briefs")
    assert response.status_code == 404
    assert response.json() == {"detail": "No action plan has the slug 'no-such-plan'."}


def test_briefs_api_runs_a_fixed_number_of_queries(client, plan, component, package,
                                                   django_assert_max_num_queries):
    url = f"/api/v1/plans/{plan.slug}/briefs"
    with django_assert_max_num_queries(5) as small:
        client.get(url)
    for number in range(20):
        brief = services.create_brief(plan, actor=None, kind=BriefKind.METHODOLOGY,
                                      component=component, title_en=f"B{number}",
                                      published=True)
        services.add_document(brief, actor=None,
                              uploaded=SimpleUploadedFile("a.pdf", simple_pdf(["x"])))
        services.mark_package_sent(brief, actor=None, components=[component])
    with django_assert_max_num_queries(5) as large:
        assert len(client.get(url).json()) == 21
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_openapi_document_describes_the_endpoints(client, db):
    document = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/examples", "/api/v1/plans/{slug}/briefs",
                 "/api/v1/plans/{slug}/input-summary"):
        assert "get" in document["paths"][path], path
    schemas = document["components"]["schemas"]
    assert {"ExampleOut", "BriefOut", "BriefDocumentOut", "InputSummaryOut"} <= set(schemas)
    assert "url" in schemas["BriefDocumentOut"]["properties"]
