"""A version of the action plan from draft to approval, in Chromium: the coordinator freezes
and publishes a version for comment, a citizen comments on a measure, an activity changes,
the coordinator freezes version 2, compares it with version 1 (the change is shown in
words), approves it with the decision document — and then nothing can change any more.
Every page passes axe, in English and in Albanian."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from bashke.core.pdf import simple_pdf
from bashke.core.permissions import allowed
from bashke.drafting.models import Activity, Measure, Objective, PlanVersion, VersionStatus
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import Role, StageKind

import scenes
from personas import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cplan(jurisdiction, ministry, agency, settings, tmp_path):
    """The open plan, with a public consultation on the draft from today for two weeks and
    a draft of one objective, one measure and two activities (written through the ORM: the
    table's own pages are another journey's)."""
    settings.MEDIA_ROOT = tmp_path
    plan = scenes.open_plan(jurisdiction, ministry, agency)
    plan_services.add_stage(plan, actor=None, kind=StageKind.DRAFT_CONSULTATION,
                            start=today(), end=today() + datetime.timedelta(days=14))
    component = plan.goals.get(number=1).components.get()
    objective = Objective.objects.create(component=component, title_en="Objective 1")
    measure = Measure.objects.create(objective=objective, title_en="Measure 1.1",
                                     lead_institution=agency)
    for position in (1, 2):
        Activity.objects.create(
            measure=measure, position=position, title_en=f"Activity 1.1.{position}",
            responsible=agency, start=plan.start, end=plan.start + datetime.timedelta(days=90),
            cost=100, state_budget=40, foreign_financing=10)
    return plan


def coordinator_of(plan, email):
    user = make_user(email, "Koordinatori")
    plan_services.assign_role(plan, user, Role.COORDINATOR, actor=None)
    return user


def log_in(page, email):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in")).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def test_a_version_is_published_commented_compared_and_approved(page, axe_check, screenshot,
                                                                cplan):
    coordinator = coordinator_of(cplan, "koordinatori@example.org")
    make_user("qytetarja@example.org", "Qytetarja Arta")
    versions = f"/en/plans/{cplan.slug}/action-plan/versions/"

    # The coordinator freezes the draft and publishes it for comment.
    log_in(page, coordinator.email)
    page.goto(versions)
    expect(page.locator("h1")).to_contain_text("Versions of the action plan")
    axe_check(page)
    page.get_by_role("link", name="Freeze the current table as a new version").click()
    axe_check(page)
    page.get_by_label("What changed since the last version").fill("Draft for public comment")
    page.get_by_role("button", name="Freeze the version").click()
    expect(page.get_by_role("status")).to_contain_text("Version 1 is frozen.")
    expect(page.locator("h1")).to_contain_text("Version 1 of Open plan")
    axe_check(page)
    screenshot(page, "versions-01-frozen")
    page.get_by_role("link", name="Publish for public comment").click()
    page.get_by_label("First day of comments").fill(today().isoformat())
    page.get_by_label("Last day of comments").fill(
        (today() + datetime.timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Publish for comment").click()
    # Outside the consultation stages: said at the field, the dates kept.
    expect(page.locator("[data-error-summary]")).to_contain_text("consultation stages")
    axe_check(page)
    page.get_by_label("Last day of comments").fill(
        (today() + datetime.timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Publish for comment").click()
    expect(page.get_by_role("status")).to_contain_text("published for comment")
    log_out(page)

    # A citizen comments on measure 1.1.
    log_in(page, "qytetarja@example.org")
    page.goto(versions + "1/")
    page.get_by_role("link", name="Comment on 1.1", exact=True).click()
    expect(page.get_by_label("Measure or activity")).to_have_value(
        re.compile(r"^measure:\d+$"))
    page.get_by_label("Your comment").fill("Please add a deadline for the first results.")
    page.get_by_label("Written in").select_option("en")
    page.get_by_role("button", name="Publish the comment").click()
    expect(page.get_by_role("status")).to_contain_text("your comment is published")
    expect(page.get_by_text("Please add a deadline for the first results.")).to_be_visible()
    axe_check(page)
    screenshot(page, "versions-02-commented")
    log_out(page)

    # An activity changes; the coordinator freezes version 2 and compares.
    activity = Activity.objects.order_by("pk").first()
    activity.cost = 120
    activity.save()
    log_in(page, coordinator.email)
    page.goto(versions + "new/")
    page.get_by_label("What changed since the last version").fill("Cost after the comments")
    page.get_by_role("button", name="Freeze the version").click()
    expect(page.get_by_role("status")).to_contain_text("Version 2 is frozen.")
    page.get_by_role("link", name="What changed since version 1").click()
    expect(page.locator("h1")).to_have_text("What changed from version 1 to version 2")
    change = page.locator("li.diff-row", has_text="Activity 1.1.1")
    expect(change).to_contain_text("Changed")
    expect(change).to_contain_text("Changed: indicative cost (thousand lek)")
    expect(change.locator("del").first).to_contain_text("100")
    expect(change.locator("ins").first).to_contain_text("120")
    axe_check(page)
    screenshot(page, "versions-03-compared")

    # The approval, with the decision document; then the plan is read-only.
    page.goto(versions + "2/")
    page.get_by_role("link", name="Record the approval").click()
    axe_check(page)
    page.get_by_label("Approved by").fill("Integrated Policy Management Group")
    page.get_by_label("Date of the decision").fill(today().isoformat())
    page.get_by_label("Decision number").fill("Nr. 12")
    page.get_by_label("Decision document").set_input_files(files=[{
        "name": "decision.pdf", "mimeType": "application/pdf",
        "buffer": simple_pdf(["Decision"])}])
    page.get_by_role("button", name="Record the approval").click()
    expect(page.get_by_role("status")).to_contain_text("recorded as approved")
    expect(page.get_by_role("note")).to_contain_text("read-only")
    expect(page.get_by_role("link", name="Download the decision")).to_be_visible()
    axe_check(page)
    screenshot(page, "versions-04-approved")
    version = PlanVersion.objects.get(plan=cplan, number=2)
    assert version.status == VersionStatus.APPROVED
    # Editing is refused: no new version, and the table's own rule says no.
    page.goto(versions + "new/")
    expect(page.get_by_text("The plan has been approved")).to_be_visible()
    assert not allowed(coordinator, "drafting.edit_table",
                       Objective.objects.filter(component__goal__plan=cplan).first())

    # The same pages in Albanian.
    for address in (versions, versions + "2/", versions + "compare/?a=1&b=2"):
        page.goto(address.replace("/en/", "/sq/", 1))
        expect(page.locator("html")).to_have_attribute("lang", "sq")
        expect(page.locator("h1")).to_be_visible()
        axe_check(page)
    screenshot(page, "versions-05-compared-sq")

    # On a phone the pages fit 360 px: the table scrolls inside its own region.
    page.set_viewport_size({"width": 360, "height": 800})
    for address in (versions, versions + "1/", versions + "compare/?a=1&b=2",
                    versions + "2/"):
        page.goto(address)
        width = page.evaluate("document.documentElement.scrollWidth")
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.table-scroll'))
            .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
        assert width <= 360, (address, width, wide)
    screenshot(page, "versions-06-phone")
