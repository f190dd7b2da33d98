"""The body of a Word document as plain blocks: lines (paragraphs) and tables of cells.

Read from the XML rather than through python-docx's objects because people's documents
hold more than its object model shows: content controls (``w:sdt``, which Word's check
boxes are), legacy form check boxes, Wingdings symbols for ticks, tracked insertions,
tables inside tables.
"""

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Containers whose children are read as if they were in the container's place.
TRANSPARENT = {f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}smartTag"}
MAX_DEPTH = 8          # tables inside tables deeper than this are read as plain text
MAX_LINE_CHARS = 20_000
# Wingdings / Wingdings 2 / Symbol characters that people use for boxes and ticks.
SYMBOLS = {
    "F0FE": "☒", "F078": "☒", "F0FD": "☒", "F0FC": "✓", "F0FB": "☒", "F050": "✓",
    "F052": "✓", "F054": "☒", "F0A8": "☐", "F06F": "☐", "F071": "☐", "F0A3": "☐",
    "F0A1": "☐", "F0B7": "•", "F0A7": "▪",
}


@dataclass
class Line:
    text: str
    listed: bool = False


@dataclass
class Table:
    rows: list[list[list]] = field(default_factory=list)  # rows → cells → blocks


def read_body(body) -> list:
    return list(_blocks(body, 0))


def _blocks(container, depth):
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            yield _line(child)
        elif tag == f"{W}tbl":
            if depth >= MAX_DEPTH:
                yield Line(_plain(child))
            else:
                yield _table(child, depth)
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, depth)
        elif tag in TRANSPARENT:
            yield from _blocks(child, depth)


def _children(element, wanted):
    """Direct children with the wanted tag, looking through content controls."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content, wanted)
        elif child.tag in TRANSPARENT:
            yield from _children(child, wanted)


def _table(element, depth):
    table = Table()
    for row in _children(element, f"{W}tr"):
        table.rows.append([list(_blocks(cell, depth + 1))
                           for cell in _children(row, f"{W}tc")])
    return table


def _line(paragraph):
    properties = paragraph.find(f"{W}pPr")
    listed = False
    if properties is not None:
        style = properties.find(f"{W}pStyle")
        style_name = (style.get(f"{W}val") or "") if style is not None else ""
        listed = (properties.find(f"{W}numPr") is not None
                  or style_name.lower().startswith("list"))
    parts = []
    for child in paragraph:
        if child.tag != f"{W}pPr":
            _text_of(child, parts)
    return Line("".join(parts)[:MAX_LINE_CHARS], listed=listed)


def _text_of(element, parts):
    for node in element.iter():
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}sym":
            code = (node.get(f"{W}char") or "").upper()
            parts.append(SYMBOLS.get(code, ""))
        elif tag == f"{W}ffData":
            parts.append(_legacy_checkbox(node))


def _legacy_checkbox(form_field) -> str:
    box = form_field.find(f"{W}checkBox")
    if box is None:
        return ""
    checked = box.find(f"{W}checked")
    if checked is not None:
        return "☐" if _val(checked) in ("0", "false", "off") else "☒"
    default = box.find(f"{W}default")
    return "☒" if default is not None and _val(default) in ("1", "true", "on") else "☐"


def _val(element):
    return element.get(f"{W}val") if element is not None else None


def _plain(element) -> str:
    parts = []
    _text_of(element, parts)
    return " ".join("".join(parts).split())[:MAX_LINE_CHARS]


def lines_of(blocks) -> list[Line]:
    """Blocks as lines: a table inside an answer becomes one line per row, its cells
    separated by " | "."""
    result = []
    for block in blocks:
        if isinstance(block, Line):
            result.append(block)
            continue
        for row in block.rows:
            cells = [" ".join(line.text.strip() for line in lines_of(cell) if line.text.strip())
                     for cell in row]
            cells = [cell for cell in cells if cell]
            if cells:
                result.append(Line(" | ".join(cells)))
    return result
