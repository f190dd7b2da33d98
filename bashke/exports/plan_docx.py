"""The action plan table as a Word document, laid out as the seed's: landscape, the ten
columns (Nr. | Aktiviteti | Institucionet përgjegjëse | … | Hendeku financiar), a row
spanning the table for each policy goal, and a numbered row spanning it for each specific
objective and measure, then the activities, with the totals of each measure, objective,
goal and of the plan. The header row repeats on every page.

The table is written as WordprocessingML text (``wordml``): fast at 1,000 activities.
"""

import io

from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from bashke.exports import labels, wordml
from bashke.plans.cycle import today

# Column widths in centimetres, adding up to a landscape A4 page within 1.5 cm margins.
WIDTHS_CM = (1.4, 6.1, 3.0, 3.2, 2.3, 2.3, 2.4, 2.0, 2.0, 2.0)
MARGIN = Cm(1.5)
FILLS = {"header": "D9E2F3", "goal": "B4C6E7", "objective": "DDEBF7", "measure": "F2F2F2",
         "total": "FFF2CC", "plan_total": "FFE699"}


def _spanning(number, title, fill, *, whole=False):
    """A goal (the whole width) or an objective or measure (its number, then the rest)."""
    if whole:
        return wordml.row([wordml.cell(title, sum(WIDTHS_CM), span=10, fill=fill, bold=True)])
    return wordml.row([wordml.cell(number, WIDTHS_CM[0], fill=fill, bold=True),
                       wordml.cell(title, sum(WIDTHS_CM[1:]), span=9, fill=fill, bold=True)])


def _money_cells(values, write, fill=None, bold=False):
    return [wordml.cell(write(value), width, fill=fill, bold=bold, right=True)
            for value, width in zip(values, WIDTHS_CM[6:], strict=True)]


def _total(label, money, write, fill):
    values = (money.cost, money.state_budget, money.foreign_financing, money.gap)
    return wordml.row([wordml.cell(label, sum(WIDTHS_CM[:6]), span=6, fill=fill, bold=True),
                       *_money_cells(values, write, fill, bold=True)])


def _activity(activity, write):
    others = ", ".join(i.short for i in activity.other_responsible)
    values = (activity.number, activity.title, activity.responsible.short
              if activity.responsible else "", others, labels.day(activity.start),
              labels.day(activity.end))
    cells = [wordml.cell(value, width) for value, width in zip(values, WIDTHS_CM, strict=False)]
    amounts = (activity.cost, activity.state_budget, activity.foreign_financing, activity.gap)
    return wordml.row(cells + _money_cells(amounts, write))


def table_rows(table, language):
    """The rows of the table as markup, in order; the active language must be
    ``language`` (titles fall back to the other language where empty)."""
    word = lambda key, **values: labels.text(language, key, **values)  # noqa: E731
    write = labels.amount_writer(language)
    rows = [wordml.row([wordml.cell(h, w, fill=FILLS["header"], bold=True)
                        for h, w in zip(labels.headers(language), WIDTHS_CM, strict=True)],
                       header=True)]
    for goal in table.goals:
        rows.append(_spanning("", word("goal", title=goal.title), FILLS["goal"], whole=True))
        for objective in goal.objectives:
            rows.append(_spanning(objective.number, word("objective", title=objective.title),
                                  FILLS["objective"]))
            for measure in objective.measures:
                rows.append(_spanning(measure.number, measure.title, FILLS["measure"]))
                rows.extend(_activity(activity, write) for activity in measure.activities)
                rows.append(_total(word("measure_total", number=measure.number),
                                   measure.totals, write, FILLS["total"]))
            rows.append(_total(word("objective_total", number=objective.number),
                               objective.totals, write, FILLS["total"]))
        rows.append(_total(word("goal_total", numeral=goal.numeral), goal.totals, write,
                           FILLS["total"]))
    rows.append(_total(word("plan_total"), table.totals, write, FILLS["plan_total"]))
    return rows


def _landscape(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def build(source) -> bytes:
    """The .docx of ``source`` (exports.source.Source) in its language."""
    language, table, plan = source.language, source.table, source.plan
    with translation.override(language):
        document = Document()
        _landscape(document)
        style = document.styles["Normal"]
        style.font.name, style.font.size = "Calibri", Pt(10)
        heading = document.add_paragraph()
        heading.add_run(labels.text(language, "title", period=labels.period(table))).bold = True
        document.add_paragraph(plan.title)
        stamp = (labels.text(language, "version", number=source.version.number)
                 if source.version else labels.text(language, "draft", day=labels.day(today())))
        document.add_paragraph(stamp)
        if not table.objectives():
            document.add_paragraph(labels.text(language, "empty"))
        wordml.append(document, wordml.table(WIDTHS_CM, table_rows(table, language)))
        properties = document.core_properties
        properties.title = plan.title
        properties.category = "bashke-action-plan"
        properties.identifier = source.filename("action-plan", "docx")
        properties.language = language
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
