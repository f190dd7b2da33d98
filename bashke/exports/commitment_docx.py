"""OGP's commitment template (the 2016–2022 template Albania's plan uses) as a Word
document: one measure, or every measure of the plan one after the other, each starting on a
new page. Fields: number and name, start and end, lead implementing agency, other actors
(government, civil society, private sector), the problem, the status quo, what the
commitment is, how it helps, its relevance to each OGP value, additional information, and
the milestones (activities) with their deliverable, start and end.
"""

import io

from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt, RGBColor

from bashke.core.spreadsheets import CONTROL_CHARACTERS
from bashke.drafting.tree import OGP_VALUES
from bashke.exports import labels, wordml

LABEL_CM, VALUE_CM = 5.5, 11.5
MILESTONE_CM = (7.0, 5.0, 2.5, 2.5)
LABEL_FILL = "D9E2F3"


def _clean(value):
    return CONTROL_CHARACTERS.sub("", str(value or ""))


def _period(measure):
    starts = [a.start for a in measure.activities if a.start]
    ends = [a.end for a in measure.activities if a.end]
    if not starts and not ends:
        return ""
    first = labels.day(min(starts)) if starts else "…"
    last = labels.day(max(ends)) if ends else "…"
    return f"{first} – {last}"


def fields(measure, language):
    """(label, value) of the template's fields, in order; the active language must be
    ``language``."""
    word = lambda key: labels.text(language, key)  # noqa: E731
    actors = "\n".join(f"{word(key)}: {value}" for key, value in (
        ("government", measure.other_government_actors),
        ("civil_society", measure.civil_society_actors),
        ("private_sector", measure.private_sector_actors)) if value)
    rows = [
        (word("period"), _period(measure)),
        (word("lead"), measure.lead_institution.name if measure.lead_institution else ""),
        (word("other_actors"), actors),
        (word("problem"), measure.problem),
        (word("status_quo"), measure.status_quo),
        (word("description"), measure.description),
        (word("how_it_helps"), measure.how_it_helps),
    ]
    rows += [(f"{word('relevance')}: {word(value)}",
              getattr(measure, value) or word("not_relevant")) for value in OGP_VALUES]
    rows.append((word("additional_information"), measure.additional_information))
    return rows


def _measure(document, measure, language):
    word = lambda key, **values: labels.text(language, key, **values)  # noqa: E731
    document.add_heading(_clean(word("commitment", number=measure.number, title=measure.title)),
                         level=1)
    if measure.ogp_id:
        document.add_paragraph(word("ogp_id", ogp_id=measure.ogp_id))
    rows = [wordml.row([wordml.cell(label, LABEL_CM, fill=LABEL_FILL, bold=True),
                        wordml.cell(value, VALUE_CM)])
            for label, value in fields(measure, language)]
    wordml.append(document, wordml.table((LABEL_CM, VALUE_CM), rows))
    document.add_heading(word("milestones"), level=2)
    rows = [wordml.row([wordml.cell(word(key), width, fill=LABEL_FILL, bold=True)
                        for key, width in zip(("milestone", "deliverable", "start", "end"),
                                              MILESTONE_CM, strict=True)], header=True)]
    for activity in measure.activities:
        values = (f"{activity.number} {activity.title}", activity.target or activity.indicator,
                  labels.day(activity.start), labels.day(activity.end))
        rows.append(wordml.row([wordml.cell(value, width)
                                for value, width in zip(values, MILESTONE_CM, strict=True)]))
    wordml.append(document, wordml.table(MILESTONE_CM, rows))


def build(source, measures) -> bytes:
    """The template filled for ``measures`` (MeasureRows of ``source.table``)."""
    language = source.language
    with translation.override(language):
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2))
        style = document.styles["Normal"]
        style.font.name, style.font.size = "Calibri", Pt(10)
        title = document.add_paragraph()
        run = title.add_run(_clean(f"{labels.text(language, 'template_title')} — "
                                   f"{source.plan.title}"))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0x1F, 0x3B, 0x63)
        if not measures:
            document.add_paragraph(labels.text(language, "no_measures"))
        for index, measure in enumerate(measures):
            if index:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _measure(document, measure, language)
        properties = document.core_properties
        properties.title = source.plan.title
        properties.category = "bashke-ogp-commitments"
        properties.language = language
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
