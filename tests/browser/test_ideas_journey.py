"""A citizen signs up, reads what the plan asks for, and puts forward an idea online with
the keyboard-friendly form; the draft survives a reload. Every page passes axe."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from bashke.accounts.models import User
from bashke.consultation.models import Idea

from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def consultation_plan(db):
    return local_plan(slug="shkoder-open")


def test_a_citizen_signs_up_and_puts_forward_an_idea(page, axe_check, screenshot,
                                                     consultation_plan):
    plan = consultation_plan
    page.goto("/en/accounts/signup/")
    axe_check(page)
    page.get_by_label("Your name").fill("Elira Gjoka")
    page.get_by_label("E-mail address").fill("elira@example.org")
    page.locator("#id_password1").fill("a long and private passphrase")
    page.locator("#id_password2").fill("a long and private passphrase")
    page.get_by_role("button", name=re.compile("Create my account")).click()
    expect(page.locator("h1")).to_be_visible()
    assert User.objects.filter(email="elira@example.org").exists()
    assert len(mail.outbox) == 1  # the verification e-mail

    page.goto(f"/en/plans/{plan.slug}/")
    page.get_by_role("link", name="Put forward an idea").first.click()
    expect(page).to_have_url(re.compile(rf"/en/plans/{plan.slug}/ideas/new/$"))
    axe_check(page)

    page.get_by_label("Title").fill("Open the municipal budget")
    page.get_by_label("1. Describe the overall idea").fill("Publish the budget as open data.")
    page.get_by_label("2. What is the problem the idea will address?").fill(
        "Nobody can read the budget.")
    # The draft is saved while the person types: a reload loses nothing.
    expect(page.locator(".autosave-status")).to_contain_text("Draft saved", timeout=10_000)
    page.reload()
    expect(page.get_by_label("1. Describe the overall idea")).to_have_value(
        "Publish the budget as open data.")
    page.get_by_role("group", name=re.compile("Transparency")).get_by_label("Yes").check()
    page.get_by_label("Municipality of Shkodër").check()
    screenshot(page, "ideas-01-form")
    page.get_by_role("button", name="Publish my idea").click()

    idea = Idea.objects.get()
    expect(page).to_have_url(re.compile(rf"/en/plans/{plan.slug}/ideas/{idea.pk}/$"))
    expect(page.locator("h1")).to_have_text("Open the municipal budget")
    assert idea.improves_transparency is True and idea.problem == "Nobody can read the budget."
    axe_check(page)
    screenshot(page, "ideas-02-idea")

    page.goto(f"/en/plans/{plan.slug}/ideas/?q=municipal")
    expect(page.locator(".idea-card")).to_have_count(1)
    axe_check(page)
    screenshot(page, "ideas-03-list")
