"""Content in exactly two languages lives in field pairs (``title_sq``, ``title_en``)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

CONTENT_LANGUAGES = ("sq", "en")


def active_content_language() -> str:
    language = (get_language() or "sq")[:2]
    return language if language in CONTENT_LANGUAGES else "sq"


def pick(instance, field: str) -> str:
    """The field in the active language, falling back to the other when that one is empty."""
    first = active_content_language()
    second = "en" if first == "sq" else "sq"
    return getattr(instance, f"{field}_{first}", "") or getattr(instance, f"{field}_{second}", "")


class Bilingual:
    """Mixin: ``obj.title`` style access through :func:`pick` for the named pairs."""

    bilingual_fields: tuple[str, ...] = ()

    def __getattr__(self, name):
        # Only reached when normal lookup fails, so real fields are never shadowed.
        if name in type(self).bilingual_fields:
            return pick(self, name)
        raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")


def _written(value, pattern) -> str:
    # Albanian writes month names in lower case, which Django's Albanian catalogue does not.
    text = date_format(value, pattern)
    return text.lower() if active_content_language() == "sq" else text


def format_day(value) -> str:
    """A date as people write it, day first: "1 July 2020", "1 korrik 2020"."""
    return _written(value, "j E Y") if value else ""


def format_short_day(value) -> str:
    """A day under a chart's column: "30 Nov", "30 nën"."""
    return _written(value, "j M")


def format_short_month(value) -> str:
    """A month under a chart's column: "Nov 26", "nën 26"."""
    return _written(value, "M y")


def format_month(value) -> str:
    """A month as a heading or a label: "November 2026", "nëntor 2026"."""
    return _written(value, "F Y")


def format_moment(value) -> str:
    """A moment as the site writes it everywhere: "1 December 2020, 14:05" in local time,
    on the 24-hour clock, whatever the browser's habits."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{format_day(local)}, {local:%H:%M}"


# Albanian official documents write 41,3 and 1.250 (Django's "sq" formats); English 41.3 and
# 1,250. Grouping is forced here rather than with USE_THOUSAND_SEPARATOR, which would also
# group every year and number printed in a template ("2.020").
NUMBER_SEPARATORS = {"sq": (",", "."), "en": (".", ",")}


def format_number(value, decimals=None) -> str:
    """A number as the active language writes it: "1.250", "41,3" in Albanian; "1,250",
    "41.3" in English. ``decimals`` fixes the places after the separator (rounded half
    away from zero); without it integers have none and other numbers keep theirs, up to
    two, without trailing zeros. Empty for None, so a missing figure shows as nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        raise TypeError("format_number takes a number, not a bool")
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"format_number takes a number, not {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"format_number cannot write {value!r}")
    if decimals is None:
        number = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        number = number.to_integral_value() if number == number.to_integral_value() else (
            number.normalize())
    else:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # never "-0"
    decimal_separator, thousands = NUMBER_SEPARATORS[active_content_language()]
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    text = thousands.join([whole, *groups])
    return f"{sign}{text}{decimal_separator}{fraction}" if fraction else f"{sign}{text}"
