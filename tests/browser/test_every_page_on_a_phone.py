"""Every page that a link leads to, on a 360 px phone, in Albanian and in English, as a
visitor and as the coordinator: none is wider than the screen, none fails axe, no link is
broken. The pages are found by following links from the home page of the demo, so a page
added later is measured without this file knowing it (issue 7, defect 3)."""

import io
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# Files, the API, the admin and leaving the session are not pages to measure.
NOT_PAGES = re.compile(r"\.(docx|xlsx|csv|ics|pdf|json|svg|png)$|^/(api|admin|media|static)/"
                       r"|/logout/|/unsubscribe/|/export")
# Enough to reach every kind of page of the demo (a plan, its ideas, one idea, meetings,
# surveys, briefs, statements, examples, organisations…) without walking every idea.
PAGES_PER_WALK = 45


def walk(page, start, axe_check):
    """Breadth-first over the site's own links from ``start``; query strings (filters,
    pagination) are the same page and are left out. Returns what went wrong, page by page."""
    problems, seen, queue, measured = [], set(), deque([start]), 0
    language = start.strip("/").split("/")[0]
    while queue and measured < PAGES_PER_WALK:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(path)
        if response is None or response.status >= 400:
            problems.append(f"{path}: answered {response and response.status}")
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        measured += 1
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className)""")
            problems.append(f"{path}: {width} px wide ({', '.join(wide)})")
        try:
            axe_check(page)
        except AssertionError as failure:
            problems.append(f"{path}: {str(failure).splitlines()[0]}")
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            target = parts.path
            if (parts.netloc == urlsplit(page.url).netloc and target.startswith(f"/{language}/")
                    and not NOT_PAGES.search(target) and target not in seen):
                queue.append(target)
    assert measured >= 15, f"only {measured} pages were reached from {start}"
    return problems


def log_in(page, email):
    page.goto("/en/accounts/login/")
    page.fill("input[name='username'], input[name='email']", email)
    page.fill("input[name='password']", "bashke-demo-2026")
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["sq", "en"])
@pytest.mark.parametrize("persona", [None, "coordinator@bashke.example"])
def test_every_page_fits_a_phone_and_passes_axe(page, axe_check, language, persona):
    call_command("loaddemo", stdout=io.StringIO())
    page.set_viewport_size(PHONE)
    if persona:
        log_in(page, persona)
    problems = walk(page, f"/{language}/", axe_check)
    assert not problems, "\n".join(problems)
