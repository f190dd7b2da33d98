"""A component leader drafts an activity: a date outside the plan's period is refused on
its field, the saved activity shows its SMART warnings, and fixing one makes it go. Every
page passes axe, in English and in Albanian."""

import re

import pytest
from playwright.sync_api import expect

from bashke.drafting.models import Activity
from bashke.drafting.services import activities, table

from personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def measure(plan, component, agency):
    objective = table.create_objective(component, actor=None,
                                       title_sq="Rritja e aksesit në drejtësi",
                                       title_en="Increasing access to justice")
    measure = table.create_measure(objective, actor=None,
                                   title_sq="Ngritja e qendrave të ndihmës juridike",
                                   title_en="Establishing legal aid centres",
                                   lead_institution=agency)
    activities.create_activity(measure, actor=None, title_en="Opening the first legal aid "
                               "centre", responsible=agency, start=plan.start, end=plan.end,
                               indicator_en="Centres open", target_en="One centre")
    return measure


def log_in(page, user):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in")).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_a_leader_adds_an_activity_and_fixes_a_smart_warning(page, axe_check, screenshot,
                                                             plan, measure, component_leader):
    log_in(page, component_leader)
    page.goto(f"/en/plans/{plan.slug}/action-plan/")
    expect(page.locator("h1")).to_contain_text("Action plan")
    axe_check(page)
    screenshot(page, "drafting-01-table")

    page.get_by_role("link", name="Add an activity to measure 1.1").click()
    expect(page.locator("h1")).to_have_text("Add an activity")
    axe_check(page)
    page.get_by_label("Activity (English)").fill("Centre staff")
    page.get_by_label("Start:", exact=True).fill("2021-01-01")
    page.get_by_label("End:", exact=True).fill("2023-03-31")
    page.get_by_label("Indicative cost (thousand lek)").fill("1.250,50")
    page.get_by_role("button", name="Add the activity").click()

    # Refused: the message is at the End field, and what was typed is still there.
    end = page.get_by_label("End:", exact=True)
    expect(end).to_have_attribute("aria-invalid", "true")
    described = end.get_attribute("aria-describedby") or ""
    error_id = next(part for part in described.split() if "error" in part)
    expect(page.locator(f"#{error_id}")).to_contain_text("the end must fall within it")
    expect(page.get_by_label("Activity (English)")).to_have_value("Centre staff")
    assert not Activity.objects.filter(title_en="Centre staff").exists()
    axe_check(page)
    screenshot(page, "drafting-02-refused-date")

    end.fill("2021-12-31")
    page.get_by_role("button", name="Add the activity").click()
    expect(page.get_by_role("status")).to_contain_text("The activity is added.")
    row = page.locator("tr", has_text="Centre staff")
    expect(row).to_contain_text("1.1.2")
    expect(row).to_contain_text("1,250.50")
    expect(row).to_contain_text("Not specific")
    expect(row).to_contain_text("Not measurable")
    expect(row).to_contain_text("Not answerable")
    axe_check(page)
    screenshot(page, "drafting-03-warnings")

    # Naming the responsible institution answers one warning.
    row.get_by_role("link", name="Edit activity 1.1.2").click()
    expect(page.locator("h1")).to_have_text("Edit the activity")
    page.get_by_label("Responsible institution:", exact=True).select_option(
        label="National Agency for Information Society (AKSHI)")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("status")).to_contain_text("The activity is saved.")
    row = page.locator("tr", has_text="Centre staff")
    expect(row).to_contain_text("AKSHI")
    expect(row).not_to_contain_text("Not answerable")
    expect(row).to_contain_text("Not measurable")

    page.get_by_role("link", name="Action plan", exact=True).click()
    page.get_by_role("link", name=re.compile("SMART check")).first.click()
    expect(page.locator("h1")).to_contain_text("SMART check")
    expect(page.locator("main")).to_contain_text("Centre staff")
    axe_check(page)
    screenshot(page, "drafting-04-smart-report")

    # The same pages in Albanian.
    activity = Activity.objects.get(title_en="Centre staff")
    for path in (f"/sq/plans/{plan.slug}/action-plan/",
                 f"/sq/plans/{plan.slug}/action-plan/measures/{measure.pk}/",
                 f"/sq/plans/{plan.slug}/action-plan/smart/",
                 f"/sq/plans/{plan.slug}/action-plan/activities/{activity.pk}/edit/",
                 f"/sq/plans/{plan.slug}/action-plan/measures/{measure.pk}/ideas/",
                 f"/sq/plans/{plan.slug}/action-plan/measures/{measure.pk}/edit/",
                 f"/sq/plans/{plan.slug}/action-plan/objectives/{measure.objective_id}/edit/",
                 f"/sq/plans/{plan.slug}/action-plan/components/{measure.objective.component_id}"
                 "/objectives/new/"):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "sq")
        axe_check(page)
    expect(page.locator("main")).to_be_visible()
    page.goto(f"/sq/plans/{plan.slug}/action-plan/")
    expect(page.locator("main")).to_contain_text("1.250,50")
    screenshot(page, "drafting-05-table-sq")

    # On a phone the wide table scrolls inside its own region; the page never does.
    page.set_viewport_size({"width": 360, "height": 740})
    for path in (f"/sq/plans/{plan.slug}/action-plan/",
                 f"/sq/plans/{plan.slug}/action-plan/measures/{measure.pk}/",
                 f"/sq/plans/{plan.slug}/action-plan/activities/{activity.pk}/edit/"):
        page.goto(path)
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1
                         && !e.closest('.table-scroll'))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)""")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, (path, wide)
