"""Numbers as each language writes them (issue 12): 41,3 and 1.250 in Albanian, 41.3 and
1,250 in English — through one helper, ``bashke.core.text.format_number``, its template
filter ``number`` and the charts."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from bashke.core.charts import bar_chart, column_chart
from bashke.core.text import format_number


@pytest.mark.parametrize("value, decimals, sq, en", [
    (1250, None, "1.250", "1,250"),
    (41.3, None, "41,3", "41.3"),
    (Decimal("41.30"), None, "41,3", "41.3"),
    (2.0, None, "2", "2"),
    (999, None, "999", "999"),
    (1234567.891, None, "1.234.567,89", "1,234,567.89"),
    (3.14159, 2, "3,14", "3.14"),
    (1250, 1, "1.250,0", "1,250.0"),
    (0.125, 2, "0,13", "0.13"),  # half away from zero, not to even
    (-1234.5, None, "-1.234,5", "-1,234.5"),
    (-0.001, None, "0", "0"),
    ("2500.75", None, "2.500,75", "2,500.75"),
    (None, None, "", ""),
])
def test_format_number_in_albanian_and_english(value, decimals, sq, en):
    for language, expected in (("sq", sq), ("en", en)):
        with translation.override(language):
            assert format_number(value, decimals) == expected


@pytest.mark.parametrize("bad", ["many", float("nan"), float("inf")])
def test_format_number_refuses_what_is_not_a_number(bad):
    with pytest.raises(ValueError):
        format_number(bad)


def test_format_number_refuses_a_bool():
    with pytest.raises(TypeError):
        format_number(True)


def test_the_number_filter():
    template = Template("{% load bashke %}{{ share|number }} {{ cost|number:1 }} "
                        "{{ missing|number }}|")
    context = Context({"share": 41.25, "cost": 12500, "missing": None})
    with translation.override("sq"):
        assert template.render(context) == "41,25 12.500,0 |"
    with translation.override("en"):
        assert template.render(context) == "41.25 12,500.0 |"


def test_charts_write_numbers_in_the_page_language():
    with translation.override("sq"):
        chart = bar_chart("Ide", [("A", 1250), ("B", 3)], label_header="Emri",
                          value_header="Ide", percent_of=1253)
        assert chart.rows == [["A", "1.250", "99,8"], ["B", "3", "0,2"]]
        assert ">1.250</text>" in chart.svg
        column = column_chart("Javë", [("1 nëntor", 2.5)], label_header="Java",
                              value_header="Ide")
        assert column.rows == [["1 nëntor", "2,5"]]
    with translation.override("en"):
        chart = bar_chart("Ideas", [("A", 1250), ("B", 3)], label_header="Name",
                          value_header="Ideas", percent_of=1253)
        assert chart.rows == [["A", "1,250", "99.8"], ["B", "3", "0.2"]]
