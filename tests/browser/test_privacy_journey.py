"""Privacy rights in a real browser, on a 360 px phone: from the profile page a person
opens "Change e-mail address", "Download my data" and "Delete my account" in both
languages (axe on each), then deletes the account by keyboard alone; their comment stays,
signed "a former participant"."""

import pytest
from playwright.sync_api import expect

from bashke.consultation.models import Comment, Idea

from personas import PASSWORD, make_user
from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_privacy_pages_and_deleting_an_account_by_keyboard(page, axe_check, screenshot):
    plan = local_plan(component=False)
    person = make_user("ana@example.org", "Ana Hoxha", preferred_language="en")
    idea = Idea.objects.create(plan=plan, title="Open contracts",
                               overall_idea="Publish them", author=person, publish_name=True)
    Comment.objects.create(idea=idea, author=person, body="Within ten days, please.")
    page.set_viewport_size(PHONE)
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    for language in ("sq", "en"):
        page.goto(f"/{language}/accounts/profile/")
        fits(page)
        for path in ("email", "data", "delete"):
            page.goto(f"/{language}/accounts/profile/{path}/")
            expect(page.locator("h1")).to_have_count(1)
            fits(page)
            axe_check(page)
    screenshot(page, "privacy-delete-account")

    # From the profile, by keyboard: follow the link, type the password, press Enter.
    page.goto("/en/accounts/profile/")
    page.get_by_role("link", name="Delete my account").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/profile/delete/")
    page.get_by_label("Your password").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your account has been deleted")).to_be_visible()
    axe_check(page)

    page.goto(f"/en/plans/{plan.slug}/ideas/{idea.pk}/")
    expect(page.get_by_text("A former participant").first).to_be_visible()
    expect(page.get_by_text("Ana Hoxha")).to_have_count(0)
