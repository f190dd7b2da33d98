"""Charts as server-written SVG, each with a data table beside it for screen readers.

No JavaScript and no chart library: a chart is a template-ready object holding the SVG
markup and the rows it was drawn from. Templates show both with
``{% include "core/chart.html" with chart=… %}``: the SVG is hidden from assistive
technology (``aria-hidden``) and the table carries the same numbers.
"""

from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import mark_safe

from bashke.core.text import format_number

PALETTE = ["#0b4f9c", "#b3141c", "#1e6b34", "#7a4d00", "#5b2a86", "#00606b", "#4d5866"]
ROW_HEIGHT = 28
LABEL_WIDTH = 300
LABEL_CHARACTERS = 38  # what fits in LABEL_WIDTH at 13 px
BAR_AREA = 360
VALUE_WIDTH = 70


@dataclass
class Chart:
    title: str
    svg: str
    columns: list[str]
    rows: list[list]
    caption: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def markup(self):
        return mark_safe(self.svg)  # built here from escaped parts only


def _number(value) -> str:
    # In the page's language: "41,3" and "1.250" on Albanian pages, in the SVG and the table.
    if isinstance(value, float):
        return format_number(round(value, 1))
    return format_number(value) if isinstance(value, int) else str(value)


def bar_chart(title: str, items, *, label_header: str, value_header: str,
              percent_of: int | None = None) -> Chart:
    """Horizontal bars, one per (label, value); with ``percent_of`` the table also gives
    each value as a share of that total."""
    items = [(str(label), value or 0) for label, value in items]
    top = max((value for _label, value in items), default=0) or 1
    height = max(ROW_HEIGHT * len(items), ROW_HEIGHT)
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-hidden="true" focusable="false" '
             f'class="chart chart-bar">']
    for index, (label, value) in enumerate(items):
        y = index * ROW_HEIGHT
        bar = 0 if value <= 0 else max(2, round(BAR_AREA * value / top))
        colour = PALETTE[index % len(PALETTE)]
        short = label if len(label) <= LABEL_CHARACTERS else label[:LABEL_CHARACTERS - 1] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 18}" text-anchor="end" font-size="13" '
            f'fill="#1c2430">{escape(short)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 5}" width="{bar}" height="{ROW_HEIGHT - 10}" '
            f'fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 18}" font-size="13" fill="#1c2430">'
            f'{escape(_number(value))}</text>')
    parts.append("</svg>")
    columns = [label_header, value_header]
    rows = [[label, _number(value)] for label, value in items]
    if percent_of:
        columns.append("%")
        for row, (_label, value) in zip(rows, items, strict=True):
            row.append(_number(round(100 * value / percent_of, 1)))
    return Chart(title=title, svg="".join(parts), columns=columns, rows=rows)


def column_chart(title: str, items, *, label_header: str, value_header: str,
                 axis_labels=None) -> Chart:
    """Vertical columns over an ordered axis (e.g. ideas per week). The data table gives
    each label in full; ``axis_labels``, when given, are the short forms under the columns
    ("30 Nov" for "30 November 2026")."""
    items = [(str(label), value or 0) for label, value in items]
    shorts = [str(short) for short in axis_labels] if axis_labels is not None else [
        label[-5:] for label, _value in items]
    top = max((value for _label, value in items), default=0) or 1
    column, gap, chart_height, axis = 28, 8, 160, 40
    width = max(len(items), 1) * (column + gap) + gap
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
             f'{chart_height + axis}" width="100%" role="img" aria-hidden="true" '
             f'focusable="false" class="chart chart-column">']
    for index, ((_label, value), short) in enumerate(zip(items, shorts, strict=True)):
        x = gap + index * (column + gap)
        bar = 0 if value <= 0 else max(2, round(chart_height * value / top))
        parts.append(
            f'<rect x="{x}" y="{chart_height - bar}" width="{column}" height="{bar}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{x + column / 2}" y="{chart_height + 14}" font-size="10" '
            f'text-anchor="middle" fill="#1c2430">{escape(short)}</text>')
    parts.append("</svg>")
    return Chart(title=title, svg="".join(parts), columns=[label_header, value_header],
                 rows=[[label, _number(value)] for label, value in items])
