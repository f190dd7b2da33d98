"""The co-creation report as a Word document and as CSV, from the same data as its page
(``drafting.report.build_report``): every contribution, grouped by component, with its
decision, the reasons and the measures and activities it fed; the counts first.

Headers in Albanian or English (``?lang=``), written here beside each other as the plan
table's export writes its words (``exports/labels.py``): they are the document's words, not
the interface's.
"""

import csv
import io

from django.utils import timezone, translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from bashke.core.spreadsheets import CONTROL_CHARACTERS, safe_row
from bashke.drafting.report import build_report

TEXT = {
    "sq": {
        "title": "Raporti i bashkëkrijimit: {plan}",
        "intro": "Pyetëm, thatë, bëmë: çdo kontribut në plan, me vendimin e marrë për të, "
                 "arsyet dhe masat e aktivitetet që ushqeu.",
        "numbers": "Në shifra",
        "total": "Kontribute",
        "withdrawn": "Tërhequr nga autorët",
        "awaiting": "Ende pa përgjigje",
        "no_component": "Pa komponent",
        "idea": "Ideja",
        "decision": "Vendimi",
        "response": "Përgjigja e arsyetuar",
        "fed": "Masat dhe aktivitetet",
        "awaiting_one": "Pret përgjigje",
        "merged_into": "Bashkuar me #{number} {title}",
        "component": "Komponenti",
        "id": "Nr. i idesë",
        "submitted": "Paraqitur më",
        "channel": "Kanali",
        "by": "Nga",
        "url": "Adresa",
        "merged": "Bashkuar me (nr. i idesë)",
        "none": "Asnjë ide nuk është paraqitur ende.",
    },
    "en": {
        "title": "Co-creation report: {plan}",
        "intro": "We asked, you said, we did: every contribution to the plan, with the "
                 "decision taken on it, the reasons, and the measures and activities it fed.",
        "numbers": "In numbers",
        "total": "Contributions",
        "withdrawn": "Withdrawn by their authors",
        "awaiting": "Still awaiting a response",
        "no_component": "No component",
        "idea": "Idea",
        "decision": "Decision",
        "response": "Reasoned response",
        "fed": "Measures and activities",
        "awaiting_one": "Awaiting a response",
        "merged_into": "Merged into #{number} {title}",
        "component": "Component",
        "id": "Idea number",
        "submitted": "Submitted",
        "channel": "Channel",
        "by": "By",
        "url": "Address",
        "merged": "Merged into (idea number)",
        "none": "No ideas have been put forward yet.",
    },
}
CSV_COLUMNS = ("component", "id", "idea", "submitted", "channel", "by", "decision",
               "response", "merged", "fed", "url")


def _language(language):
    return language if language in TEXT else "sq"


def _clean(value) -> str:
    return CONTROL_CHARACTERS.sub("", str(value or ""))


def _decision_text(row, text):
    if row.awaiting:
        return text["awaiting_one"]
    if row.merged_into is not None:
        return f"{row.label}: " + text["merged_into"].format(number=row.merged_into.pk,
                                                             title=row.merged_into.title)
    return row.label


def _fed_text(row):
    return "\n".join(f"{fed.number} {fed.title}" for fed in row.fed)


def _component_title(group, text):
    if group.component is None:
        return text["no_component"]
    return f"{group.component.goal.numeral}. {group.component.title}"


def report_docx(plan, language="sq") -> bytes:
    language = _language(language)
    text = TEXT[language]
    with translation.override(language):
        report = build_report(plan)
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(1.5))
        document.styles["Normal"].font.size = Pt(10)
        document.add_heading(_clean(text["title"].format(plan=plan.title)), level=1)
        document.add_paragraph(text["intro"])
        document.add_heading(text["numbers"], level=2)
        counts = [(text["total"], report.total),
                  *((label, count) for _kind, label, count in report.counts)]
        if report.withdrawn:
            counts.append((text["withdrawn"], report.withdrawn))
        counts.append((text["awaiting"], report.awaiting))
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, count in counts:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = str(label), str(count)
        if not report.groups:
            document.add_paragraph(text["none"])
        for group in report.groups:
            document.add_heading(_clean(_component_title(group, text)), level=2)
            table = document.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, key in zip(table.rows[0].cells, ("idea", "decision", "response", "fed"),
                                 strict=True):
                cell.text = text[key]
                cell.paragraphs[0].runs[0].bold = True
            for row in group.rows:
                cells = table.add_row().cells
                cells[0].text = _clean(f"#{row.idea.pk} {row.idea.title}")
                cells[1].text = _clean(_decision_text(row, text))
                cells[2].text = _clean(row.response)
                cells[3].text = _clean(_fed_text(row))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_csv(plan, language="sq", site_root="") -> str:
    """UTF-8 text with a byte-order mark (so that Excel reads the diacritics)."""
    language = _language(language)
    text = TEXT[language]
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([text[key] for key in CSV_COLUMNS])
    with translation.override(language):
        report = build_report(plan)
        for group in report.groups:
            component = _component_title(group, text)
            for row in group.rows:
                idea = row.idea
                writer.writerow(safe_row([
                    component, idea.pk, idea.title,
                    timezone.localdate(idea.submitted_at).isoformat(),
                    idea.get_channel_display(), idea.public_name,
                    text["awaiting_one"] if row.awaiting else row.label, row.response,
                    row.merged_into.pk if row.merged_into else "", _fed_text(row).replace(
                        "\n", "; "), site_root + idea.get_absolute_url()]))
    return buffer.getvalue()
