"""The Albanian pages of the demo read as Albanian (issue 12): walking /sq/ from the home
page, as a visitor and as the coordinator, no page shows a variant the glossary forbids
("Deklarata", "Skicë", "dixhitale"…) or an English interface word ("Save", "English"…).

Only the page's own Albanian is read: text inside an element marked with another language
(an idea written in English, the language switch's "English") is content, not interface.
The variants come from the glossary through tests/test_glossary.py, so a row added there is
checked here too."""

import io
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from test_glossary import forbidden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH_UI_WORDS = ["Save", "Cancel", "Submit", "English", "Delete", "Edit", "Search", "Back"]
ENGLISH_UI = re.compile(r"(?<!\w)(" + "|".join(ENGLISH_UI_WORDS) + r")(?!\w)")
NOT_PAGES = re.compile(r"\.(docx|xlsx|csv|ics|pdf|json|svg|png)$|^/(api|admin|media|static)/"
                       r"|/logout/|/unsubscribe/|/export")
PAGES_PER_WALK = 60

# The page's interface text in Albanian: text nodes and the attributes people hear or see
# (aria-label, title, placeholder, alt, button values), leaving out anything inside an
# element whose lang is not Albanian and what people typed (textarea, code).
ALBANIAN_TEXT = """() => {
  const albanian = (el) => ((el.closest('[lang]') || document.documentElement)
                            .getAttribute('lang') || '').slice(0, 2) === 'sq';
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, template, textarea, pre, code')) continue;
    if (albanian(el)) out.push(node.textContent);
  }
  const labelled = '[aria-label], [title], [placeholder], img[alt], input[type=submit], '
                 + 'input[type=button]';
  for (const el of document.querySelectorAll(labelled)) {
    if (!albanian(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
    if (el.matches('input[type=submit], input[type=button]')) out.push(el.value);
  }
  return out.join('\\n');
}"""


def problems_on(path, text, rules):
    found = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        for variant, pattern, use in rules:
            if pattern.search(line):
                found.append(f"{path}: “{variant}” in {line[:120]!r} (use: {use})")
        match = ENGLISH_UI.search(line)
        if match:
            found.append(f"{path}: English “{match.group(1)}” in {line[:120]!r}")
    return found


def walk(page, rules):
    """Breadth-first over the site's own /sq/ links; returns the problems and the number of
    pages read."""
    problems, seen, queue, read = [], set(), deque(["/sq/"]), 0
    while queue and read < PAGES_PER_WALK:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(path)
        if response is None or response.status >= 400:
            continue  # broken links are test_every_page_on_a_phone's business
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        read += 1
        assert page.evaluate("document.documentElement.lang") == "sq", path
        problems += problems_on(path, page.evaluate(ALBANIAN_TEXT), rules)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            if (parts.netloc == urlsplit(page.url).netloc and parts.path.startswith("/sq/")
                    and not NOT_PAGES.search(parts.path) and parts.path not in seen):
                queue.append(parts.path)
    return problems, read


def log_in(page, email):
    page.goto("/sq/accounts/login/")
    page.fill("input[name='username'], input[name='email']", email)
    page.fill("input[name='password']", "bashke-demo-2026")
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()


def test_the_checks_catch_what_they_look_for():
    rules = forbidden(albanian_only=False)
    assert problems_on("/sq/x/", "Deklaratat e shkurtra", rules)
    assert problems_on("/sq/x/", "Shkruar në: English", rules)
    assert problems_on("/sq/x/", "Save", rules)
    assert not problems_on("/sq/x/", "Ruani ndryshimet · Pohimet · Kërkoni", rules)


@pytest.mark.parametrize("persona", [None, "coordinator@bashke.example"])
def test_the_albanian_pages_use_the_glossary_and_no_english_interface_words(page, persona):
    call_command("loaddemo", stdout=io.StringIO())
    if persona:
        log_in(page, persona)
    problems, read = walk(page, forbidden(albanian_only=False))
    assert read >= 20, f"only {read} Albanian pages were reached"
    assert not problems, "\n".join(sorted(set(problems)))
