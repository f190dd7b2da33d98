"""A citizen answers a survey with the keyboard alone — a mistake first, shown next to its
question with everything kept — and its results page then shows a chart and its data table
per question; a coordinator builds a survey on the web pages. Every page passes axe and is
kept as a screenshot."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bashke.consultation.models import (
    QuestionKind,
    ResultsVisibility,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)
from bashke.consultation.services import surveys as services

from personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEASURES = [("Buxheti online", "The budget online"), ("Dëgjesa publike", "Public hearings"),
            ("Buxhetim me pjesëmarrje", "Participatory budgeting")]


@pytest.fixture
def survey(plan, coordinator):
    now = timezone.now()
    survey = services.create_survey(
        plan, actor=coordinator, title_sq="Prioritetet e buxhetit",
        title_en="Budget priorities", intro_en="Five short questions.",
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=7),
        results_visibility=ResultsVisibility.LIVE)
    add = services.add_question
    add(survey, actor=coordinator, kind=QuestionKind.SINGLE, text_en="Do you follow the budget?",
        options=[("Po", "Yes"), ("Jo", "No")])
    add(survey, actor=coordinator, kind=QuestionKind.MULTIPLE, text_en="Which areas matter?",
        options=[("Arsimi", "Education"), ("Rrugët", "Roads"), ("Parqet", "Parks")],
        max_choices=2)
    add(survey, actor=coordinator, kind=QuestionKind.SCALE, text_en="How transparent is it?",
        low_label_en="not at all", high_label_en="fully")
    add(survey, actor=coordinator, kind=QuestionKind.RANKING,
        text_en="Rank these priority measures", options=MEASURES)
    add(survey, actor=coordinator, kind=QuestionKind.SHORT_TEXT, text_en="One idea",
        required=False)
    return services.set_status(survey, actor=coordinator, status="published")


def log_in(page, user):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in")).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def tab_to(page, locator, limit=80):
    """Presses Tab until the element has the focus, as a keyboard user would."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", target):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_a_citizen_answers_with_the_keyboard_and_sees_the_results(page, axe_check,
                                                                   screenshot, plan, survey,
                                                                   citizen):
    log_in(page, citizen)
    page.goto(f"/en/plans/{plan.slug}/surveys/")
    expect(page.locator("h1")).to_have_text("Surveys")
    axe_check(page)
    screenshot(page, "surveys-01-list")
    page.get_by_role("link", name="Budget priorities", exact=True).click()
    expect(page.locator("h1")).to_have_text("Budget priorities")
    expect(page.locator("fieldset.survey-question")).to_have_count(5)
    axe_check(page)
    screenshot(page, "surveys-02-form")

    # A first try with the ranking unfinished and three areas where two are allowed.
    tab_to(page, page.get_by_label("Yes"))
    page.keyboard.press("Space")
    for area in ("Education", "Roads", "Parks"):
        tab_to(page, page.get_by_label(area))
        page.keyboard.press("Space")
    # Tab enters a radio group once; the arrow keys move the choice within it.
    tab_to(page, page.get_by_label("1 – not at all"))
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_label("4", exact=True)).to_be_checked()
    ranking = page.get_by_role("group", name=re.compile("Rank these priority measures"))
    tab_to(page, ranking.get_by_label("The budget online"))
    page.keyboard.press("1")
    tab_to(page, page.get_by_label(re.compile("^Your answer")))
    page.keyboard.type("Benches in the park")
    page.keyboard.press("Enter")  # submits the form from its text field

    expect(page.locator(".error-summary")).to_contain_text("Your answers are not saved yet")
    areas = page.get_by_role("group", name=re.compile("Which areas matter"))
    expect(areas.locator(".errorlist")).to_have_text("Choose at most 2 options (you chose 3).")
    expect(ranking.locator(".errorlist")).to_have_text("Give every option a rank from 1 to 3.")
    expect(page.get_by_label("Yes")).to_be_checked()
    expect(page.get_by_label(re.compile("^Your answer"))).to_have_value("Benches in the park")
    expect(ranking.get_by_label("The budget online")).to_have_value("1")
    assert not SurveyResponse.objects.exists()
    axe_check(page)
    screenshot(page, "surveys-03-mistakes")

    # The error summary links to the question; then the keyboard puts things right.
    page.locator(".error-summary").get_by_role("link", name="Which areas matter?").click()
    expect(page).to_have_url(re.compile(r"#q-\d+$"))
    tab_to(page, page.get_by_label("Parks"))
    page.keyboard.press("Space")
    for label, rank in (("Public hearings", "3"), ("Participatory budgeting", "2")):
        tab_to(page, ranking.get_by_label(label))
        page.keyboard.press(rank)
    tab_to(page, page.get_by_role("button", name="Send my answers"))
    page.keyboard.press("Enter")

    expect(page.locator(".messages")).to_contain_text("Thank you: your answers are saved.")
    expect(page.locator("#answered")).to_be_visible()
    response = SurveyResponse.objects.get()
    assert response.user == citizen
    assert SurveyAnswer.objects.filter(response=response).count() == 1 + 2 + 1 + 3 + 1
    axe_check(page)
    screenshot(page, "surveys-04-thanks")

    page.get_by_role("link", name="See the results").click()
    expect(page.locator("h1")).to_have_text("Results: Budget priorities")
    expect(page.locator("svg.chart-bar")).to_have_count(4)
    figure = page.locator("figure.chart-figure").filter(has_text="Rank these priority measures")
    figure.locator("summary").click()
    table = figure.get_by_role("table")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_text(["Option", "Borda points", "Average rank",
                                                     "Ranked first by"])
    expect(table.locator("tbody tr").first).to_have_text(re.compile(
        r"The budget online\s*2\s*1\.00\s*1"))
    axe_check(page)
    screenshot(page, "surveys-05-results")


def test_a_coordinator_builds_a_survey_on_the_web(page, axe_check, screenshot, plan,
                                                  coordinator):
    log_in(page, coordinator)
    page.goto(f"/en/plans/{plan.slug}/surveys/")
    page.get_by_role("link", name="New survey").click()
    axe_check(page)
    page.get_by_label("title (English)").fill("Questions on legal aid")
    page.get_by_label("opens").fill("2030-03-01T09:00")
    page.get_by_label("closes").fill("2030-03-31T18:00")
    page.get_by_role("button", name="Create the survey").click()
    expect(page.locator("h1")).to_have_text("Manage “Questions on legal aid”")
    axe_check(page)
    screenshot(page, "surveys-06-manage")

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Kind of question").select_option("ranking")
    page.get_by_label("Question (English)").fill("Rank these measures")
    page.get_by_label("Option 1 in English").fill("Free legal aid")
    page.get_by_label("Option 2 in English").fill("Mobile courts")
    axe_check(page)
    screenshot(page, "surveys-07-question")
    page.get_by_role("button", name="Save the question").click()
    expect(page.get_by_role("row", name=re.compile("Rank these measures"))).to_contain_text(
        "Free legal aid; Mobile courts")
    page.get_by_role("button", name="Publish the survey").click()
    expect(page.locator(".messages")).to_contain_text("The survey is published.")
    assert Survey.objects.get().status == "published"
