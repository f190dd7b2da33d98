"""A visitor's first minutes with the demo data, in a real browser: the home page in
Albanian, the switch to English, a finished plan and a plan in co-creation today. Every page
is checked with axe and kept as a screenshot."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from bashke.plans.models import ActionPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def current_stage_matches_timeline(page):
    """The "Now:" line and the timeline agree: a stage under way is marked in both or in
    neither, and the headline names one of the timeline's current stages."""
    headline = page.locator(".current-stage")
    current_items = page.locator("ol.timeline > li[aria-current='step']")
    expect(page.locator("ol.timeline")).to_be_visible()
    if headline.count() == 0:
        expect(current_items).to_have_count(0)
        return None
    text = " ".join(headline.first.inner_text().split())
    titles = [" ".join(title.split()) for title in
              current_items.locator(".stage-title").all_inner_texts()]
    assert titles, f"the page says {text!r} but no timeline item has aria-current=step"
    assert any(title in text for title in titles), (text, titles)
    return text


def test_demo_journey(page, axe_check, screenshot):
    call_command("loaddemo", stdout=io.StringIO())
    local_plan = ActionPlan.objects.get(jurisdiction__slug="shkoder")

    # Home, in Albanian: the default language.
    page.goto("/sq/")
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    expect(page.locator("h1")).to_be_visible()
    axe_check(page)
    screenshot(page, "01-home-sq")

    # To English through the language switch, a labelled navigation landmark.
    switch = page.locator("nav:has(a[hreflang='en'])")
    expect(switch).to_have_count(1)
    assert (switch.get_attribute("aria-label") or "").strip(), "the language nav has no label"
    switch.locator("a[hreflang='en']").click()
    expect(page).to_have_url(re.compile(r"^[^/]+//[^/]+/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Back the other way from the English page, by the label it has in English.
    expect(page.get_by_role("navigation", name="Language")
           .locator("a[hreflang='sq']")).to_have_count(1)
    axe_check(page)
    screenshot(page, "02-home-en")

    # A finished national plan.
    page.locator("a[href='/en/plans/albania-2020-2022/']").first.click()
    expect(page).to_have_url(re.compile(r"/en/plans/albania-2020-2022/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("2020")
    current_stage_matches_timeline(page)
    axe_check(page)
    screenshot(page, "03-plan-albania-2020-2022")

    # Back home by the main navigation, then the local plan whose consultation is open.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plans").click()
    expect(page).to_have_url(re.compile(r"^[^/]+//[^/]+/en/$"))
    # Two local plans share the title "First Local Action Plan": the link by its address.
    page.locator(f"a[href='/en/plans/{local_plan.slug}/']").first.click()
    expect(page).to_have_url(re.compile(rf"/en/plans/{re.escape(local_plan.slug)}/$"))
    expect(page.locator("h1")).to_have_text(local_plan.title_en)
    now = current_stage_matches_timeline(page)
    assert now is not None, "no stage is under way in the plan whose consultation is open"
    assert "consultation" in now.lower(), now
    axe_check(page)
    screenshot(page, f"04-plan-{local_plan.slug}")


def test_skip_link_is_the_first_stop_and_leads_to_the_content(page):
    page.goto("/sq/")

    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_have_class("skip-link")
    # Hidden until focused, then on screen where a sighted keyboard user can see it.
    box = focused.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 0, box

    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("main")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
