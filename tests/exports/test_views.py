"""The downloads as pages and API operations, the import page, and the number of queries
an export runs (the same at two sizes of the table)."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from exports_helpers import line_of
from openpyxl import load_workbook

from bashke.drafting import tree
from bashke.drafting.models import Activity, Measure, Objective, PlanVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english(client):
    # The API answers in the Accept-Language's language (Albanian without one); these
    # tests read its English messages.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
API = "/api/v1/plans/{slug}/export/{name}"
DOWNLOADS = ("action_plan_docx", "action_plan_xlsx", "commitments_docx", "commitments_csv",
             "commitments_json")


@pytest.mark.parametrize("name", DOWNLOADS)
def test_every_download_as_a_page(client, plan, table, name):
    response = client.get(reverse(f"exports:{name}", args=[plan.slug]), {"lang": "en"})
    assert response.status_code == 200
    extension = name.rsplit("_", 1)[1]
    assert 'filename="albania-2020-2022-' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith(f'-draft-en.{extension}"')


def test_one_measures_template_and_unknown_ones(client, plan, table):
    url = reverse("exports:commitment_docx", args=[plan.slug, "1.2"])
    assert client.get(url).status_code == 200
    assert client.get(reverse("exports:commitment_docx", args=[plan.slug, "9.9"])
                      ).status_code == 404


def test_bad_questions_to_the_pages(client, plan, table):
    url = reverse("exports:action_plan_docx", args=[plan.slug])
    assert client.get(url, {"version": "4"}).status_code == 404
    assert client.get(url, {"lang": "de"}).status_code == 400
    assert client.get(reverse("exports:action_plan_docx", args=["no-such-plan"])
                      ).status_code == 404


@pytest.mark.parametrize("name", ["action-plan.docx", "action-plan.xlsx", "commitments.csv",
                                  "commitments.json", "commitments.docx",
                                  "commitments/1.1.docx"])
def test_the_api_serves_the_same_files(client, plan, table, name):
    response = client.get(API.format(slug=plan.slug, name=name), {"lang": "sq"})
    assert response.status_code == 200 and response["Content-Language"] == "sq"


def test_the_api_answers_bad_questions_in_json(client, plan, table):
    url = API.format(slug=plan.slug, name="action-plan.xlsx")
    missing = client.get(url, {"version": 3})
    assert missing.status_code == 404
    assert missing.json() == {"detail": "The plan has no version 3."}
    assert client.get(url, {"lang": "fr"}).status_code == 422
    assert client.get(url, {"version": "x"}).status_code == 422
    assert client.get(API.format(slug="nowhere", name="commitments.csv")).status_code == 404
    assert client.get(API.format(slug=plan.slug, name="commitments/7.7.docx")
                      ).status_code == 404


def test_the_api_serves_a_frozen_version(client, plan, table):
    PlanVersion.objects.create(plan=plan, number=1, snapshot=tree.to_json(tree.build(plan)),
                               frozen_at=timezone.now())
    Measure.objects.filter(pk=table["measures"][0].pk).update(title_en="Renamed")
    url = API.format(slug=plan.slug, name="commitments.json")
    frozen = json.loads(client.get(url, {"lang": "en", "version": 1}).content)
    live = json.loads(client.get(url, {"lang": "en"}).content)
    assert frozen["commitments"][0]["title"] == "New integrated service centres"
    assert live["commitments"][0]["title"] == "Renamed"
    assert frozen["plan"]["version"] == 1


def _grow(table, count):
    measure = table["measures"][2]
    Activity.objects.bulk_create([
        Activity(measure=measure, position=10 + n, title_en=f"More {n}", cost=10,
                 start=datetime.date(2021, 1, 1), end=datetime.date(2021, 6, 30))
        for n in range(count)])
    objective = Objective.objects.create(component=table["objectives"][1].component,
                                         position=5, title_en="Another")
    Measure.objects.create(objective=objective, title_en="Another measure")


@pytest.mark.parametrize("name", DOWNLOADS)
def test_an_export_runs_the_same_queries_at_two_sizes(client, plan, table, name,
                                                      django_assert_max_num_queries):
    url = reverse(f"exports:{name}", args=[plan.slug])
    client.get(url)  # sessions, the language: settle what runs once
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(table, 40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
    assert len(small.captured_queries) <= 12


def test_the_import_page_asks_for_the_coordinator(client, client_for, plan, table,
                                                  coordinator, component_leader):
    url = reverse("exports:import_table", args=[plan.slug])
    assert client.get(url).status_code == 302
    assert client_for(component_leader).get(url).status_code == 403
    page = client_for(coordinator).get(url)
    assert page.status_code == 200 and b"Check and import" in page.content


def _xlsx(client, plan, edits=None):
    content = client.get(reverse("exports:action_plan_xlsx", args=[plan.slug]),
                         {"lang": "en"}).content
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    for (key, column), value in (edits or {}).items():
        sheet[f"{column}{line_of(sheet, key)}"] = value
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("table.xlsx", out.getvalue())


def test_the_import_page_lists_problems_by_cell_then_imports(client_for, plan, table,
                                                             coordinator):
    client = client_for(coordinator)
    url = reverse("exports:import_table", args=[plan.slug])
    first = table["activities"][0]
    bad = _xlsx(client, plan, {(f"activity:{first.pk}", "G"): "lots"})
    page = client.post(url, {"file": bad})
    assert page.status_code == 400
    assert b"Nothing was imported" in page.content and b"<th scope=\"row\">G8</th>" in page.content
    good = _xlsx(client, plan, {(f"activity:{first.pk}", "G"): 1500})
    done = client.post(url, {"file": good})
    assert done.status_code == 302
    after = client.get(url)
    assert "1.1.1" in after.content.decode() and "1,500" in after.content.decode()
    first.refresh_from_db()
    assert first.cost == 1500
    refused = client.post(url, {"file": SimpleUploadedFile("notes.txt", b"hello")})
    assert refused.status_code == 400 and b"not an accepted kind of file" in refused.content
    assert client.post(url, {}).status_code == 400


def test_the_downloads_panel(plan, table, coordinator, citizen):
    PlanVersion.objects.create(plan=plan, number=1, snapshot=tree.to_json(tree.build(plan)),
                               frozen_at=timezone.now())
    template = Template('{% include "exports/_downloads.html" %}')
    for user, can_import in ((coordinator, True), (citizen, False)):
        request = RequestFactory().get("/")
        request.user = user
        html = template.render(Context({"plan": plan, "request": request}))
        assert '<option value="1">' in html
        assert reverse("exports:action_plan_xlsx", args=[plan.slug]) in html
        assert (reverse("exports:import_table", args=[plan.slug]) in html) is can_import
