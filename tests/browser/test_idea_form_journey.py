"""What a newcomer met on the idea form, in a real browser (issue 7, defects 1 and 4): the
component list follows the chosen goal, an error sends the keyboard to a summary that links
to each field, log-in lands on the page's heading, and a published idea's draft never comes
back into the next idea's form."""

import re

import pytest
from playwright.sync_api import expect

from bashke.consultation.models import Idea, IdeaDraft
from bashke.plans import services
from bashke.plans.models import Institution

from personas import PASSWORD, make_user
from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(db):
    plan = local_plan(slug="shkoder-form")
    second = services.add_goal(plan, actor=None, number=2, title_sq="Shërbime",
                               title_en="Services")
    services.add_component(second, actor=None, slug="one-stop-shop", position=1,
                           title_sq="Sporteli unik", title_en="One-stop shop",
                           leaders=[Institution.objects.get(acronym="BSH")])
    return plan


def log_in(page, email):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def focused(page, script):
    return page.evaluate(f"() => {{ const e = document.activeElement; return {script}; }}")


def test_the_idea_form_guides_a_newcomer(page, axe_check, plan):
    make_user("drita@example.org", "Drita")
    log_in(page, "drita@example.org")
    # After log-in the keyboard starts at the heading of the page, not at the top.
    expect(page.locator("main h1")).to_be_visible()
    assert focused(page, "e.tagName") == "H1"

    url = f"/en/plans/{plan.slug}/ideas/new/"
    page.goto(url)
    component = page.locator("select[name='component']")
    expect(component.locator("option[value]:not([value=''])")).to_have_count(2)
    page.get_by_label("Policy goal").select_option(label="II. Services")
    # htmx asks the page again for that goal and swaps in its components only.
    expect(component.locator("option[value]:not([value=''])")).to_have_count(1)
    expect(component).to_contain_text("One-stop shop")

    # Publishing with the title missing: the summary takes the focus and links to the field.
    page.get_by_role("button", name="Publish my idea").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    assert focused(page, "e.hasAttribute('data-error-summary')")
    axe_check(page)
    summary.get_by_role("link", name=re.compile("^Title")).click()
    assert focused(page, "e.id") == "id_title"

    # Write an idea, leave the last field (a `change`, then a draft save) and publish at once.
    page.get_by_label("Title").fill("Queue numbers by SMS")
    page.get_by_label("1. Describe the overall idea").fill("Send the queue number by SMS.")
    page.get_by_label("2. What is the problem the idea will address?").fill("Long queues.")
    page.get_by_role("button", name="Publish my idea").click()
    expect(page.locator("h1")).to_have_text("Queue numbers by SMS")
    assert Idea.objects.filter(title="Queue numbers by SMS").count() == 1
    page.wait_for_timeout(2500)  # longer than the autosave's pause

    # The next idea starts empty: no draft of the published one comes back.
    page.goto(url)
    expect(page.get_by_label("Title")).to_have_value("")
    expect(page.locator(".autosave-status")).not_to_contain_text("restored")
    assert not IdeaDraft.objects.exists()
