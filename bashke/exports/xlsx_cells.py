"""Reading one cell of an imported table: a date, an amount, a formula recomputed from the
sheet's own numbers. Each reader returns the value or raises ``CellError`` with a message
that names the cell and says what was expected; nothing here touches the database.

A formula where a value is expected is never trusted for its cached result (a file saved
by a program that does not calculate has none, and one edited by hand can have any):
simple arithmetic over numbers and other cells of the sheet (``=1200+300``, ``=G12*0.4``)
is computed here again; anything else (functions, other sheets) is refused, so the person
types the number instead.
"""

import ast
import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation

from django.utils.translation import gettext as _

from bashke.exports.labels import MONTHS

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # what the 14-digit, 2-place columns hold
REFERENCE = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})")
MAX_DEPTH = 20
# Month abbreviations as the table writes them (1-Jan-2020), and Albanian's.
MONTH_NUMBERS = {name.lower(): index for index, name in enumerate(MONTHS, 1)}
MONTH_NUMBERS.update({name: index for index, name in enumerate(
    ("jan", "shk", "mar", "pri", "maj", "qer", "kor", "gus", "sht", "tet", "nën", "dhj"), 1)})
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[-\s.]([^\W\d_]{3,})[-\s.,]*(\d{4})")
NUMERIC_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")


class CellError(ValueError):
    def __init__(self, cell, message):
        super().__init__(f"{cell}: {message}")
        self.cell, self.message = cell, message


def text(cell, value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # A leading apostrophe is how the export kept text from running as a formula.
        return value[1:].strip() if value.startswith("'") else value.strip()
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.date().isoformat() if isinstance(value, datetime.datetime) \
            else value.isoformat()
    return str(value)


def date(cell, value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        written = value.strip()
        try:
            return datetime.date.fromisoformat(written)
        except ValueError:
            pass
        found = DAY_MONTH_YEAR.fullmatch(written)
        try:
            if found and found.group(2)[:3].lower() in MONTH_NUMBERS:
                return datetime.date(int(found.group(3)),
                                     MONTH_NUMBERS[found.group(2)[:3].lower()],
                                     int(found.group(1)))
            found = NUMERIC_DATE.fullmatch(written)
            if found:
                return datetime.date(int(found.group(3)), int(found.group(2)),
                                     int(found.group(1)))
        except ValueError:
            pass
    raise CellError(cell, _("“%(value)s” is not a date; write it as 1-Jan-2020 or "
                            "2020-01-01.") % {"value": value})


def _decimal_of_text(written):
    cleaned = written.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+([.,]\d+)?", cleaned):
        return Decimal(cleaned.replace(",", "."))
    return None


def _number(cell, value, sheet, depth):
    if isinstance(value, bool):
        raise CellError(cell, _("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and value.startswith("="):
        return formula(cell, value, sheet, depth)
    if isinstance(value, str):
        found = _decimal_of_text(value.strip())
        if found is not None:
            return found
    raise CellError(cell, _("“%(value)s” is text; a number is expected here (thousand lek, "
                            "without a currency sign).") % {"value": value})


def amount(cell, value, sheet=None) -> Decimal | None:
    """An amount in thousand lek: not negative, at most two decimals (a float's noise past
    the cent is rounded away)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = _number(cell, value, sheet, 0)
    if number < 0:
        raise CellError(cell, _("%(value)s is negative; amounts cannot be.")
                        % {"value": number})
    rounded = number.quantize(CENT, rounding=ROUND_HALF_UP)
    if abs(rounded - number) > Decimal("0.000001"):
        raise CellError(cell, _("%(value)s has more than two decimals.") % {"value": number})
    if rounded > MAX_AMOUNT:
        raise CellError(cell, _("%(value)s is too large.") % {"value": number})
    return rounded


ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Add, ast.Sub, ast.Mult, ast.Div,
                 ast.USub, ast.UAdd, ast.Constant, ast.Name, ast.Load)


def formula(cell, written, sheet, depth=0) -> Decimal:
    """The value of ``written`` (``=…``) computed from numbers and the sheet's cells."""
    refused = CellError(cell, _("the formula %(formula)s cannot be read here; type the "
                                "number instead (only + − × ÷ of numbers and cells are "
                                "recomputed).") % {"formula": written})
    if sheet is None or depth > MAX_DEPTH:
        raise refused
    names = {}

    def name_for(found):
        key = f"_{found.group(1)}{found.group(2)}"
        names[key] = f"{found.group(1)}{found.group(2)}"
        return key

    expression = REFERENCE.sub(name_for, written[1:].strip().upper())
    try:
        tree = ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError):
        raise refused from None
    if not all(isinstance(node, ALLOWED_NODES) for node in ast.walk(tree)):
        raise refused

    def value(node):
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise refused
            return Decimal(repr(node.value))
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise refused
            reference = names[node.id]
            target = sheet[reference].value
            if target is None:
                return Decimal(0)
            return _number(reference, target, sheet, depth + 1)
        if isinstance(node, ast.UnaryOp):
            inner = value(node.operand)
            return -inner if isinstance(node.op, ast.USub) else inner
        left, right = value(node.left), value(node.right)
        operations = {ast.Add: lambda: left + right, ast.Sub: lambda: left - right,
                      ast.Mult: lambda: left * right, ast.Div: lambda: left / right}
        return operations[type(node.op)]()

    try:
        return value(tree)
    except CellError as error:
        if error.cell == cell:
            raise
        raise CellError(cell, _("the formula %(formula)s uses %(cell)s: %(problem)s") % {
            "formula": written, "cell": error.cell, "problem": error.message}) from None
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        raise CellError(cell, _("the formula %(formula)s divides by zero.")
                        % {"formula": written}) from None
