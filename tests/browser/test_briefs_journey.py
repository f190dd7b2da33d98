"""A citizen prepares to take part, in a real browser: reads the local plan's methodological
package and downloads its document, browses other countries' examples by theme, and reads
the stakeholder input summary, down to a chart's table. Every page is checked with axe and
kept as a screenshot."""

import io
import re

import pytest
from playwright.sync_api import expect

from bashke.accounts.models import User
from bashke.consultation.demos import briefs as briefs_demo
from bashke.consultation.models import Channel, Idea, Support
from bashke.plans import demo as plans_demo
from bashke.plans.models import ActionPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def local_plan(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    plans_demo.load(io.StringIO())
    briefs_demo.load(io.StringIO())
    plan = ActionPlan.objects.get(jurisdiction__slug="shkoder")
    components = {c.slug: c for goal in plan.goals.all() for c in goal.components.all()}
    citizen = User.objects.get(email="citizen@bashke.example")
    ngo = User.objects.get(email="ngo@bashke.example")
    for number, (slug, author, channel) in enumerate([
            ("open-budget", ngo, Channel.ONLINE), ("open-budget", citizen, Channel.ONLINE),
            ("procurement", ngo, Channel.ONLINE), ("accessibility", None, Channel.PAPER),
            ("participatory-budgeting", citizen, Channel.ONLINE)]):
        component = components[slug]
        idea = Idea.objects.create(
            plan=plan, goal=component.goal, component=component, author=author,
            channel=channel, title=f"Ideja {number + 1}", overall_idea="…",
            improves_transparency=number % 2 == 0, improves_participation=True)
        if number < 2:
            Support.objects.create(idea=idea, user=citizen)
    return plan


def test_a_citizen_reads_the_brief_browses_examples_and_reads_the_summary(
        page, local_plan, axe_check, screenshot):
    # The plan's page leads to its briefs.
    page.goto(f"/en/plans/{local_plan.slug}/")
    page.get_by_role("link", name="Briefs and the methodological package").click()
    expect(page).to_have_url(re.compile(rf"/en/plans/{local_plan.slug}/briefs/$"))
    expect(page.locator("h1")).to_contain_text("Briefs for")
    expect(page.get_by_role("heading", name="The whole plan")).to_be_visible()
    axe_check(page)
    screenshot(page, "briefs-01-list")

    # The methodological package: to whom it was sent, and its document.
    page.get_by_role("link", name="Methodological package", exact=True).click()
    expect(page.locator("h1")).to_have_text("Methodological package")
    expect(page.locator(".package-status")).to_contain_text("to the leaders of:")
    expect(page.locator(".package-status")).to_contain_text("Participatory budgeting")
    expect(page.locator(".brief-body li")).to_have_count(4)
    axe_check(page)
    screenshot(page, "briefs-02-package")
    with page.expect_download() as caught:
        page.get_by_role("link", name="Methodological package (PDF)").click()
    download = caught.value
    assert download.suggested_filename == "paketa-metodologjike.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"

    # Other countries' examples, filtered by theme.
    page.get_by_role("link", name="All briefs for this plan").click()
    page.get_by_role("link", name="Examples of commitments from other countries").click()
    expect(page.locator("h1")).to_have_text("Examples from other countries")
    expect(page.get_by_role("status")).to_have_text("17 examples")
    page.get_by_label("Theme").select_option(label="Public participation in law-making")
    page.get_by_role("button", name="Show examples").click()
    expect(page).to_have_url(re.compile(r"theme=law_making"))
    expect(page.get_by_role("status")).to_have_text("6 examples")
    expect(page.get_by_label("Theme")).to_have_value("law_making")
    axe_check(page)
    screenshot(page, "briefs-03-examples-law-making")
    page.get_by_role("link", name="Online signatures to initiate a referendum").click()
    expect(page.locator("h1")).to_have_text("Online signatures to initiate a referendum")
    expect(page.locator(".facts")).to_contain_text("Latvia")
    expect(page.locator(".facts")).to_contain_text("2015–2017")
    axe_check(page)
    screenshot(page, "briefs-04-example")

    # The input summary, from the plan's page; a chart's figures read from its table.
    page.goto(f"/en/plans/{local_plan.slug}/")
    page.get_by_role("link", name="Summary of the input").click()
    expect(page).to_have_url(re.compile(rf"/en/plans/{local_plan.slug}/input/$"))
    expect(page.locator(".facts")).to_contain_text("5")
    channel = page.locator("figure", has=page.locator("figcaption", has_text="Ideas by channel"))
    table = channel.locator("table")
    expect(table).to_be_hidden()
    channel.get_by_text("The figures as a table").click()
    expect(table).to_be_visible()
    online = table.get_by_role("row", name=re.compile(r"^Online form"))
    expect(online.locator("td").first).to_have_text("4")
    expect(table.get_by_role("row", name=re.compile(r"^On paper")).locator("td").first
           ).to_have_text("1")
    expect(page.locator(".top-ideas li")).to_have_count(2)
    axe_check(page)
    screenshot(page, "briefs-05-input-summary")

    # One component's summary, through the summary's own navigation.
    page.get_by_role("navigation", name="Summary by component").get_by_role(
        "link", name="The municipality's open budget").click()
    expect(page.locator("h1")).to_contain_text("The municipality's open budget")
    expect(page.locator(".facts dd").first).to_have_text("2")
    axe_check(page)
    screenshot(page, "briefs-06-input-summary-component")
