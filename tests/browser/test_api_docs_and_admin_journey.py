"""Under the Content-Security-Policy (no inline script or style): the API's docs page
renders every operation with no parser error, and the admin works for a superuser. The
page fixture fails either journey on any policy violation Chromium reports."""

import re

import pytest
from playwright.sync_api import expect

from personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_page_renders_its_operations(page, plan, screenshot):
    response = page.goto("/api/v1/docs")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    operations = page.locator(".opblock")
    expect(operations.first).to_be_visible()
    assert operations.count() >= 10
    expect(page.get_by_text(re.compile("Parser error|duplicated mapping key"))).to_have_count(0)
    expect(page.locator(".errors-wrapper")).to_have_count(0)
    # An operation opens and lists its responses, the documented 422 among them.
    page.locator(".opblock-summary-path", has_text="/api/v1/plans").first.click()
    expect(page.locator(".responses-table .response-col_status", has_text="422").first) \
        .to_be_visible()
    screenshot(page, "api-docs")


def test_the_admin_works_under_the_policy(page, plan, screenshot):
    admin = make_user("admin@example.org", "Admin", is_staff=True, is_superuser=True)
    admin.set_password("a long admin password")
    admin.save()
    page.goto("/en/admin/login/")
    page.fill("input[name=username]", "admin@example.org")
    page.fill("input[name=password]", "a long admin password")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    for path in ("/en/admin/", "/en/admin/plans/actionplan/",
                 f"/en/admin/plans/actionplan/{plan.pk}/change/", "/en/admin/accounts/user/",
                 "/en/admin/accounts/organisation/add/", "/en/admin/accounts/loginfailure/",
                 "/en/admin/plans/jurisdiction/", "/en/admin/plans/planrole/"):
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("#content")).to_be_visible()
    screenshot(page, "admin-under-csp")


def test_chromium_accepts_the_admin_style_block_by_its_hash(browser):
    from bashke.core.security import ADMIN_CHANGE_LIST_STYLE, style_hash

    page = browser.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append(message.text))
    policy = f"style-src 'self' {style_hash(ADMIN_CHANGE_LIST_STYLE)}"
    page.set_content(f'<html><head><meta http-equiv="Content-Security-Policy" '
                     f'content="{policy}"><style>{ADMIN_CHANGE_LIST_STYLE}</style>'
                     f'<style>p {{color: red}}</style></head><body><p>x</p></body></html>')
    page.wait_for_timeout(200)
    page.close()
    # Only the second block, which is not Django's, is refused.
    assert len([m for m in blocked if "Content Security Policy" in m]) == 1, blocked
