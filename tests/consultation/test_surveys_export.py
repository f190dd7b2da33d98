"""Exports of all answers: one row per response and one column per question, no identities,
formulas defused, for the survey's editors only, streamed in chunks."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from surveys_helpers import full_answers, make_survey

from bashke.consultation.demos.surveys import generate_responses
from bashke.consultation.services import surveys as services
from bashke.consultation.views.surveys import export
from bashke.consultation.views.surveys.export import safe_cell

from personas import make_user

pytestmark = pytest.mark.django_db

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-2+3", "@SUM(A1)",
           "\tTAB", "\rCR"]


def url(survey, fmt):
    return reverse("consultation:survey_export", kwargs={"slug": survey.plan.slug,
                                                         "pk": survey.pk, "fmt": fmt})


@pytest.fixture
def answered(plan):
    survey = make_survey(plan)
    people = [make_user("ana@example.org", "Ana Hoxha"), make_user("ben@example.org", "Ben")]
    services.submit_response(survey, actor=people[0], answers=full_answers(
        survey, single=1, multiple=(2, 0), scale=4, ranks=(2, 3, 1), short="Po, “ë” ç",
        long="=1+1"))
    services.submit_response(survey, actor=people[1], answers=full_answers(
        survey, single=0, multiple=(1,), scale=1, ranks=(1, 2, 3), short="", long="@me"))
    return survey


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="survey-' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_csv_has_a_row_per_response_and_a_column_per_question(client_for, coordinator,
                                                                  answered):
    rows = read_csv(client_for(coordinator).get(url(answered, "csv")))

    assert rows[0] == ["Response", "Date", "One fruit", "Some fruit", "Why?", "More",
                       "How much?", "Rank them"]
    first, second = rows[1:]
    assert first[0] == "1" and len(first[1]) == 10  # a day, not a time
    assert first[2:] == ["Pear", "Apple; Plum", "Po, “ë” ç", "'=1+1", "4",
                         "Plum=1; Apple=2; Pear=3"]
    assert second[2:] == ["Apple", "Pear", "", "'@me", "1", "Apple=1; Pear=2; Plum=3"]


def test_no_export_names_who_answered(client_for, coordinator, answered):
    client = client_for(coordinator)
    text = str(read_csv(client.get(url(answered, "csv"))))
    workbook = load_workbook(io.BytesIO(b"".join(client.get(url(answered, "xlsx"))
                                                 .streaming_content)))
    cells = str([row for row in workbook.active.iter_rows(values_only=True)])
    for secret in ("Ana", "Hoxha", "ana@example.org", "Ben"):
        assert secret not in text and secret not in cells


def test_the_xlsx_holds_the_same_rows(client_for, coordinator, answered):
    response = client_for(coordinator).get(url(answered, "xlsx"))
    assert response["Content-Type"] == export.XLSX_TYPE
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))

    assert rows[0][:3] == ("Response", "Date", "One fruit")
    assert rows[1][2:] == ("Pear", "Apple; Plum", "Po, “ë” ç", "'=1+1", 4,
                           "Plum=1; Apple=2; Pear=3")
    assert len(rows) == 3
    assert all(cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row)


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_starts_get_an_apostrophe(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Plain text") == "Plain text" and safe_cell(5) == 5


def test_hostile_texts_and_labels_are_defused_in_both_files(client_for, coordinator, plan):
    survey = make_survey(plan, questions=None, status="draft")
    services.add_question(survey, actor=None, kind="single", text_en="=cmd()",
                          options=[("", "=1+2"), ("", "fine")])
    services.add_question(survey, actor=None, kind="long_text", text_en="Say", required=False)
    survey = services.set_status(survey, actor=None, status="published")
    choice, text = survey.questions.all()
    # Answers are stripped of surrounding white space, so a formula behind spaces is one too.
    typed = HOSTILE[:4] + ["  =1+1", "bad \x07 bell"]
    stored = ["'" + v for v in HOSTILE[:4]] + ["'=1+1"]
    for n, value in enumerate(typed):
        services.submit_response(survey, actor=make_user(f"h{n}@example.org", "H"), answers={
            choice.pk: str(choice.options.first().pk), text.pk: value})
    client = client_for(coordinator)

    rows = read_csv(client.get(url(survey, "csv")))
    assert rows[0][2] == "'=cmd()" and rows[1][2] == "'=1+2"
    # A control character XML cannot hold is dropped from both files alike.
    assert [row[3] for row in rows[1:6]] == stored and rows[6][3] == "bad  bell"
    workbook = load_workbook(io.BytesIO(b"".join(client.get(url(survey, "xlsx"))
                                                 .streaming_content)))
    cells = list(workbook.active.iter_rows(values_only=True))
    assert cells[0][2] == "'=cmd()"
    assert [row[3] for row in cells[1:6]] == stored
    assert cells[6][3] == "bad  bell"  # a control character XML cannot hold is dropped


@pytest.mark.parametrize("persona", ["citizen", "assessor", "cso_member"])
def test_only_its_editors_export(request, client_for, answered, persona):
    client = client_for(request.getfixturevalue(persona))
    for fmt in ("csv", "xlsx"):
        assert client.get(url(answered, fmt)).status_code == 403


def test_the_public_cannot_export(client, answered):
    assert client.get(url(answered, "csv")).status_code == 403
    assert client.get(url(answered, "pdf")).status_code == 403


def test_an_unknown_format_is_not_found(client_for, coordinator, answered):
    assert client_for(coordinator).get(url(answered, "pdf")).status_code == 404


def test_rows_are_read_a_chunk_at_a_time(client_for, coordinator, plan, monkeypatch,
                                         django_assert_max_num_queries):
    survey = make_survey(plan)
    generate_responses(survey, 250, seed=3)
    monkeypatch.setattr(export, "CHUNK", 100)
    response = client_for(coordinator).get(url(survey, "csv"))
    # Nothing is read before the download starts; then two queries per hundred responses.
    with django_assert_max_num_queries(7):
        rows = list(csv.reader(io.StringIO(
            b"".join(response.streaming_content).decode()[1:])))
    assert len(rows) == 251 and [row[0] for row in rows[1:]] == [str(n) for n in
                                                                 range(1, 251)]
