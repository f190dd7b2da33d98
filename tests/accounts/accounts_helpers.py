"""Small readers of rendered pages and sent mail, shared by the accounts tests."""

import re
from html.parser import HTMLParser

from django.core import mail


class Page(HTMLParser):
    """Collects what the accessibility checks below need from a page."""

    def __init__(self, html):
        super().__init__()
        self.h1 = 0
        self.label_for = set()
        self.controls = []  # (tag, attrs) of inputs a person fills in
        self.ids = []
        self.values = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "h1":
            self.h1 += 1
        elif tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])
        elif tag in {"input", "select", "textarea"}:
            if attrs.get("type") not in {"hidden", "submit", "button"}:
                self.controls.append((tag, attrs))
            if "name" in attrs and "value" in attrs:
                self.values[attrs["name"]] = attrs["value"]

    def unlabelled(self):
        return [attrs.get("name") for _tag, attrs in self.controls
                if attrs.get("id") not in self.label_for]


def assert_well_formed_page(response):
    """One h1, the site's layout, no duplicate ids, every input labelled."""
    html = response.content.decode()
    page = Page(html)
    assert page.h1 == 1, f"expected one <h1>, found {page.h1}"
    assert 'class="skip-link"' in html and '<main id="main"' in html
    assert len(page.ids) == len(set(page.ids)), "duplicate id attributes"
    assert page.unlabelled() == []
    return page


def link_in_last_mail(pattern=r"https?://\S+"):
    assert mail.outbox, "no e-mail was sent"
    found = re.search(pattern, mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)
