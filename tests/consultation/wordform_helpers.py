"""Building Word files for the Word-form tests: the form as the site generates it, then
filled the ways people fill it, all with python-docx (no binary fixtures are kept)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from bashke.consultation.services.wordform import plan_for_forms
from bashke.consultation.wordform import generate
from bashke.plans.models import ActionPlan


def loaded(plan):
    return plan_for_forms(ActionPlan.objects).get(pk=plan.pk)


def blank_form(plan, language="sq"):
    return Document(io.BytesIO(generate.build(loaded(plan), language)))


def row_for(document, start: str):
    """The table row whose question cell starts with ``start`` ("1.", "6.2", "Titulli")."""
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip().startswith(start):
                return row
    raise AssertionError(f"no row starts with {start!r}")


def answer_cell(document, start: str):
    return row_for(document, start).cells[1]


def write(cell, *lines, replace=True):
    """Types the lines into the cell (replacing what was there, like selecting it all)."""
    if replace:
        for paragraph in cell.paragraphs[1:]:
            paragraph._element.getparent().remove(paragraph._element)
        cell.paragraphs[0].text = lines[0] if lines else ""
        lines = lines[1:]
    for line in lines:
        cell.add_paragraph(line)
    return cell


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(data, name="form.docx"):
    if not isinstance(data, bytes):
        data = to_bytes(data)
    return SimpleUploadedFile(name, data, content_type=generate.MIME_TYPE)


def fill_completely(document, language="sq"):
    """Every question answered in its cell, as a careful person would."""
    yes, no = ("Po", "Jo") if language == "sq" else ("Yes", "No")
    write(answer_cell(document, "Titul" if language == "sq" else "Title"),
          "Regjistri i hapur i shëndetësisë")
    write(answer_cell(document, "1."), "Një regjistër publik i të gjitha pajisjeve mjekësore.")
    write(answer_cell(document, "2."), "Askush nuk e di çfarë pajisjesh ka secili spital.")
    write(answer_cell(document, "3."), "Publikimi i të dhënave çdo muaj.")
    write(answer_cell(document, "4."), "Më pak humbje; ndikim në buxhet.")
    write(answer_cell(document, "5."), "Pacientët dhe mjekët.")
    for number, choice in zip(("6.1", "6.2", "6.3", "6.4"), (yes, no, yes, no), strict=True):
        write(answer_cell(document, number), f"☒ {choice}", "Shpjegim:", f"Arsyeja {number}")
    write(answer_cell(document, "7."), "AKSHI", "Ministria e Drejtësisë", "Qendra Lokale")
    return document
