"""Survey answers written as an attacker would: no cell of answers.csv or answers.xlsx is a
formula, whatever the writer strips before the spreadsheet reads it."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from surveys_helpers import make_survey

from bashke.consultation.services import surveys as services

from personas import make_user

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example","x")'
# (typed, what both files hold); answers are stripped of surrounding white space first.
ANSWERS = [
    ("\x01" + HYPERLINK, "'" + HYPERLINK),
    ("\x1b@SUM(A1)", "'@SUM(A1)"),
    ("\x02\x03-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("x\x01" + HYPERLINK, "x" + HYPERLINK),  # not at the start: text, not a formula
    ("-5", "-5"),
]


def url(survey, fmt):
    return reverse("consultation:survey_export", kwargs={"slug": survey.plan.slug,
                                                         "pk": survey.pk, "fmt": fmt})


def test_control_characters_before_a_formula_do_not_make_it_live(client_for, coordinator,
                                                                  plan):
    survey = make_survey(plan, questions=None, status="draft")
    services.add_question(survey, actor=None, kind="long_text", text_en="\x01=cmd()")
    survey = services.set_status(survey, actor=None, status="published")
    question = survey.questions.get()
    for n, (typed, _stored) in enumerate(ANSWERS):
        services.submit_response(survey, actor=make_user(f"x{n}@example.org", "X"),
                                 answers={question.pk: typed})
    client = client_for(coordinator)
    expected = [stored for _typed, stored in ANSWERS]

    text = b"".join(client.get(url(survey, "csv")).streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][2] == "'=cmd()"
    assert [row[2] for row in rows[1:]] == expected

    workbook = load_workbook(io.BytesIO(b"".join(client.get(url(survey, "xlsx"))
                                                 .streaming_content)))
    cells = list(workbook.active.iter_rows())
    assert cells[0][2].value == "'=cmd()"
    assert [row[2].value for row in cells[1:]] == expected
    assert all(cell.data_type != "f" for row in cells for cell in row)
    assert [row[0].value for row in cells[1:]] == [1, 2, 3, 4, 5]  # numbers stay numbers
