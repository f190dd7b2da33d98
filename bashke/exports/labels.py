"""The text of the exported documents, in Albanian and English, and how they write dates
and amounts.

A document is its reader's: whichever language the site is shown in, it is written in the
language asked for (``?lang=``), with the terms of the seed's table and of the glossary
(``Kosto indikative (në mijë lekë)``, ``Hendeku financiar``…). These are the document's
words, not the interface's, so they live here beside each other rather than in gettext,
as the idea form's do (``consultation/wordform/labels.py``).
"""

import datetime
from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import override

LANGUAGES = ("sq", "en")
# The seed's ten columns, in order.
COLUMNS = ("number", "activity", "responsible", "other_responsible", "start", "end", "cost",
           "state_budget", "foreign_financing", "gap")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

TEXT = {
    "sq": {
        "number": "Nr.",
        "activity": "Aktiviteti",
        "responsible": "Institucionet përgjegjëse",
        "other_responsible": "Institucione të tjera përgjegjëse",
        "start": "Afati i fillimit",
        "end": "Afati i mbarimit",
        "cost": "Kosto indikative (në mijë lekë)",
        "state_budget": "Buxhet i Shtetit",
        "foreign_financing": "Financim i huaj",
        "gap": "Hendeku financiar",
        "indicator": "Treguesi",
        "target": "Synimi (produkti)",
        "title": "OPEN GOVERNMENT PARTNERSHIP {period}",
        "goal": "Qëllimi i Politikës: {title}",
        "objective": "OBJEKTIVI SPECIFIK: {title}",
        "measure_total": "Totali i masës {number}",
        "objective_total": "Totali i objektivit specifik {number}",
        "goal_total": "Totali i qëllimit të politikës {numeral}",
        "plan_total": "Totali i planit",
        "version": "Versioni {number}",
        "draft": "Projektplan, {day}",
        "sheet": "Plani i veprimit",
        "empty": "Plani nuk ka ende objektiva specifikë.",
        "xlsx_note": "Hendeku financiar dhe totalet llogariten me formula. Mos ndryshoni "
                     "kolonën e fshehur me identifikuesit: me të ngarkohet tabela përsëri.",
        # The OGP commitment template.
        "template_title": "Angazhimet e planit të veprimit",
        "commitment": "Angazhimi {number}: {title}",
        "period": "Data e fillimit dhe e mbarimit",
        "lead": "Institucioni zbatues drejtues",
        "other_actors": "Aktorë të tjerë të përfshirë",
        "government": "Qeveria",
        "civil_society": "Shoqëria civile",
        "private_sector": "Sektori privat",
        "problem": "Problemi publik që adreson",
        "status_quo": "Gjendja aktuale",
        "description": "Çfarë është angazhimi",
        "how_it_helps": "Si do të ndihmojë në zgjidhjen e problemit",
        "relevance": "Lidhja me vlerat e OGP-së",
        "transparency": "Transparenca dhe aksesi në informacion",
        "participation": "Pjesëmarrja qytetare",
        "accountability": "Llogaridhënia publike",
        "technology": "Teknologjia dhe inovacioni për transparencë dhe llogaridhënie",
        "additional_information": "Informacion shtesë (buxheti, strategjitë, OZQ-të)",
        "milestones": "Aktivitetet me produkt të verifikueshëm",
        "milestone": "Aktiviteti",
        "deliverable": "Produkti",
        "not_relevant": "—",
        "ogp_id": "ID e OGP-së: {ogp_id}",
        "no_measures": "Plani nuk ka ende masa.",
    },
    "en": {
        "number": "No.",
        "activity": "Activity",
        "responsible": "Responsible institutions",
        "other_responsible": "Other responsible institutions",
        "start": "Start date",
        "end": "End date",
        "cost": "Indicative cost (thousand lek)",
        "state_budget": "State budget",
        "foreign_financing": "Foreign financing",
        "gap": "Financing gap",
        "indicator": "Indicator",
        "target": "Target (deliverable)",
        "title": "OPEN GOVERNMENT PARTNERSHIP {period}",
        "goal": "Policy goal: {title}",
        "objective": "SPECIFIC OBJECTIVE: {title}",
        "measure_total": "Total of measure {number}",
        "objective_total": "Total of specific objective {number}",
        "goal_total": "Total of policy goal {numeral}",
        "plan_total": "Total of the plan",
        "version": "Version {number}",
        "draft": "Draft, {day}",
        "sheet": "Action plan",
        "empty": "The plan has no specific objectives yet.",
        "xlsx_note": "The financing gap and the totals are formulas. Leave the hidden column "
                     "of identifiers as it is: the table is imported back by it.",
        "template_title": "Commitments of the action plan",
        "commitment": "Commitment {number}: {title}",
        "period": "Start and end date",
        "lead": "Lead implementing agency",
        "other_actors": "Other actors involved",
        "government": "Government",
        "civil_society": "Civil society",
        "private_sector": "Private sector",
        "problem": "Public problem addressed",
        "status_quo": "Status quo",
        "description": "What is the commitment",
        "how_it_helps": "How will it help solve the problem",
        "relevance": "Relevance to OGP values",
        "transparency": "Access to information / transparency",
        "participation": "Civic participation",
        "accountability": "Public accountability",
        "technology": "Technology and innovation for transparency and accountability",
        "additional_information": "Additional information (budget, strategies, SDGs)",
        "milestones": "Milestone activities with a verifiable deliverable",
        "milestone": "Milestone",
        "deliverable": "Deliverable",
        "not_relevant": "—",
        "ogp_id": "OGP ID: {ogp_id}",
        "no_measures": "The plan has no measures yet.",
    },
}


def text(language, key, **values):
    words = TEXT[language][key]
    return words.format(**values) if values else words


def headers(language):
    return [TEXT[language][column] for column in COLUMNS]


def day(value: datetime.date | None) -> str:
    """A date as the seed's table writes it, in either language: 1-Jan-2020."""
    if value is None:
        return ""
    return f"{value.day}-{MONTHS[value.month - 1]}-{value.year}"


def amount_writer(language):
    """A function writing thousand lek as the language writes numbers (1.250,5 / 1,250.5),
    with the separators of Django's locale formats read once; Albanian's formats lack a
    grouping, which official documents use."""
    with override(language):
        decimal, thousands = get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")

    def write(value: Decimal | None) -> str:
        if value is None:
            return ""
        places = 0 if value == value.to_integral_value() else 2
        return numberformat.format(value, decimal, places, grouping=3,
                                   thousand_sep=thousands, force_grouping=True)

    return write


def amount(value: Decimal | None, language) -> str:
    return amount_writer(language)(value)


def period(table) -> str:
    return f"{table.start.year}-{table.end.year}"
