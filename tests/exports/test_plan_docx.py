"""The action plan table in Word, checked cell by cell with python-docx: landscape, the
seed's ten columns in either language, a header row repeated on every page, goal, objective
and measure rows spanning the table, dates as 1-Jul-2020 and the totals."""

import io

import pytest
from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from bashke.drafting import tree
from bashke.drafting.models import Activity, PlanVersion
from bashke.exports import plan_docx, source

pytestmark = pytest.mark.django_db

SQ_HEADERS = ["Nr.", "Aktiviteti", "Institucionet përgjegjëse",
              "Institucione të tjera përgjegjëse", "Afati i fillimit", "Afati i mbarimit",
              "Kosto indikative (në mijë lekë)", "Buxhet i Shtetit", "Financim i huaj",
              "Hendeku financiar"]


def _document(plan, **asked):
    return Document(io.BytesIO(plan_docx.build(source.source(plan, **asked))))


def _rows(document):
    """Each row's distinct cells' text (a merged cell once) and its grid spans."""
    table = document.tables[0]
    rows = []
    for row in table.rows:
        cells = row._tr.findall(qn("w:tc"))
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in cells]
        spans = [int(tc.find(qn("w:tcPr")).find(qn("w:gridSpan")).get(qn("w:val")))
                 if tc.find(qn("w:tcPr")).find(qn("w:gridSpan")) is not None else 1
                 for tc in cells]
        rows.append((texts, spans))
    return rows


def test_the_seed_table_in_albanian(plan, table):
    document = _document(plan, language="sq")
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    rows = _rows(document)
    header, header_spans = rows[0]
    assert header == SQ_HEADERS and header_spans == [1] * 10
    # The header row repeats on each page.
    first_tr = document.tables[0].rows[0]._tr
    assert first_tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    texts = [texts for texts, _spans in rows]
    assert texts[1] == ["Qëllimi i Politikës: Aksesi në drejtësi"] and rows[1][1] == [10]
    assert texts[2] == ["1", "OBJEKTIVI SPECIFIK: Rritja e aksesueshmërisë në shërbimet "
                             "publike"] and rows[2][1] == [1, 9]
    assert texts[3] == ["1.1", "Ngritja e Qendrave të Integruara të reja"]
    assert texts[5] == ["1.1.2", "Përgatitja e projektit", "ADISA", "MD, AKSHI", "1-Jul-2020",
                        "30-Jun-2022", "2.000,50", "1.500", "500", "0,50"]
    assert texts[8] == ["Totali i masës 1.1", "6.000,50", "3.500", "1.000", "1.500,50"]
    assert rows[8][1] == [6, 1, 1, 1, 1]
    assert ["Totali i objektivit specifik 1", "6.400,50", "3.600", "1.000", "1.800,50"] in texts
    assert texts[-1] == ["Totali i planit", "6.400,50", "3.600", "1.050", "1.800,50"]
    # An activity without a cost has no gap, and is left out of the totals' cost.
    legal_aid = next(t for t in texts if t[0] == "2.1.1")
    assert legal_aid[6:] == ["", "", "50", ""]


def test_english_headers_and_amounts(plan, table):
    texts = [t for t, _s in _rows(_document(plan, language="en"))]
    assert texts[0] == ["No.", "Activity", "Responsible institutions",
                        "Other responsible institutions", "Start date", "End date",
                        "Indicative cost (thousand lek)", "State budget", "Foreign financing",
                        "Financing gap"]
    assert texts[-1] == ["Total of the plan", "6,400.50", "3,600", "1,050", "1,800.50"]
    assert texts[2][1] == "SPECIFIC OBJECTIVE: Increasing the accessibility of public services"
    # Text that looks like a formula is just text in Word.
    assert any(t[1:2] == ["=Reconstruction works"] for t in texts)


def test_an_empty_plan_still_has_its_header_and_a_zero_total(plan):
    document = _document(plan, language="en")
    texts = [t for t, _s in _rows(document)]
    assert texts[0][0] == "No." and texts[-1] == ["Total of the plan", "0", "0", "0", "0"]
    assert texts[1] == ["Policy goal: Access to Justice"]
    assert "The plan has no specific objectives yet." in [p.text for p in document.paragraphs]


def test_a_version_is_written_as_it_was_frozen(plan, table):
    snapshot = tree.to_json(tree.build(plan))
    PlanVersion.objects.create(plan=plan, number=1, snapshot=snapshot, frozen_at=timezone.now())
    Activity.objects.filter(pk=table["activities"][0].pk).update(title_en="Changed later")
    frozen = [t for t, _s in _rows(_document(plan, language="en", version="1"))]
    live = [t for t, _s in _rows(_document(plan, language="en"))]
    assert any(t[1:2] == ["Finding premises"] for t in frozen)
    assert any(t[1:2] == ["Changed later"] for t in live)
    assert "Version 1" in [p.text for p in _document(plan, language="en",
                                                      version="1").paragraphs]


def test_an_unknown_version_or_language_is_refused(plan):
    with pytest.raises(source.NotFound):
        source.source(plan, version="7")
    with pytest.raises(source.NotFound):
        source.source(plan, version="abc")
    with pytest.raises(source.BadLanguage):
        source.source(plan, language="de")
