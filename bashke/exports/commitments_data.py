"""The plan's commitments (its measures) as CSV and JSON whose columns line up with OGP's
own commitments database, so that a member's data can flow straight into OGP's. The
mapping from our fields to OGP's columns is documented in docs/exports.md.

OGP's columns that the independent review fills (specificity, potential impact,
completion, "did it open government") are there and empty: a plan being drafted has no
review yet. After OGP's columns come ours (the measure's number in the seed's table, the
money and the milestones), each named with a ``Bashkë:`` prefix so they cannot be mistaken
for OGP's.
"""

import csv
import io
import json

from django.utils import translation

from bashke.core.spreadsheets import safe_row
from bashke.drafting.tree import OGP_VALUES
from bashke.exports import labels
from bashke.plans.models import Jurisdiction

# (our key, OGP's column)
COLUMNS = (
    ("commitment_id", "Commitment Unique Identifier"),
    ("country", "Country/Locality"),
    ("action_plan_number", "Action Plan Number"),
    ("commitment_number", "Commitment Number"),
    ("national_or_local", "National or Local"),
    ("year_of_submission", "Year of Submission"),
    ("action_plan_end_year", "Action Plan End Year"),
    ("duration", "Duration"),
    ("theme", "Theme"),
    ("title", "Commitment Title"),
    ("short_title", "Short Title"),
    ("full_text", "Full Text"),
    ("start_date", "Start Date"),
    ("end_date", "End Date"),
    ("lead_institution", "Lead Institution"),
    ("supporting_institutions", "Supporting Institutions"),
    ("access_to_information", "Access to Information"),
    ("civic_participation", "Civic Participation"),
    ("public_accountability", "Public Accountability"),
    ("technology", "Technology and Innovation for Transparency and Accountability"),
    ("specificity", "Specificity"),
    ("potential_impact", "Potential Impact"),
    ("completion", "Completion"),
    ("did_it_open_government", "Did It Open Government?"),
    ("measure_number", "Bashkë: Measure Number"),
    ("specific_objective", "Bashkë: Specific Objective"),
    ("indicative_cost", "Bashkë: Indicative Cost (thousand lek)"),
    ("state_budget", "Bashkë: State Budget"),
    ("foreign_financing", "Bashkë: Foreign Financing"),
    ("financing_gap", "Bashkë: Financing Gap"),
    ("milestones", "Bashkë: Milestones"),
)
VALUE_KEYS = dict(zip(OGP_VALUES, ("access_to_information", "civic_participation",
                                   "public_accountability", "technology"), strict=True))
SHORT_TITLE = 80
FORMAT_VERSION = 1


def commitment_id(plan, measure):
    """OGP's identifier once OGP has published the commitment (AL0065), else ours."""
    return measure.ogp_id or f"{plan.slug}-{measure.number}"


def _short(title):
    return title if len(title) <= SHORT_TITLE else title[:SHORT_TITLE - 1].rstrip() + "…"


def _full_text(measure, language):
    parts = []
    for name in ("description", "problem", "status_quo", "how_it_helps",
                 "additional_information"):
        value = getattr(measure, name)
        if value:
            parts.append(f"{labels.text(language, name)}: {value}")
    return "\n\n".join(parts)


def _supporting(measure):
    lead = measure.lead_institution.id if measure.lead_institution else None
    names, seen = [], {lead}
    for activity in measure.activities:
        for institution in [activity.responsible, *activity.other_responsible]:
            if institution is not None and institution.id not in seen:
                seen.add(institution.id)
                names.append(institution.name)
    actors = [measure.other_government_actors, measure.civil_society_actors,
              measure.private_sector_actors]
    return "; ".join([*names, *(actor for actor in actors if actor)])


def _years(plan):
    return round(plan.length_months / 12) if plan.length_months else ""


def records(source) -> list[dict]:
    """One dict per measure, keyed as COLUMNS; dates ISO, amounts Decimal, flags bool."""
    plan, table, language = source.plan, source.table, source.language
    result = []
    with translation.override(language):
        country = plan.jurisdiction.name
        local = plan.jurisdiction.kind == Jurisdiction.Kind.LOCAL
        index = 0
        for goal in table.goals:
            for objective in goal.objectives:
                for measure in objective.measures:
                    index += 1
                    starts = [a.start for a in measure.activities if a.start]
                    ends = [a.end for a in measure.activities if a.end]
                    totals = measure.totals
                    record = {
                        "commitment_id": commitment_id(plan, measure), "country": country,
                        "action_plan_number": plan.number, "commitment_number": index,
                        "national_or_local": "Local" if local else "National",
                        "year_of_submission": plan.start.year,
                        "action_plan_end_year": plan.end.year, "duration": _years(plan),
                        "theme": goal.title, "title": measure.title,
                        "short_title": _short(measure.title),
                        "full_text": _full_text(measure, language),
                        "start_date": min(starts).isoformat() if starts else "",
                        "end_date": max(ends).isoformat() if ends else "",
                        "lead_institution": measure.lead_institution.name
                        if measure.lead_institution else "",
                        "supporting_institutions": _supporting(measure),
                        "specificity": "", "potential_impact": "", "completion": "",
                        "did_it_open_government": "",
                        "measure_number": measure.number,
                        "specific_objective": f"{objective.number} {objective.title}",
                        "indicative_cost": totals.cost, "state_budget": totals.state_budget,
                        "foreign_financing": totals.foreign_financing,
                        "financing_gap": totals.gap,
                        "milestones": [{
                            "number": a.number, "title": a.title,
                            "deliverable": a.target or a.indicator,
                            "start_date": a.start.isoformat() if a.start else "",
                            "end_date": a.end.isoformat() if a.end else ""}
                            for a in measure.activities],
                    }
                    relevant = set(measure.relevant_values)
                    for value, key in VALUE_KEYS.items():
                        record[key] = value in relevant
                    result.append(record)
    return result


def _csv_value(key, value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if key == "milestones":
        return "\n".join(f"{m['number']} {m['title']} ({m['start_date']} – {m['end_date']})"
                         for m in value)
    if value is None:
        return ""
    if key in ("indicative_cost", "state_budget", "foreign_financing", "financing_gap"):
        return str(value)
    return value


def to_csv(source) -> str:
    """UTF-8 text with a byte-order mark, so that Excel reads ë and ç."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([header for _key, header in COLUMNS])
    for record in records(source):
        writer.writerow(safe_row([_csv_value(key, record[key]) for key, _header in COLUMNS]))
    return buffer.getvalue()


def to_json(source) -> str:
    plan = source.plan
    data = {
        "format": FORMAT_VERSION,
        "plan": {"slug": plan.slug, "number": plan.number, "start": plan.start.isoformat(),
                 "end": plan.end.isoformat(),
                 "version": source.version.number if source.version else None},
        "language": source.language,
        "columns": dict(COLUMNS),
        "commitments": [{key: (str(value) if key in ("indicative_cost", "state_budget",
                                                     "foreign_financing", "financing_gap")
                               else value) for key, value in record.items()}
                        for record in records(source)],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)

