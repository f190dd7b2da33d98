"""Documents attached to briefs: every file is checked (type by content, size, archive
expansion, passwords) before it is stored; refused files leave nothing behind; stored files
get a name of ours and are served as attachments with the right content type."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from bashke.consultation.models import BriefDocument, BriefKind
from bashke.consultation.services import briefs as services
from bashke.core.models import AuditEntry
from bashke.core.pdf import simple_pdf
from bashke.core.uploads import OLE_MAGIC

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def brief(plan):
    return services.create_brief(plan, actor=None, kind=BriefKind.METHODOLOGY,
                                 title_sq="Paketa metodologjike",
                                 title_en="Methodological package", published=True)


def archive(members: dict, *, encrypted=False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    data = bytearray(buffer.getvalue())
    if encrypted:
        # zipfile cannot encrypt; set the "encrypted" bit in each entry's local and central
        # headers, which is what a checker must read.
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            start = data.find(signature)
            while start != -1:
                data[start + offset] |= 0x1
                start = data.find(signature, start + 4)
    return bytes(data)


def docx_bytes():
    return archive({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def stored_files(media):
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


GOOD = {
    "package.pdf": (simple_pdf(["Paketa metodologjike"]), "application/pdf"),
    "criteria.docx": (docx_bytes(), DOCX),
    "budget.xlsx": (archive({"xl/workbook.xml": "<workbook/>"}),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "notes.odt": (archive({"mimetype": "application/vnd.oasis.opendocument.text",
                           "content.xml": "<office:document-content/>"}),
                  "application/vnd.oasis.opendocument.text"),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_each_accepted_kind_is_stored_under_a_generated_name_and_served_as_attachment(
        client, brief, media, name):
    content, content_type = GOOD[name]
    document = services.add_document(brief, actor=None,
                                     uploaded=SimpleUploadedFile(f"../../{name}", content))

    extension = name.rsplit(".", 1)[1]
    assert document.kind == extension and document.size == len(content)
    # Our own name, inside the plan's folder, whatever the uploader called the file.
    assert document.file.name.startswith(f"briefs/{brief.plan_id}/")
    assert ".." not in document.file.name and name not in document.file.name
    [path] = stored_files(media)
    assert path.read_bytes() == content

    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and f'.{extension}"' in disposition
    assert "/" not in disposition.split("filename=")[1]
    assert b"".join(response.streaming_content) == content


def refused(brief, name, content):
    with pytest.raises(ValidationError) as caught:
        services.add_document(brief, actor=None, uploaded=SimpleUploadedFile(name, content))
    return " ".join(caught.value.message_dict["file"])


def test_a_file_of_another_type_is_refused(brief, media):
    message = refused(brief, "photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    assert "photo.png is not an accepted kind of file" in message
    assert "PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt)" in message
    assert stored_files(media) == [] and not BriefDocument.objects.exists()


def test_a_pdf_renamed_to_docx_is_refused_by_its_content(brief, media):
    message = refused(brief, "criteria.docx", simple_pdf(["not a Word file"]))
    assert "criteria.docx is named .docx but is not a Word (.docx) file" in message
    assert stored_files(media) == []


def test_a_word_file_renamed_to_pdf_is_refused(brief):
    message = refused(brief, "package.pdf", docx_bytes())
    assert "package.pdf is named .pdf but is not a PDF file" in message


def test_an_oversized_file_is_refused_with_the_limit(brief, media):
    big = SimpleUploadedFile("annex.pdf", simple_pdf(["annex"]))
    big.size = services.MAX_DOCUMENT_BYTES + 1
    with pytest.raises(ValidationError) as caught:
        services.add_document(brief, actor=None, uploaded=big)
    assert "the limit is 20.0\xa0MB" in " ".join(caught.value.message_dict["file"])
    assert stored_files(media) == []


def test_a_zip_bomb_named_docx_is_refused_before_it_is_expanded(brief, media):
    bomb = archive({"word/document.xml": b"0" * (5 * 1024 * 1024)})
    assert len(bomb) < 20_000  # five megabytes of zeros compress to almost nothing
    message = refused(brief, "criteria.docx", bomb)
    assert "would expand to 5.0\xa0MB" in message and "refused" in message
    assert stored_files(media) == []


def test_a_password_protected_word_file_is_refused(brief):
    # Office saves an encrypted .docx as an OLE container, not as a zip archive.
    message = refused(brief, "secret.docx", OLE_MAGIC + b"\0" * 600)
    assert "secret.docx is password-protected" in message


def test_an_archive_with_encrypted_entries_is_refused(brief):
    message = refused(brief, "secret.odt",
                      archive({"content.xml": "<x/>"}, encrypted=True))
    assert "secret.odt is password-protected" in message


def test_an_empty_or_damaged_file_is_refused(brief):
    assert "empty.pdf is empty" in refused(brief, "empty.pdf", b"")
    assert "broken.xlsx is damaged" in refused(brief, "broken.xlsx", b"PK\x03\x04garbage")


def test_the_upload_page_shows_the_reason_beside_the_field_and_keeps_the_titles(
        client_for, coordinator, brief, media):
    url = f"/en/plans/{brief.plan.slug}/briefs/{brief.pk}/documents/new/"
    response = client_for(coordinator).post(url, {
        "file": SimpleUploadedFile("criteria.docx", simple_pdf(["x"])),
        "title_en": "Criteria sheet I typed", "title_sq": "Fleta"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "criteria.docx is named .docx but is not a Word (.docx) file" in page
    assert 'value="Criteria sheet I typed"' in page and 'value="Fleta"' in page
    assert 'aria-invalid="true"' in page
    assert stored_files(media) == [] and not BriefDocument.objects.exists()


def test_the_upload_page_stores_a_good_file_and_audits_it(client_for, coordinator, brief,
                                                         media):
    url = f"/en/plans/{brief.plan.slug}/briefs/{brief.pk}/documents/new/"
    response = client_for(coordinator).post(url, {
        "file": SimpleUploadedFile("Paketa metodologjike (final).pdf", simple_pdf(["x"])),
        "title_en": "The package", "title_sq": ""})

    assert response.status_code == 302 and response["Location"] == brief.get_absolute_url()
    document = BriefDocument.objects.get()
    assert document.original_name == "Paketa metodologjike (final).pdf"
    assert document.download_name == "paketa-metodologjike-final.pdf"
    entry = AuditEntry.objects.filter(object_type="consultation.briefdocument").get()
    assert entry.actor == coordinator and entry.scope == brief.plan.audit_scope
    assert entry.changes["original_name"] == [None, "Paketa metodologjike (final).pdf"]
    assert len(stored_files(media)) == 1


def test_a_file_stored_for_a_row_that_fails_is_removed(brief, media, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr("bashke.consultation.services.briefs.audit.record", broken)
    with pytest.raises(RuntimeError):
        services.add_document(brief, actor=None,
                              uploaded=SimpleUploadedFile("a.pdf", simple_pdf(["x"])))
    assert stored_files(media) == [] and not BriefDocument.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_removing_a_document_deletes_its_file_and_leaves_an_audit_entry(
        client_for, coordinator, brief, media):
    document = services.add_document(brief, actor=None,
                                     uploaded=SimpleUploadedFile("a.pdf", simple_pdf(["x"])))
    url = f"/en/plans/{brief.plan.slug}/briefs/{brief.pk}/documents/{document.pk}/remove/"

    response = client_for(coordinator).post(url)

    assert response.status_code == 302
    assert not BriefDocument.objects.exists() and stored_files(media) == []
    assert AuditEntry.objects.filter(object_type="consultation.briefdocument",
                                     action="delete").exists()


def test_a_missing_file_is_a_404_not_a_crash(client, brief, media):
    document = services.add_document(brief, actor=None,
                                     uploaded=SimpleUploadedFile("a.pdf", simple_pdf(["x"])))
    for path in stored_files(media):
        path.unlink()
    assert client.get(document.get_absolute_url()).status_code == 404


def test_documents_of_an_unpublished_brief_are_not_served_to_the_public(
        client, client_for, coordinator, brief):
    document = services.add_document(brief, actor=None,
                                     uploaded=SimpleUploadedFile("a.pdf", simple_pdf(["x"])))
    services.publish_brief(brief, actor=None, published=False)

    assert client.get(document.get_absolute_url()).status_code == 404
    assert client_for(coordinator).get(document.get_absolute_url()).status_code == 200
