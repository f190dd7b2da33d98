"""The parser on forms filled the ways people fill them. Every document is built here with
python-docx, from the form the site generates or from scratch."""

import pytest
from django.core.exceptions import ValidationError
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from wordform_helpers import answer_cell, blank_form, fill_completely, upload, write

from bashke.consultation.wordform.parse import parse_docx

pytestmark = pytest.mark.django_db


def parse(document):
    return parse_docx(upload(document))


@pytest.mark.parametrize("language", ["sq", "en"])
def test_a_form_filled_in_its_cells_is_read_completely(open_plan, language):
    form = parse(fill_completely(blank_form(open_plan, language), language))
    answers = form.answers
    assert answers["title"] == "Regjistri i hapur i shëndetësisë"
    assert answers["overall_idea"] == "Një regjistër publik i të gjitha pajisjeve mjekësore."
    assert answers["problem"] == "Askush nuk e di çfarë pajisjesh ka secili spital."
    assert answers["solution"] == "Publikimi i të dhënave çdo muaj."
    assert answers["objective_impact"] == "Më pak humbje; ndikim në buxhet."
    assert answers["beneficiaries"] == "Pacientët dhe mjekët."
    assert [answers[f"improves_{v}"] for v in
            ("transparency", "participation", "accountability", "technology")] == [
        True, False, True, False]
    assert answers["transparency_explanation"] == "Arsyeja 6.1"
    assert answers["technology_explanation"] == "Arsyeja 6.4"
    assert form.agency_names == ["AKSHI", "Ministria e Drejtësisë", "Qendra Lokale"]
    assert form.template == {"version": 1, "plan": open_plan.slug, "language": language}
    assert form.source == "template"
    # Title, all questions: only the unticked component, language-free bits and consent remain.
    assert form.unanswered == ["component", "publish_name"]


def test_a_blank_form_is_refused_as_having_no_answers(open_plan):
    with pytest.raises(ValidationError, match="form.docx holds no answers that could be read"):
        parse(blank_form(open_plan, "sq"))


def test_missing_answers_are_listed_as_unanswered(open_plan):
    document = blank_form(open_plan, "en")
    write(answer_cell(document, "1."), "Only the first question is answered.")
    form = parse(document)
    assert form.answers["overall_idea"] == "Only the first question is answered."
    assert form.unanswered == ["title", "component", "problem", "solution", "objective_impact",
                               "beneficiaries", "improves_transparency",
                               "improves_participation", "improves_accountability",
                               "improves_technology", "other_agencies", "publish_name"]


def test_answers_typed_under_the_question_inside_its_cell(open_plan):
    document = blank_form(open_plan, "sq")
    answer_cell(document, "2.")  # the answer cell stays empty
    question_cell = [row for row in document.tables[2].rows
                     if row.cells[0].text.startswith("2.")][0].cells[0]
    question_cell.add_paragraph("Spitalet nuk publikojnë asgjë.")
    form = parse(document)
    assert form.answers["problem"] == "Spitalet nuk publikojnë asgjë."


def test_extra_paragraphs_lists_bold_and_albanian_letters_are_kept(open_plan):
    document = blank_form(open_plan, "sq")
    cell = answer_cell(document, "3.")
    cell.paragraphs[0].add_run("Çdo bashki ").bold = True
    cell.paragraphs[0].add_run("publikon të dhënat e veta.")
    cell.add_paragraph("Hapi i parë", style="List Bullet")
    cell.add_paragraph("Hapi i dytë", style="List Number")
    cell.add_paragraph("")
    cell.add_paragraph("Përfundim: më shumë llogaridhënie.")
    form = parse(document)
    assert form.answers["solution"] == (
        "Çdo bashki publikon të dhënat e veta.\n- Hapi i parë\n- Hapi i dytë\n\n"
        "Përfundim: më shumë llogaridhënie.")


def test_a_table_inside_an_answer_is_read_row_by_row(open_plan):
    document = blank_form(open_plan, "en")
    cell = answer_cell(document, "5.")
    cell.paragraphs[0].text = "Who benefits:"
    nested = cell.add_table(rows=2, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "Patients", "directly"
    nested.cell(1, 0).text, nested.cell(1, 1).text = "Doctors", "indirectly"
    form = parse(document)
    assert form.answers["beneficiaries"] == (
        "Who benefits:\nPatients | directly\nDoctors | indirectly")


@pytest.mark.parametrize(("typed", "expected"), [
    ("☒ Po    ☐ Jo", True),
    ("☐ Po    ☒ Jo", False),
    ("X Po    ☐ Jo", True),
    ("☐ Po    X Jo", False),
    ("☐ Po X    ☐ Jo", True),
    ("Po ☒    Jo ☐", True),
    ("[x] Yes   [ ] No", True),
    ("[ ] Yes   [X] No", False),
    ("☑ Po ☐ Jo", True),
    ("✔ Jo", False),
    ("✓ Yes", True),
    ("Po", True),
    ("Jo.", False),
    ("Yes", True),
    ("No", False),
    ("PO", True),
    ("☐ Po    ☐ Jo", None),
    ("☒ Po    ☒ Jo", None),
])
def test_yes_no_answered_every_usual_way(open_plan, typed, expected):
    document = blank_form(open_plan, "sq")
    write(answer_cell(document, "1."), "Ideja.")
    write(answer_cell(document, "6.2"), typed, "Shpjegim (opsional):")
    form = parse(document)
    assert form.answers["improves_participation"] is expected
    assert ("improves_participation" in form.unanswered) is (expected is None)
    conflict = any(w.get("code") == "both_ticked" for w in form.warnings)
    assert conflict is (typed.count("☒") == 2)


def test_a_yes_word_with_its_reason_on_the_same_line(open_plan):
    document = blank_form(open_plan, "sq")
    write(answer_cell(document, "6.1"), "Po, sepse publikon të dhënat e spitaleve.")
    write(answer_cell(document, "6.3"), "☐ Po ☐ Jo", "Shpjegim (opsional): Jo direkt.")
    form = parse(document)
    assert form.answers["improves_transparency"] is True
    assert form.answers["transparency_explanation"] == "sepse publikon të dhënat e spitaleve."
    # "Jo direkt." is the explanation line: the options line left unticked keeps it unanswered…
    assert form.answers["accountability_explanation"] == "Jo direkt."


def test_word_check_box_content_controls_and_legacy_check_boxes(open_plan):
    document = blank_form(open_plan, "en")
    write(answer_cell(document, "1."), "An idea.")
    # A check-box content control, as Word 2010+ inserts it: w:sdt with the ☒ glyph.
    cell = write(answer_cell(document, "6.1"), "")
    paragraph = cell.paragraphs[0]
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "☒"
    run.append(text)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)
    paragraph.add_run(" Yes   ☐ No")
    # Legacy form-field check boxes (Word 97–2003 style): "☐ Yes ☒ No".
    paragraph = write(answer_cell(document, "6.4"), "").paragraphs[0]
    legacy_box(paragraph, checked=False)
    paragraph.add_run(" Yes   ")
    legacy_box(paragraph, checked=True)
    paragraph.add_run(" No")
    form = parse(document)
    assert form.answers["improves_transparency"] is True
    assert form.answers["improves_technology"] is False


def legacy_box(paragraph, *, checked):
    run = OxmlElement("w:r")
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    data = OxmlElement("w:ffData")
    box = OxmlElement("w:checkBox")
    state = OxmlElement("w:default")
    state.set(qn("w:val"), "1" if checked else "0")
    box.append(state)
    data.append(box)
    begin.append(data)
    run.append(begin)
    paragraph._p.append(run)


def test_a_wingdings_tick_symbol_counts_as_ticked(open_plan):
    document = blank_form(open_plan, "en")
    write(answer_cell(document, "1."), "An idea.")
    paragraph = write(answer_cell(document, "6.3"), "").paragraphs[0]
    run = paragraph.add_run()
    symbol = OxmlElement("w:sym")
    symbol.set(qn("w:font"), "Wingdings")
    symbol.set(qn("w:char"), "F0FE")
    run._r.append(symbol)
    paragraph.add_run(" No")
    assert parse(document).answers["improves_accountability"] is False


def test_component_goal_language_and_consent_are_read_from_ticks(open_plan):
    document = blank_form(open_plan, "sq")
    write(answer_cell(document, "1."), "Ideja.")
    component = answer_cell(document, "Komponenti")
    component.paragraphs[1].text = "☒ II.1 Ndihma juridike"
    language = answer_cell(document, "Gjuha")
    language.paragraphs[0].text = "☐ Shqip    X Anglisht"
    write(answer_cell(document, "Pëlqimi"), "Po")
    write(answer_cell(document, "Emri"), "Arta Hoxha")
    write(answer_cell(document, "Organizata"), "Qendra për Shoqëri të Hapur")
    form = parse(document)
    assert form.answers["component"] == "II.1 Ndihma juridike"
    assert form.answers["language"] == "en"
    assert form.answers["publish_name"] is True
    assert form.answers["submitter_name"] == "Arta Hoxha"
    assert form.answers["organisation"] == "Qendra për Shoqëri të Hapur"
    assert "component" not in form.unanswered


def test_a_form_of_the_other_language_is_read_whatever_the_site_language(open_plan):
    from django.utils import translation

    document = fill_completely(blank_form(open_plan, "en"), "en")
    with translation.override("sq"):
        form = parse(document)
    assert form.answers["improves_transparency"] is True
    assert form.answers["beneficiaries"] == "Pacientët dhe mjekët."
    assert form.template["language"] == "en"


def test_the_table_turned_into_text_is_read_under_each_question():
    document = Document()
    document.add_paragraph("Titulli i idesë: Buxheti i hapur")
    document.add_paragraph("1. Përshkruani idenë në përgjithësi.")
    document.add_paragraph("Publikimi i buxhetit të bashkisë.")
    document.add_paragraph("Me të dhëna të hapura.")
    document.add_paragraph("2. Cili është problemi që do të adresojë ideja? Mungesa e të dhënave.")
    document.add_paragraph("6.1 Transparencën dhe aksesin në informacion?")
    document.add_paragraph("☒ Po ☐ Jo")
    document.add_paragraph("6.2 Pjesëmarrjen publike dhe qytetare? Jo")
    document.add_paragraph("7. Cilat janë agjencitë kryesore që do ta zbatonin idenë "
                           "(ministri, OJF, etj.)?")
    document.add_paragraph("Bashkia Shkodër, AKSHI")
    form = parse(document)
    assert form.answers["title"] == "Buxheti i hapur"
    assert form.answers["overall_idea"] == (
        "Publikimi i buxhetit të bashkisë.\nMe të dhëna të hapura.")
    assert form.answers["problem"] == "Mungesa e të dhënave."
    assert form.answers["improves_transparency"] is True
    assert form.answers["improves_participation"] is False
    assert form.agency_names == ["Bashkia Shkodër", "AKSHI"]
    assert form.source == "other"
    assert form.warnings[0]["code"] == "not_template"


def test_a_document_answering_by_numbers_only(open_plan):
    document = Document()
    document.add_paragraph("Ideja ime për planin")
    document.add_paragraph("1) We propose an open register of contracts.")
    document.add_paragraph("1. It starts with the ministries;")   # a list inside answer 1
    document.add_paragraph("3) It publishes every contract.")
    document.add_paragraph("Pyetja 5: Businesses and journalists")
    document.add_paragraph("6.")
    document.add_paragraph("a) Yes")
    document.add_paragraph("b) No")
    document.add_paragraph("d) Yes - open data tools")
    form = parse(document)
    assert form.answers["overall_idea"] == ("We propose an open register of contracts.\n"
                                            "1. It starts with the ministries;")
    assert form.answers["problem"] == ""
    assert form.answers["solution"] == "It publishes every contract."
    assert form.answers["beneficiaries"] == "Businesses and journalists"
    assert form.answers["improves_transparency"] is True
    assert form.answers["improves_participation"] is False
    assert form.answers["improves_accountability"] is None
    assert form.answers["improves_technology"] is True
    assert form.answers["technology_explanation"] == "open data tools"
    assert {"title", "problem", "objective_impact", "improves_accountability",
            "other_agencies"} <= set(form.unanswered)
    assert form.source == "other"


def test_question_six_answered_as_four_lines(open_plan):
    document = Document()
    document.add_paragraph("1. Open contracts.")
    document.add_paragraph("6. Would the idea improve:")
    for answer in ("Yes", "Yes", "No", "No"):
        document.add_paragraph(answer)
    form = parse(document)
    assert [form.answers[f"improves_{v}"] for v in
            ("transparency", "participation", "accountability", "technology")] == [
        True, True, False, False]


def test_question_six_answered_in_one_sentence_is_flagged_not_lost(open_plan):
    document = Document()
    document.add_paragraph("1. Open contracts.")
    document.add_paragraph("6. It would improve transparency mostly.")
    form = parse(document)
    warning = next(w for w in form.warnings if w["code"] == "ogp_unassigned")
    assert "transparency mostly" in warning["text"]


def test_a_document_with_no_recognisable_answers_is_refused():
    document = Document()
    document.add_paragraph("Dear colleagues, please find attached our comments.")
    with pytest.raises(ValidationError, match="holds no answers that could be read"):
        parse(document)


def test_the_language_is_guessed_when_not_ticked(open_plan):
    document = blank_form(open_plan, "sq")
    write(answer_cell(document, "1."), "The idea is to publish all the contracts of the city.")
    form = parse(document)
    assert form.answers["language"] == "en"
    assert {"code": "language_guessed", "field": "language", "text": "en"} in form.warnings
