"""Markdown-light: what it formats, and what hostile input cannot get through."""

import time
from html.parser import HTMLParser

import pytest

from bashke.consultation import markup


class Elements(HTMLParser):
    """Every element and attribute the browser would build from the HTML."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.found.append(("!--", {}))


def elements(html):
    return Elements(html).found


def assert_only_allowed(html):
    for tag, attrs in elements(html):
        assert tag in markup.ALLOWED_TAGS, tag
        assert set(attrs) <= ({"href", "rel"} if tag == "a" else set()), (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].split(":")[0].lower() in {"http", "https", "mailto"} or \
                ":" not in attrs["href"], attrs["href"]


def test_formats_paragraphs_line_breaks_bold_italic_lists_and_links():
    html = markup.render("First **bold** and *italic*\nsecond line\n\n- one\n- two\n\n"
                         "1. first\n2. second\n\n[the plan](https://example.org/plan)")

    assert "<p>First <strong>bold</strong> and <em>italic</em><br>\nsecond line</p>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert '<a href="https://example.org/plan" rel="nofollow ugc">the plan</a>' in html


def test_links_are_nofollow_ugc_and_open_in_the_same_tab():
    html = markup.render("See https://example.org/a?b=1&c=2. [x](http://example.org)")

    assert html.count('rel="nofollow ugc"') == 2
    assert "target=" not in html
    # The bare address is linked, its & escaped once, the full stop left outside.
    assert ('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc">'
            "https://example.org/a?b=1&amp;c=2</a>.") in html


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    '<p style="position:fixed" onclick="alert(1)">x</p>',
    "<!-- <script>alert(1)</script> -->",
    "**<script>alert(1)</script>**",
    "[<img src=x onerror=alert(1)>](https://example.org)",
])
def test_raw_html_only_ever_comes_out_as_text(hostile):
    html = markup.render(hostile)

    assert_only_allowed(html)
    assert "&lt;" in html  # shown, escaped, for what it is


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)", "java&#x09;script:alert(1)", "javascript&colon;alert(1)",
])
def test_links_to_dangerous_schemes_lose_their_address(address):
    html = markup.render(f"[click]({address}) and <{address}> and {address}")

    assert_only_allowed(html)
    hrefs = [attrs.get("href", "") for tag, attrs in elements(html) if tag == "a"]
    assert not any(href.lower().startswith(("javascript", "data", "vbscript"))
                   for href in hrefs), hrefs


def test_images_headings_quotes_code_and_rules_are_not_formatted():
    html = markup.render("# Heading\n\n![image](https://example.org/x.png)\n\n> quoted\n\n"
                         "    code\n\n`inline`\n\n---")

    # The image's address may become a plain link; nothing else but paragraphs.
    assert {tag for tag, _attrs in elements(html)} <= {"p", "a"}
    assert "# Heading" in html and "`inline`" in html


def test_attribute_injection_through_a_link_address_is_cut_off():
    html = markup.render('[a](https://example.org"onmouseover="alert(1))')

    assert_only_allowed(html)
    assert [attrs["href"] for tag, attrs in elements(html) if tag == "a"] == [
        "https://example.org"]


def test_nested_markup_stays_inside_the_allowed_set():
    html = markup.render("- ***bold italic [link](https://example.org)***\n"
                         "    - nested\n        - deeper")

    assert "<strong><em>bold italic" in html
    assert html.count("<ul>") == 3


def test_text_longer_than_the_maximum_is_refused_before_parsing():
    with pytest.raises(markup.TooLong):
        markup.render("a" * 100_000)


@pytest.mark.parametrize("pathological", [
    "[" * 4999, "*" * 4999, "**a" * 1600, "- " * 2400, "> " * 2400, "[a](" * 1200,
    "    " * 1200 + "- x", "_a" * 2400, "&#" * 2400,
])
def test_pathological_input_renders_quickly_without_error(pathological):
    started = time.perf_counter()
    html = markup.render(pathological)
    assert time.perf_counter() - started < 1.0
    assert_only_allowed(html)


def test_plain_removes_marks_for_e_mails():
    assert markup.plain("**Bold** and *it* [x](https://e.org)") == \
        "Bold and it x (https://e.org)"


def test_a_list_may_start_right_under_a_sentence():
    html = markup.render("Two wishes:\n- by supplier\n- by amount")

    assert html == "<p>Two wishes:</p>\n<ul>\n<li>by supplier</li>\n<li>by amount</li>\n</ul>"
