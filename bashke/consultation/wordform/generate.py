"""Writes the idea form as a Word document: blank to download, or filled from ideas.

The layout is made to be read back: three two-column tables (the label or question on the
left, the answer on the right), each question starting with its number ("1.", "6.2"), and
the form's identity (version, plan, language) in the document's core properties. Options
are lines starting with ☐; ticking one means replacing the box with X or ☒.

Generation reads only what it is given: pass a plan whose goals and components are
loaded (``goals_of``), and plain data for filled forms (``FilledForm``).
"""

import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from bashke.consultation.models.ideas import ANSWER_FIELDS
from bashke.consultation.wordform import labels

UNTICKED, TICKED = "☐", "☒"
BOX_FONT = "Segoe UI Symbol"
LEFT_WIDTH, RIGHT_WIDTH = Cm(6.5), Cm(10.5)
PROMPT_GREY = RGBColor(0x55, 0x55, 0x55)
MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Placement:
    """A goal or component as the form lists it: "II" or "II.1", and its title."""

    pk: int
    code: str
    title: str


@dataclass
class FilledForm:
    """One idea's answers, as plain data in the form's terms."""

    heading: str = ""
    hidden_reason: str = ""
    answers: dict = field(default_factory=dict)
    goal_id: int | None = None
    component_id: int | None = None
    agencies: list[str] = field(default_factory=list)
    submitter_name: str = ""
    organisation: str = ""


def goals_of(plan, language):
    """[(goal Placement, [component Placements])] from the plan's loaded goals."""
    suffix = "en" if language == "en" else "sq"
    result = []
    for goal in plan.goals.all():
        components = [
            Placement(c.pk, f"{goal.numeral}.{index}",
                      getattr(c, f"title_{suffix}") or c.title)
            for index, c in enumerate(goal.components.all(), start=1)]
        result.append((Placement(goal.pk, goal.numeral,
                                 getattr(goal, f"title_{suffix}") or goal.title), components))
    return result


def form_identifier(slug: str, language: str) -> str:
    return labels.FORM_IDENTIFIER.format(version=labels.FORM_VERSION, slug=slug,
                                         language=language)


def build(plan, language: str, filled: list[FilledForm] | None = None) -> bytes:
    """The form for ``plan`` in ``language``; blank, or one filled copy per item of
    ``filled`` (each on its own pages)."""
    words = labels.text(language)
    suffix = "en" if language == "en" else "sq"
    plan_title = getattr(plan, f"title_{suffix}") or plan.title
    document = Document()
    _set_properties(document, plan, language, words, plan_title)
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    placements = goals_of(plan, language)

    document.add_heading(plan_title, level=0)
    if not filled:
        _write_form(document, words, placements, FilledForm())
        return _save(document)
    for index, form in enumerate(filled):
        if index:
            document.add_page_break()
        document.add_heading(form.heading, level=1)
        if form.hidden_reason:
            document.add_paragraph(words["hidden"].format(reason=form.hidden_reason))
            continue
        _write_form(document, words, placements, form, with_intro=index == 0)
    return _save(document)


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_properties(document, plan, language, words, plan_title):
    properties = document.core_properties
    properties.title = f"{words['form_title']} — {plan_title}"[:250]
    properties.subject = plan.slug
    properties.category = labels.FORM_CATEGORY
    properties.identifier = form_identifier(plan.slug, language)
    properties.version = str(labels.FORM_VERSION)
    properties.language = "en-GB" if language == "en" else "sq-AL"
    properties.keywords = "Bashkë; OGP; idea form"
    properties.author = "Bashkë"
    properties.comments = ""


def _write_form(document, words, placements, form: FilledForm, with_intro=True):
    answers = form.answers
    if with_intro:
        document.add_heading(words["form_title"], level=1)
        document.add_paragraph(words["intro"])
        document.add_paragraph(words["tick"])
        guidance = document.add_paragraph()
        guidance.add_run(words["guidance"]).bold = True
        for name, body in words["guidance_items"]:
            item = document.add_paragraph(style="List Bullet")
            item.add_run(name).bold = True
            item.add_run(f" — {body}")

    document.add_heading(words["about"], level=2)
    table = _table(document, words)
    _row(table, words["title"], text=answers.get("title", ""))
    goals = [(g.code, g.title, g.pk == form.goal_id) for g, _c in placements]
    _row(table, words["goal"], prompt=words["goal_prompt"], options=goals)
    components = [(c.code, c.title, c.pk == form.component_id)
                  for _g, cs in placements for c in cs]
    _row(table, words["component"], prompt=words["component_prompt"], options=components)
    language = answers.get("language")
    _row(table, words["language"], options=[
        ("", words["language_options"][code], language == code) for code in ("sq", "en")],
        inline=True)

    document.add_heading(words["sender"], level=2)
    table = _table(document, words)
    _row(table, words["submitter_name"], text=form.submitter_name)
    _row(table, words["organisation"], text=form.organisation)
    _row(table, words["publish_name"], prompt=words["publish_prompt"],
         options=_yes_no(words, answers.get("publish_name")), inline=True)

    document.add_heading(words["questions"], level=2)
    table = _table(document, words)
    for number, key in enumerate(ANSWER_FIELDS, start=1):
        _row(table, f"{number}. {words[key]}", text=answers.get(key, ""))
    intro = table.add_row()
    merged = intro.cells[0].merge(intro.cells[1])
    merged.paragraphs[0].add_run(f"6. {words['ogp']}").bold = True
    for number, key in enumerate(labels.VALUE_KEYS, start=1):
        prefix = key.removeprefix("improves_")
        _row(table, f"6.{number} {words[key]}", prompt=words[f"{key}_prompt"],
             options=_yes_no(words, answers.get(key)), inline=True,
             after=[words["explanation"], answers.get(f"{prefix}_explanation", "")])
    agencies = "\n".join(form.agencies) if form.agencies else answers.get("other_agencies", "")
    _row(table, f"7. {words['other_agencies']}", prompt=words["agencies_prompt"],
         text=agencies)
    document.add_paragraph(words["thanks"])


def _yes_no(words, value):
    return [("", words["yes"], value is True), ("", words["no"], value is False)]


def _table(document, words):
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    for cell, title, width in ((header.cells[0], words["col_question"], LEFT_WIDTH),
                               (header.cells[1], words["col_answer"], RIGHT_WIDTH)):
        cell.width = width
        cell.paragraphs[0].add_run(title).bold = True
        _shade(cell, "E8EEF4")
    _repeat_header(header)
    return table


def _row(table, label, *, prompt="", text="", options=None, inline=False, after=()):
    row = table.add_row()
    left, right = row.cells
    left.width, right.width = LEFT_WIDTH, RIGHT_WIDTH
    left.paragraphs[0].add_run(label).bold = True
    if prompt:
        run = left.add_paragraph().add_run(prompt)
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = PROMPT_GREY
    first = right.paragraphs[0]
    if options is not None:
        if inline:
            for index, (_code, title, ticked) in enumerate(options):
                if index:
                    first.add_run("    ")
                _box(first, ticked)
                first.add_run(f" {title}")
        else:
            for index, (code, title, ticked) in enumerate(options):
                paragraph = first if index == 0 else right.add_paragraph()
                _box(paragraph, ticked)
                paragraph.add_run(f" {code} {title}" if code else f" {title}")
        for extra in after:
            _write_lines(right, extra, fresh=True)
        return
    _write_lines(right, text, fresh=False)


def _write_lines(cell, text, *, fresh):
    lines = (text or "").split("\n")
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 and not fresh else cell.add_paragraph()
        if line:
            paragraph.add_run(line)


def _box(paragraph, ticked):
    run = paragraph.add_run(TICKED if ticked else UNTICKED)
    run.font.name = BOX_FONT
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), BOX_FONT)
    fonts.set(qn("w:cs"), BOX_FONT)


def _shade(cell, colour):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row):
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
