"""Tables for Word written as WordprocessingML text and parsed once, rather than cell by
cell through python-docx's objects: a plan of 1,000 activities is some 12,000 cells, which
python-docx's ``add_row``/``cell()`` and style look-ups take many seconds over, while the
markup is the same. Borders are written on the table itself, so the documents need no
table style of the template."""

from xml.sax.saxutils import escape

from docx.oxml import parse_xml

from bashke.core.spreadsheets import CONTROL_CHARACTERS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567
FONT_SIZE = 18  # half-points: 9 pt


def twips(cm):
    return int(round(cm * TWIPS_PER_CM))


def runs(value, bold=False, size=FONT_SIZE):
    """The text as runs; lines become line breaks. Empty text has no run at all."""
    written = CONTROL_CHARACTERS.sub("", str(value or ""))
    if not written:
        return ""
    props = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    parts = []
    for index, line in enumerate(written.split("\n")):
        if index:
            parts.append(f"<w:r>{props}<w:br/></w:r>")
        parts.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
    return "".join(parts)


def cell(value, width_cm, *, span=1, fill=None, bold=False, right=False):
    props = [f'<w:tcW w:w="{twips(width_cm)}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    align = '<w:jc w:val="right"/>' if right else ""
    return (f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr><w:p><w:pPr><w:spacing w:before="20" '
            f'w:after="20"/>{align}</w:pPr>{runs(value, bold)}</w:p></w:tc>')


def row(cells, *, header=False):
    """A row that never splits across pages; a header row repeats on every page."""
    repeat = "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{''.join(cells)}</w:tr>"


def table(widths_cm, rows):
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths_cm)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="808080"'
    borders = "".join(f"<w:{side} {border}/>" for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{twips(sum(widths_cm))}" '
            f'w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
            f'<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def append(document, markup):
    """Adds the table (and an empty paragraph after it, as Word wants one between a table
    and what follows) at the end of the document's body, before its section settings."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(markup))
    body.insert(len(body) - 1, parse_xml(f'<w:p xmlns:w="{W_NS}"/>'))
