"""Bad and hostile files: each ends in a ValidationError that says what is wrong, quickly,
never in another exception (a 500) or a hang."""

import io
import random
import struct
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from wordform_helpers import blank_form, fill_completely, to_bytes, upload

from bashke.consultation.wordform.parse import parse_docx
from bashke.consultation.wordform.safety import MAX_BYTES

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>1. &lol9;</w:t></w:r></w:p></w:body></w:document>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>1. &secret;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.fixture
def good_docx(open_plan):
    return to_bytes(fill_completely(blank_form(open_plan, "sq")))


def replace_member(data: bytes, name: str, content: bytes, *, utf16=False) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            body = content if entry.filename == name else source.read(entry.filename)
            if entry.filename == name and utf16:
                body = content.decode().replace('<?xml version="1.0"?>', "").encode("utf-16")
            target.writestr(entry.filename, body)
    return out.getvalue()


def refused(data, name="form.docx", match=None):
    started = time.monotonic()
    with pytest.raises(ValidationError) as caught:
        parse_docx(upload(data, name))
    assert time.monotonic() - started < 10
    message = " ".join(caught.value.messages)
    if match:
        assert match in message, message
    return message


def test_an_empty_file():
    refused(b"", match="form.docx is empty")


def test_a_file_of_another_kind_by_name():
    refused(b"%PDF-1.7 ...", name="form.pdf", match="is not an accepted kind of file")


def test_a_pdf_named_docx():
    refused(b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF", match="is not a Word (.docx) file")


def test_a_password_protected_document_is_an_ole_container():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    refused(ole, match="password-protected or in the old Office format")


def test_a_file_over_the_limit():
    refused(b"PK\x03\x04" + bytes(MAX_BYTES), match="the limit is 10.0")


def test_a_zip_bomb_is_refused_by_its_expansion():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", bytes(60 * 1024 * 1024))
    assert len(out.getvalue()) < 200_000
    refused(out.getvalue(), match="would expand to 60.0")


def test_a_zip_bomb_lying_about_its_sizes_is_caught_when_read(good_docx):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in zipfile.ZipFile(io.BytesIO(good_docx)).infolist():
            body = zipfile.ZipFile(io.BytesIO(good_docx)).read(entry.filename)
            if entry.filename == "word/document.xml":
                body = body + b"<!--" + bytes(12 * 1024 * 1024).replace(b"\0", b"a") + b"-->"
            archive.writestr(entry.filename, body)
    data = bytearray(out.getvalue())
    # Claim a small uncompressed size in the local header and the central directory.
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 5000)
    name = b"word/document.xml"
    central = data.find(b"PK\x01\x02")
    while central != -1 and data[central + 46:central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 1)
    assert central != -1
    struct.pack_into("<I", data, central + 24, 5000)
    refused(bytes(data), match="damaged")


def test_an_entity_bomb_is_refused_before_parsing(good_docx):
    bomb = replace_member(good_docx, "word/document.xml", BILLION_LAUGHS)
    refused(bomb, match="document type declaration")


def test_an_external_entity_is_refused(good_docx):
    refused(replace_member(good_docx, "word/document.xml", EXTERNAL_ENTITY),
            match="document type declaration")


def test_a_dtd_in_utf16_is_found_too(good_docx):
    refused(replace_member(good_docx, "word/document.xml", BILLION_LAUGHS, utf16=True),
            match="document type declaration")


def test_a_dtd_in_another_part_is_refused(good_docx):
    refused(replace_member(good_docx, "docProps/core.xml", EXTERNAL_ENTITY),
            match="document type declaration")


def test_python_docx_parser_itself_leaves_entities_unexpanded():
    """The second lock: even without our check python-docx's parser does not expand."""
    import inspect

    from docx.oxml import parser
    from docx.oxml.parser import parse_xml

    assert "resolve_entities=False" in inspect.getsource(parser)
    from lxml import etree

    started = time.monotonic()
    for hostile in (BILLION_LAUGHS, EXTERNAL_ENTITY):
        try:
            element = parse_xml(hostile)
        except etree.XMLSyntaxError:
            continue  # libxml2 refused the amplification outright
        text = etree.tostring(element)
        assert len(text) < 10_000
        assert b"root:" not in text
    assert time.monotonic() - started < 2


def test_an_archive_without_a_document_part():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    refused(out.getvalue(), match="is not a Word (.docx) file")


def test_malformed_xml_in_the_document_part(good_docx):
    refused(replace_member(good_docx, "word/document.xml", b"<w:document><unclosed>"),
            match="damaged")


def test_deeply_nested_tables_end_quickly(good_docx):
    depth = 400
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>" + "<w:tbl><w:tr><w:tc>" * depth + "<w:p><w:r><w:t>1. Deep</w:t></w:r></w:p>"
           + "</w:tc></w:tr></w:tbl>" * depth + "</w:body></w:document>").encode()
    started = time.monotonic()
    try:
        parse_docx(upload(replace_member(good_docx, "word/document.xml", xml)))
    except ValidationError:
        pass
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("seed", range(60))
def test_fuzzed_archives_are_refused_clearly_or_read(good_docx, seed):
    """Truncated or bit-flipped copies of a good form: a clear refusal, or (when the damage
    hit nothing that matters) a reading; never any other exception."""
    rng = random.Random(seed)
    data = bytearray(good_docx)
    if seed % 3 == 0:
        data = data[:rng.randrange(4, len(data))]
    else:
        for _flip in range(rng.randrange(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    started = time.monotonic()
    try:
        form = parse_docx(upload(bytes(data)))
    except ValidationError as error:
        assert error.messages and all("form.docx" in m for m in error.messages)
    else:
        assert isinstance(form.answers, dict)
    assert time.monotonic() - started < 10
