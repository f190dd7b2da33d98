"""Markdown-light for what people write: paragraphs, line breaks, **bold**, *italic*, lists
and links — nothing else.

Two layers, so that a slip in one does not open the page to script: the text is escaped
before Markdown sees it (raw HTML can only ever come out as text), and Markdown's output goes
through nh3 (the Ammonia sanitiser) with a list of allowed tags and link schemes. Links get
``rel="nofollow ugc"``: search engines must not reward spam posted here.
"""

import html
import re
import threading
import xml.etree.ElementTree as etree

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.inlinepatterns import InlineProcessor

# Longer text is refused before it is parsed: it is no comment, and parsing it costs time.
MAX_LENGTH = 5000
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

# What Markdown would do beyond the allowed set, switched off by the names it registers.
BLOCKS_OFF = ["code", "hashheader", "setextheader", "hr", "quote", "reference"]
INLINES_OFF = ["backtick", "reference", "link", "image_link", "image_reference", "short_reference",
               "short_image_ref", "autolink", "automail", "html"]
PREPROCESSORS_OFF = ["html_block"]

# A bare address in the text becomes a link; trailing punctuation stays outside it.
BARE_URL = r"\bhttps?://[^\s<>\"'\[\]]*[^\s<>\"'\[\].,;:!?)]"
# [text](address), with no brackets inside: Markdown's own link pattern matches nested
# brackets by scanning ahead from every "[", which takes seconds on a comment of "[[[[…".
LINK = r"\[([^\[\]\n]{1,500})\]\(\s*([^\s()<>]{1,2000})\s*\)"


# People start a list right under a sentence; Markdown wants a blank line before it.
LIST_AFTER_TEXT = re.compile(r"^(?![ \t]*(?:[-*+]|\d{1,9}\.)[ \t])([^\n]*\S)[ \t]*\n"
                             r"(?=[ \t]{0,3}(?:[-*+]|\d{1,9}\.)[ \t])", re.MULTILINE)


class BareUrl(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)  # the text of a [link](…) is not linked again

    def handleMatch(self, m, data):  # noqa: N802 (Markdown's API)
        link = etree.Element("a")
        # The text was escaped before parsing (& as &amp;); the tree wants it plain.
        address = html.unescape(m.group(0))
        link.set("href", address)
        link.text = markdown.util.AtomicString(address)
        return link, m.start(0), m.end(0)


class Link(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m, data):  # noqa: N802
        link = etree.Element("a")
        link.set("href", html.unescape(m.group(2)))
        link.text = m.group(1)  # inline patterns (bold, italic) still apply inside
        return link, m.start(0), m.end(0)


class TooLong(ValueError):
    pass


def _build() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["nl2br", "sane_lists"], output_format="html")
    for name in BLOCKS_OFF:
        md.parser.blockprocessors.deregister(name)
    for name in INLINES_OFF:
        md.inlinePatterns.deregister(name)
    for name in PREPROCESSORS_OFF:
        md.preprocessors.deregister(name)
    md.inlinePatterns.register(Link(LINK, md), "simple_link", 160)
    md.inlinePatterns.register(BareUrl(BARE_URL, md), "bare_url", 115)
    return md


_local = threading.local()  # a Markdown instance keeps state while it converts


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _build()
    return md.reset()


def render(text: str, *, max_length: int = MAX_LENGTH) -> SafeString:
    """Safe HTML for the text; raises :class:`TooLong` past ``max_length`` characters."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > max_length:
        raise TooLong(f"{len(text)} characters, at most {max_length}")
    prepared = LIST_AFTER_TEXT.sub("\\1\n\n", html.escape(text, quote=False))
    try:
        converted = _markdown().convert(prepared)
    except RecursionError:
        # Lists nested a thousand deep ("- - - - …"): nobody writes that but to break the
        # page, so it is shown as the plain text it is. The parser is left mid-list: a
        # new one parses the next text.
        _local.md = None
        converted = _paragraphs(text)
    cleaned = nh3.clean(converted, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=URL_SCHEMES, link_rel="nofollow ugc",
                        strip_comments=True)
    return mark_safe(cleaned)  # noqa: S308 (sanitised just above)


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{html.escape(block)}</p>".replace("\n", "<br>") for block in blocks)


def plain(text: str) -> str:
    """The text without Markdown's marks, for e-mails and short previews."""
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 (\2)", text or "")
    return re.sub(r"(\*\*|\*|__|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
