"""Opening a .docx someone sent us, safely.

``check_upload`` refuses what is not a .docx, too big, password-protected or a zip bomb
(by the sizes the archive declares; Python's zipfile never inflates a member past its
declared size, so a lying header cannot get past it). Then, before python-docx parses
anything, every XML part is searched for a document type declaration: Word never writes
one, and it is the way in for entity expansion ("billion laughs") and external entities.
python-docx's own parser already leaves entities unresolved (``resolve_entities=False``)
and lxml refuses network access and very deep or huge trees by default; refusing DTDs
outright is the second lock on that door.
"""

import io
import logging
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bashke.core.uploads import MB, check_upload, unnamed_file

MAX_BYTES = 10 * MB
MAX_BODY_ELEMENTS = 200_000
CHUNK = 1 << 20
MARKERS = [word.encode(encoding) for word in ("<!DOCTYPE", "<!doctype", "<!ENTITY", "<!entity")
           for encoding in ("utf-8", "utf-16-le", "utf-16-be")]
OVERLAP = max(len(marker) for marker in MARKERS)

logger = logging.getLogger(__name__)


def file_name(uploaded) -> str:
    return unnamed_file(uploaded)


def open_document(uploaded, *, max_bytes=MAX_BYTES):
    """A python-docx Document, or ValidationError saying why the file is refused."""
    check_upload(uploaded, allowed=("docx",), max_bytes=max_bytes)
    name = file_name(uploaded)
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    damaged = ValidationError(_("%(name)s is damaged and cannot be opened.") % {"name": name},
                              code="damaged")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                if entry.filename.lower().endswith((".xml", ".rels")) and _declares_dtd(
                        archive, entry):
                    raise ValidationError(_(
                        "%(name)s contains XML constructs that Word never writes (a document "
                        "type declaration). It is refused for safety.") % {"name": name},
                        code="unsafe")
    except ValidationError:
        raise
    except Exception:  # any failure to read a hostile archive means it is damaged
        raise damaged from None

    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        body = document.element.body
    except Exception:  # python-docx raises many kinds of error on malformed parts
        logger.info("refused a damaged .docx: %s", name, exc_info=True)
        raise damaged from None
    count = sum(1 for _element in body.iter())
    if count > MAX_BODY_ELEMENTS:
        raise ValidationError(_("%(name)s is far longer than an idea form. Send the form "
                                "itself.") % {"name": name}, code="too_long")
    return document


def _declares_dtd(archive, entry) -> bool:
    tail = b""
    with archive.open(entry) as member:
        while True:
            chunk = member.read(CHUNK)
            if not chunk:
                return False
            window = tail + chunk
            if any(marker in window for marker in MARKERS):
                return True
            tail = window[-OVERLAP:]
