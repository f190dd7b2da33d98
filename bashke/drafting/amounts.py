"""Amounts of the plan table (thousand lek, exact decimals): reading what people type, and
writing them as the reader's language does — Albanian "1.250,50", English "1,250.50"."""

from decimal import Decimal, InvalidOperation

from django.utils import formats, numberformat

CENT = Decimal("0.01")
# A plan's activity costs tens of millions of lek at most; 100 billion lek (in thousands) is a
# typing slip — an amount in lek typed into a column of thousands, or a stray digit.
MAX_AMOUNT = Decimal("100000000")


def format_amount(value) -> str:
    """Two decimals, grouped by thousands with the active language's separators; "" for
    None. Django's Albanian format groups nothing, so the grouping is asked for here."""
    if value is None or value == "":
        return ""
    return numberformat.format(
        Decimal(value), formats.get_format("DECIMAL_SEPARATOR"), decimal_pos=2, grouping=3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"), force_grouping=True,
        use_l10n=True)


def parse_amount(text):
    """What someone typed, as a Decimal (None when empty); ValueError when it is no number.

    Either separator may be the decimal one, as people in Albania write both: when both
    appear, the last one is the decimal separator and the other groups thousands; spaces
    group thousands too. One separator alone is decimal unless the language groups with it
    and three digits follow it."""
    text = (text or "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "").strip()
    if not text:
        return None
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousand_sep = "." if decimal_sep == "," else ","
        text = text.replace(thousand_sep, "").replace(decimal_sep, ".")
    elif text.count(",") > 1 or text.count(".") > 1:
        # "1.250.000" or "1,250,000": thousands only.
        text = text.replace(",", "").replace(".", "")
    elif "," in text or "." in text:
        # One separator: it groups thousands only where the reader's language groups with
        # it and three digits follow ("1.250" in Albanian, "1,250" in English).
        sep = "," if "," in text else "."
        groups = sep == formats.get_format("THOUSAND_SEPARATOR")
        text = text.replace(sep, "" if groups and len(text.split(sep)[1]) == 3 else ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value
