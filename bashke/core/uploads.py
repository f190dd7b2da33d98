"""Checks every uploaded file before anything parses or stores it: type (by content, not
only by name), size, and for Office/OpenDocument archives how far they would expand.

Messages name the file and say what is wrong, so that a batch upload can list each bad file
with its reason and go on with the good ones.
"""

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MB
# An archive may expand to at most this much in all, and this many times its own size:
# a 10 MB .docx that unpacks to gigabytes is a zip bomb, not a form.
MAX_EXPANDED_BYTES = 100 * MB
MAX_EXPANSION_RATIO = 200
MAX_ARCHIVE_ENTRIES = 2000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls, and encrypted OOXML
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Kind:
    extension: str
    label: str
    content_type: str
    archive_member: str | None = None  # a file every genuine archive of this kind holds


KINDS = {
    "pdf": Kind("pdf", "PDF", "application/pdf"),
    "docx": Kind("docx", "Word (.docx)",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "word/document.xml"),
    "xlsx": Kind("xlsx", "Excel (.xlsx)",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "xl/workbook.xml"),
    "odt": Kind("odt", "OpenDocument text (.odt)", "application/vnd.oasis.opendocument.text",
                "content.xml"),
}


def unnamed_file(uploaded) -> str:
    """The file's name for a message, or "The file" when it came without one. Every message
    that names a file starts with the name, so the stand-in is written as a sentence's
    subject (Albanian "Skedari"), never dropped into a declined slot ("…në skedari")."""
    return getattr(uploaded, "name", "") or pgettext("a file without a name, starting a "
                                                     "sentence", "The file")


def check_upload(uploaded, *, allowed=("pdf", "docx", "xlsx", "odt"),
                 max_bytes=DEFAULT_MAX_BYTES) -> Kind:
    """Returns the file's kind, or raises ValidationError saying why it is refused."""
    name = unnamed_file(uploaded)
    size = getattr(uploaded, "size", None)
    if size is None:
        raise ValidationError(_("%(name)s could not be read.") % {"name": name})
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if size > max_bytes:
        raise ValidationError(_("%(name)s is %(size)s; the limit is %(limit)s.") % {
            "name": name, "size": filesizeformat(size), "limit": filesizeformat(max_bytes)})
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed_labels = ", ".join(KINDS[k].label for k in allowed)
    if extension not in allowed:
        raise ValidationError(_("%(name)s is not an accepted kind of file. Accepted: "
                                "%(kinds)s.") % {"name": name, "kinds": allowed_labels})
    kind = KINDS[extension]
    head = _read_head(uploaded)
    if kind.extension == "pdf":
        if not head.startswith(b"%PDF-"):
            raise ValidationError(_("%(name)s is named .pdf but is not a PDF file.")
                                  % {"name": name})
        return kind
    if head.startswith(OLE_MAGIC):
        raise ValidationError(_(
            "%(name)s is password-protected or in the old Office format. Remove the password "
            "or save it as %(kind)s, then upload it again.") % {"name": name, "kind": kind.label})
    if not head.startswith(ZIP_MAGIC):
        raise ValidationError(_("%(name)s is named .%(ext)s but is not a %(kind)s file, or it "
                                "is damaged.") % {"name": name, "ext": extension,
                                                  "kind": kind.label})
    _check_archive(uploaded, name, kind, size)
    return kind


def _read_head(uploaded) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    return head


def _check_archive(uploaded, name, kind, size):
    damaged = ValidationError(_("%(name)s is damaged and cannot be opened.") % {"name": name})
    try:
        data = uploaded.read()
        uploaded.seek(0)
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise damaged from None
    expanded = sum(entry.file_size for entry in entries)
    if (len(entries) > MAX_ARCHIVE_ENTRIES or expanded > MAX_EXPANDED_BYTES
            or expanded > MAX_EXPANSION_RATIO * max(size, 1)):
        raise ValidationError(_(
            "%(name)s would expand to %(expanded)s, more than a document of its kind can "
            "safely be. It is refused.") % {"name": name,
                                              "expanded": filesizeformat(expanded)})
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise ValidationError(_("%(name)s is password-protected. Remove the password and "
                                "upload it again.") % {"name": name})
    if kind.archive_member not in archive.namelist():
        raise ValidationError(_("%(name)s is named .%(ext)s but is not a %(kind)s file, or it "
                                "is damaged.") % {"name": name, "ext": kind.extension,
                                                  "kind": kind.label})
