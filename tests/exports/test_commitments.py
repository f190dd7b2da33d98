"""The commitments in OGP's columns (CSV, JSON) and OGP's commitment template in Word."""

import csv
import io
import json

import pytest
from docx import Document

from bashke.exports import commitment_docx, commitments_data, source

pytestmark = pytest.mark.django_db


def _source(plan, language="en"):
    return source.source(plan, language=language)


def test_csv_columns_line_up_with_ogps(plan, table):
    text = commitments_data.to_csv(_source(plan))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0])[:16] == [
        "Commitment Unique Identifier", "Country/Locality", "Action Plan Number",
        "Commitment Number", "National or Local", "Year of Submission",
        "Action Plan End Year", "Duration", "Theme", "Commitment Title", "Short Title",
        "Full Text", "Start Date", "End Date", "Lead Institution", "Supporting Institutions"]
    first, second, third = rows
    assert first["Commitment Unique Identifier"] == "AL0070"
    # Without OGP's ID, the plan's slug and the measure's number.
    assert second["Commitment Unique Identifier"] == "albania-2020-2022-1.2"
    assert (first["Country/Locality"], first["Action Plan Number"],
            first["Commitment Number"], third["Commitment Number"]) == ("Albania", "5", "1", "3")
    assert (first["National or Local"], first["Year of Submission"],
            first["Action Plan End Year"], first["Duration"]) == ("National", "2020", "2022", "2")
    assert first["Commitment Title"] == "New integrated service centres"
    assert (first["Start Date"], first["End Date"]) == ("2020-07-01", "2022-06-30")
    assert first["Lead Institution"] == "Agency for Delivery of Integrated Public Services"
    assert "Ministry of Justice" in first["Supporting Institutions"]
    assert "Open Data Albania" in first["Supporting Institutions"]
    assert (first["Access to Information"], first["Civic Participation"],
            first["Technology and Innovation for Transparency and Accountability"]) == \
        ("Yes", "No", "Yes")
    assert first["Full Text"] == "Public problem addressed: Services are far away."
    assert first["Bashkë: Financing Gap"] == "1500.50"
    assert first["Bashkë: Milestones"].splitlines()[2] == \
        "1.1.3 =Reconstruction works (2020-07-01 – 2022-06-30)"


def test_json_has_the_same_records_and_the_column_map(plan, table):
    data = json.loads(commitments_data.to_json(_source(plan, "sq")))
    assert data["columns"]["commitment_id"] == "Commitment Unique Identifier"
    first = data["commitments"][0]
    assert first["title"] == "Ngritja e Qendrave të Integruara të reja"
    assert first["access_to_information"] is True and first["civic_participation"] is False
    assert first["indicative_cost"] == "6000.50"
    assert [m["number"] for m in first["milestones"]] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    assert data["plan"]["version"] is None and data["language"] == "sq"


def _texts(document):
    return [cell.text for table in document.tables for row in table.rows
            for cell in row.cells]


def test_the_template_of_one_measure(plan, table):
    found = _source(plan)
    measure = found.table.measures()[0]
    document = Document(io.BytesIO(commitment_docx.build(found, [measure])))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Commitment 1.1: New integrated service centres"
    texts = _texts(document)
    for label, value in [("Lead implementing agency",
                          "Agency for Delivery of Integrated Public Services"),
                         ("Public problem addressed", "Services are far away."),
                         ("Relevance to OGP values: Access to information / transparency",
                          "Service standards are published."),
                         ("Relevance to OGP values: Civic participation", "—"),
                         ("Start and end date", "1-Jul-2020 – 30-Jun-2022")]:
        assert texts[texts.index(label) + 1] == value
    assert "Government: Municipalities" in texts[texts.index("Other actors involved") + 1]
    milestones = document.tables[1]
    assert [c.text for c in milestones.rows[0].cells] == ["Milestone", "Deliverable",
                                                          "Start date", "End date"]
    assert [c.text for c in milestones.rows[1].cells] == [
        "1.1.1 Finding premises", "2 centres", "1-Jul-2020", "30-Jun-2022"]


def test_all_measures_in_one_document_in_albanian(plan, table):
    found = _source(plan, "sq")
    document = Document(io.BytesIO(commitment_docx.build(found, found.table.measures())))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert [h.split(":")[0] for h in headings] == ["Angazhimi 1.1", "Angazhimi 1.2",
                                                   "Angazhimi 2.1"]
    assert "Institucioni zbatues drejtues" in _texts(document)
