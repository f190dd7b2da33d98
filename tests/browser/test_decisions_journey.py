"""The coordinator answers an idea with a reason, from the queue of ideas awaiting a
response; the author sees the decision and the reasoned response on the idea's page, in
English and in Albanian. The forum page and the co-creation report are visited too. Every
page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from bashke.accounts.models import Sector
from bashke.assessment.models import Decision
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import PASSWORD, make_user
from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(db):
    plan = local_plan(slug="shkoder-decisions")
    component = plan.goals.get().components.get()
    coordinator = make_user("coordinator@example.org", "Koordinatorja",
                            sector=Sector.GOVERNMENT)
    plan_services.assign_role(plan, coordinator, Role.COORDINATOR, actor=None)
    author = make_user("author@example.org", "Elira Gjoka", preferred_language="sq")
    idea = idea_services.submit_idea(plan, actor=author, channel=Channel.ONLINE, answers={
        "title": "Publish council votes", "overall_idea": "Every vote of the council online.",
        "component": component, "language": "en"})
    return {"plan": plan, "idea": idea, "coordinator": coordinator, "author": author}


def log_in(page, user):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def test_the_coordinator_answers_an_idea_and_the_author_reads_why(page, axe_check, screenshot,
                                                                  scene):
    plan, idea = scene["plan"], scene["idea"]
    log_in(page, scene["coordinator"])
    page.goto(f"/en/plans/{plan.slug}/decisions/")
    expect(page.locator("h1")).to_have_text("Ideas awaiting a response")
    axe_check(page)
    screenshot(page, "decisions-01-queue")
    page.get_by_role("link", name=re.compile("Decide and respond")).click()
    expect(page).to_have_url(re.compile(rf"/ideas/{idea.pk}/decision/$"))
    axe_check(page)

    # No reason: refused, and the error is tied to the field.
    page.get_by_label("Deferred to a later plan").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator(".errorlist").first).to_contain_text("reasoned response")
    assert not Decision.objects.exists()
    axe_check(page)
    page.get_by_label("Reasoned response (English)").fill(
        "The council's rules change next year; the next plan will take this up.")
    page.get_by_label("Reasoned response (Albanian)").fill(
        "Rregullorja e këshillit ndryshon vitin e ardhshëm; plani i ardhshëm do ta marrë.")
    screenshot(page, "decisions-02-form")
    page.get_by_role("button", name="Save the decision").click()
    expect(page).to_have_url(re.compile(rf"/ideas/{idea.pk}/$"))
    assert Decision.objects.get().kind == "deferred"
    log_out(page)

    log_in(page, scene["author"])
    page.goto(f"/en/plans/{plan.slug}/ideas/{idea.pk}/")
    outcome = page.locator("section.outcome")
    expect(outcome).to_contain_text("Deferred to a later plan")
    expect(outcome).to_contain_text("the next plan will take this up")
    expect(page.get_by_role("link", name="Change the decision")).to_have_count(0)
    axe_check(page)
    screenshot(page, "decisions-03-idea-en")
    page.goto(f"/sq/plans/{plan.slug}/ideas/{idea.pk}/")
    expect(page.locator("section.outcome")).to_contain_text("Rregullorja e këshillit ndryshon")
    axe_check(page)
    screenshot(page, "decisions-04-idea-sq")

    for language in ("en", "sq"):
        page.goto(f"/{language}/plans/{plan.slug}/forum/")
        expect(page.locator(".warning").first).to_be_visible()
        axe_check(page)
        page.goto(f"/{language}/plans/{plan.slug}/action-plan/co-creation-report/")
        expect(page.locator("table")).to_have_count(1)
        axe_check(page)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"/en/plans/{plan.slug}/action-plan/co-creation-report/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "decisions-05-report-phone")
