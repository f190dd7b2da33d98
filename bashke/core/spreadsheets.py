"""Cells for CSV and XLSX exports that a spreadsheet shows and never runs.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some programs skip before reading a formula) is a formula to Excel and LibreOffice
once opened: ``=HYPERLINK(…)`` becomes a live link, ``=cmd|…`` a command. Every export
puts its cells through :func:`safe_cell`, which prefixes such text with an apostrophe.

The check must look at the text the spreadsheet will see, not the text we were given:
openpyxl drops the control characters that XML cannot hold, so ``"\\x01=HYPERLINK(…)"``
would pass a look at its first character and then reach the file as ``=HYPERLINK(…)``.
So the control characters go first, from both formats (a CSV and an XLSX of the same data
hold the same text), and the check runs on what is left, past any leading white space
(programs differ on whether they trim it before deciding).
"""

import re

# What XML 1.0 cannot hold: openpyxl's ILLEGAL_CHARACTERS_RE, written out here so that
# the CSV exports strip the same set without importing openpyxl.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The ASCII formula starts, and their full-width forms, which some Excel locales accept.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
LEADING_SPACE = " \t\r\n\u00a0\u3000"
# "-5" or "+3.5" run as a formula only to give the same number back: left as it is, so
# that a typed negative number still reads as one.
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def safe_cell(value):
    """The value as a cell: numbers, dates and None unchanged; text without the control
    characters XML cannot hold, and with an apostrophe in front when a spreadsheet would
    read it as a formula."""
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS.sub("", value)
    if text[:1] in ("\t", "\r", "\n"):
        return "'" + text
    if PLAIN_NUMBER.fullmatch(text):
        return text
    if text.lstrip(LEADING_SPACE).startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(values):
    """:func:`safe_cell` over a row."""
    return [safe_cell(value) for value in values]
