"""An assessor scores two ideas against the criteria sheet — a score above the scale first,
refused on its field with what was typed kept — and submits both; the public ranking shows
them, best first. Every page passes axe and fits a 360 px phone, in English and Albanian."""

import re

import pytest
from playwright.sync_api import expect

from bashke.assessment.models import Assessment
from bashke.assessment.services import criteria as criteria_services
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services

from personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def ideas(plan, component, coordinator):
    def record(title):
        return idea_services.submit_idea(
            plan, actor=coordinator, channel=Channel.EMAIL, recorded=True,
            answers={"title": title, "overall_idea": "Publish it as open data.",
                     "component": component, "language": "en", "submitter_name": "Drita"})

    found = [record("Open court decisions"), record("Legal aid hotline")]
    criteria_services.open_assessment(plan.criteria_sheet, actor=coordinator)
    return found


def fits_and_passes(page, axe_check, screenshot, name):
    """axe at the desktop width, then no wider than a phone, and axe again there."""
    axe_check(page)
    screenshot(page, name)
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
        .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className)""")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a phone: {wide}"
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def score_every_criterion(page, score):
    sets = page.locator("fieldset.criterion-set")
    for index in range(sets.count()):
        one = sets.nth(index)
        one.get_by_label("Yes").check()
        one.get_by_label(re.compile(r"^Score")).fill(str(score))
        one.get_by_label("Evidence, examples or explanation").fill("Seen in the proposal.")


def test_an_assessor_scores_two_ideas_and_the_ranking_shows_them(page, axe_check, screenshot,
                                                                 plan, ideas, assessor):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(assessor.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in")).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(f"/en/plans/{plan.slug}/assessment/criteria/")
    expect(page.locator("h1")).to_contain_text("Criteria for assessing the ideas")
    fits_and_passes(page, axe_check, screenshot, "assessment-01-criteria")
    page.get_by_role("link", name="My assessments").click()
    expect(page.locator("h1")).to_have_text("My assessments")
    fits_and_passes(page, axe_check, screenshot, "assessment-02-mine")

    # The first idea, straight through.
    page.get_by_role("link", name="Open court decisions").click()
    expect(page.locator("h1")).to_contain_text("Open court decisions")
    fits_and_passes(page, axe_check, screenshot, "assessment-03-assess")
    score_every_criterion(page, 3)
    page.get_by_role("button", name="Submit my assessment").click()
    expect(page.get_by_role("status")).to_contain_text("Your assessment is submitted")

    # The second: a score above the scale is refused on its field, the rest kept.
    page.goto(f"/en/plans/{plan.slug}/assessment/mine/")
    page.get_by_role("link", name="Legal aid hotline").click()
    score_every_criterion(page, 1)
    specific = page.get_by_role("group", name="Verifiability: Specific")
    specific.get_by_label(re.compile(r"^Score")).fill("5")
    page.get_by_role("button", name="Submit my assessment").click()
    expect(page.locator("[data-error-summary]")).to_contain_text(
        "Specific: score 5 is above the scale's highest, 3.")
    expect(page.get_by_role("group", name="Verifiability: Measurable").get_by_label(
        re.compile(r"^Score"))).to_have_value("1")
    assert not Assessment.objects.filter(idea=ideas[1]).exists()
    fits_and_passes(page, axe_check, screenshot, "assessment-04-mistake")
    page.get_by_role("group", name="Verifiability: Specific").get_by_label(
        re.compile(r"^Score")).fill("1")
    page.get_by_role("button", name="Submit my assessment").click()
    expect(page.get_by_role("status")).to_contain_text("Your assessment is submitted")
    fits_and_passes(page, axe_check, screenshot, "assessment-05-submitted")
    assert Assessment.objects.filter(submitted_at__isnull=False).count() == 2

    # The public ranking: best first, aggregates only.
    page.goto(f"/en/plans/{plan.slug}/assessment/ranking/")
    rows = page.locator("table tbody tr")
    expect(rows.nth(0)).to_contain_text("Open court decisions")
    expect(rows.nth(0)).to_contain_text("3.00")
    expect(rows.nth(1)).to_contain_text("Legal aid hotline")
    fits_and_passes(page, axe_check, screenshot, "assessment-06-ranking")
    page.get_by_label("Only ideas on which the assessors disagree").check()
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("No idea matches these filters.")).to_be_visible()

    # The same pages in Albanian.
    for path, name in [("assessment/ranking/", "ranking"), ("assessment/mine/", "mine"),
                       ("assessment/criteria/", "criteria"),
                       (f"assessment/ideas/{ideas[0].pk}/", "assess")]:
        page.goto(f"/sq/plans/{plan.slug}/{path}")
        expect(page.locator("html")).to_have_attribute("lang", "sq")
        fits_and_passes(page, axe_check, screenshot, f"assessment-07-sq-{name}")
    page.goto(f"/sq/plans/{plan.slug}/assessment/ranking/")
    expect(page.locator("table tbody tr").nth(0)).to_contain_text("3,00")
