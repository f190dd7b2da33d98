"""The co-creation report — "we asked, you said, we did" — on data whose every number is
known: every contribution grouped by component, with its decision, reasons and the measures
and activities it fed (numbered as the plan's table numbers them); the counts; the page,
the .docx, the .csv and the API download, in Albanian and English; a fixed number of
queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from bashke.accounts.models import Sector
from bashke.assessment.models import DecisionKind
from bashke.assessment.services.decisions import decide
from bashke.consultation.models import Channel, Idea
from bashke.consultation.services import ideas as idea_services
from bashke.drafting.models import Activity, Measure, Objective
from bashke.drafting.report import build_report
from bashke.exports.cocreation_report import report_csv, report_docx

import scenes
from personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(jurisdiction, ministry, agency):
    return scenes.open_plan(jurisdiction, ministry, agency)


@pytest.fixture
def known(plan):
    """Digital (component 1): "Portal" included in measure 1.2 and activity 1.2.1; "SMS"
    merged into "Portal"; "App" awaiting. Justice (component 2): "Courts" deferred;
    "Withdrawn" withdrawn. One idea without a component, not included. One hidden idea."""
    author = make_user("author@example.org", "Author", sector=Sector.CIVIL_SOCIETY)
    digital = plan.goals.get(number=1).components.get()
    justice = plan.goals.get(number=2).components.get()

    def submit(title, component):
        return idea_services.submit_idea(plan, actor=author, channel=Channel.ONLINE, answers={
            "title": title, "overall_idea": "Do it.", "component": component,
            "language": "en"})

    ideas = {name: submit(name, component) for name, component in (
        ("Portal", digital), ("SMS", digital), ("App", digital), ("Courts", justice),
        ("Withdrawn", justice), ("General", None), ("Hidden", digital))}
    idea_services.withdraw_idea(ideas["Withdrawn"], actor=author)
    Idea.objects.filter(pk=ideas["Hidden"].pk).update(hidden_at="2024-01-01T00:00Z")
    decide(ideas["Portal"], actor=None, kind=DecisionKind.INCLUDED)
    decide(ideas["SMS"], actor=None, kind=DecisionKind.MERGED, merged_into=ideas["Portal"],
           response_sq="U bashkua me portalin.", response_en="Merged with the portal.")
    decide(ideas["Courts"], actor=None, kind=DecisionKind.DEFERRED,
           response_sq="Në planin e ardhshëm.", response_en="In the next plan.")
    decide(ideas["General"], actor=None, kind=DecisionKind.NOT_INCLUDED,
           response_en="Not an open-government commitment.")
    objective = Objective.objects.create(component=digital, title_en="Accessible services")
    Measure.objects.create(objective=objective, position=1, title_en="Service centres")
    measure = Measure.objects.create(objective=objective, position=2, title_en="Rate services",
                                     title_sq="Vlerësimi i shërbimeve")
    measure.source_ideas.add(ideas["Portal"])
    activity = Activity.objects.create(measure=measure, title_en="Build the rating portal")
    activity.source_ideas.add(ideas["Portal"])
    return ideas


def test_the_report_groups_every_contribution_with_what_became_of_it(plan, known):
    report = build_report(plan)
    assert report.total == 6 and report.awaiting == 1 and report.withdrawn == 1
    assert dict((kind, n) for kind, _label, n in report.counts) == {
        "included": 1, "merged": 1, "deferred": 1, "not_included": 1}
    groups = [(g.component.slug if g.component else None, [r.idea.title for r in g.rows])
              for g in report.groups]
    assert groups == [("online-services", ["Portal", "SMS", "App"]),
                      ("legal-aid", ["Courts", "Withdrawn"]), (None, ["General"])]
    portal, sms, app = report.groups[0].rows
    assert [(f.kind, f.number, f.title) for f in portal.fed] == [
        ("measure", "1.2", "Rate services"), ("activity", "1.2.1", "Build the rating portal")]
    assert sms.merged_into.title == "Portal" and sms.response == "Merged with the portal."
    assert app.awaiting and not portal.awaiting
    assert report.groups[1].rows[1].kind == "withdrawn"


def test_the_page_in_both_languages(client, plan, known):
    url = f"/en/plans/{plan.slug}/action-plan/co-creation-report/"
    page = client.get(url).content.decode()
    assert "Co-creation report" in page and "Merged with the portal." in page
    assert "1.2 Rate services" in page and "1.2.1 Build the rating portal" in page
    assert "1 idea still lacks a response" in page and "Hidden" not in page
    albanian = client.get(url + "?lang=sq").content.decode()
    assert "U bashkua me portalin." in albanian and "1.2 Vlerësimi i shërbimeve" in albanian
    assert client.get(f"/sq/plans/{plan.slug}/action-plan/co-creation-report/").status_code \
        == 200


def test_the_page_runs_a_fixed_number_of_queries(client, plan, known):
    url = f"/en/plans/{plan.slug}/action-plan/co-creation-report/"
    counts = []
    for extra in (0, 30):
        for n in range(extra):
            Idea.objects.create(plan=plan, title=f"More {n}", overall_idea="x",
                                component=known["Portal"].component)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    # the plan, the components, the ideas with their decisions, the table (tree.build)
    assert counts == [11, 11]


def test_the_docx_holds_the_counts_and_each_component_table(plan, known):
    document = Document(io.BytesIO(report_docx(plan, "en")))
    assert document.paragraphs[0].text == "Co-creation report: Open plan"
    counts, digital, justice, general = document.tables
    assert [c.text for c in counts.rows[-1].cells] == ["Still awaiting a response", "1"]
    assert [c.text for c in digital.rows[0].cells] == [
        "Idea", "Decision", "Reasoned response", "Measures and activities"]
    sms = [c.text for c in digital.rows[2].cells]
    assert sms[0].endswith("SMS") and sms[1].startswith("Merged into another idea: Merged into")
    assert digital.rows[1].cells[3].text == "1.2 Rate services\n1.2.1 Build the rating portal"
    assert digital.rows[3].cells[1].text == "Awaiting a response"
    albanian = Document(io.BytesIO(report_docx(plan, "sq")))
    assert albanian.tables[1].rows[0].cells[0].text == "Ideja"
    assert albanian.tables[1].rows[2].cells[2].text == "U bashkua me portalin."


def test_the_csv_has_one_row_per_contribution_and_headers_in_the_language(plan, known):
    rows = list(csv.reader(io.StringIO(report_csv(plan, "en").lstrip("\ufeff"))))
    assert rows[0][:3] == ["Component", "Idea number", "Idea"]
    assert len(rows) == 7
    courts = next(row for row in rows if row[2] == "Courts")
    assert courts[6] == "Deferred to a later plan" and courts[7] == "In the next plan."
    portal = next(row for row in rows if row[2] == "Portal")
    assert portal[9] == "1.2 Rate services; 1.2.1 Build the rating portal"
    assert list(csv.reader(io.StringIO(report_csv(plan, "sq").lstrip("\ufeff"))))[0][0] == \
        "Komponenti"


def test_the_downloads_and_the_api(client, plan, known):
    docx = client.get(f"/en/plans/{plan.slug}/export/co-creation-report.docx?lang=en")
    assert docx.status_code == 200 and docx["Content-Type"].endswith("document")
    assert "co-creation-report-en.docx" in docx["Content-Disposition"]
    assert Document(io.BytesIO(docx.content)).tables[1].rows[0].cells[0].text == "Idea"
    text = client.get(f"/sq/plans/{plan.slug}/export/co-creation-report.csv").content.decode()
    assert text.startswith("\ufeffKomponenti")
    assert "http://testserver/en/plans/" in text or "http://testserver/sq/plans/" in text
    api = client.get(f"/api/v1/plans/{plan.slug}/export/co-creation-report.docx?lang=sq")
    assert api.status_code == 200
    assert Document(io.BytesIO(api.content)).tables[1].rows[0].cells[0].text == "Ideja"
    assert client.get("/api/v1/plans/nope/export/co-creation-report.docx").status_code == 404
    assert client.get("/en/plans/nope/export/co-creation-report.csv").status_code == 404
