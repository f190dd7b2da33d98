"""Date arithmetic for plan cycles, with no database in sight."""

import datetime

ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    # Clamp: 31 August + 6 months is the last day of February, not an error.
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole months covered from start to end inclusive (1 Jul 2020–30 Jun 2022 is 24)."""
    following = end + datetime.timedelta(days=1)
    months = (following.year - start.year) * 12 + following.month - start.month
    if following.day < start.day:
        months -= 1
    return months


def is_whole_years(start: datetime.date, end: datetime.date, years: int) -> bool:
    return add_months(start, 12 * years) - datetime.timedelta(days=1) == end


def last_six_months(end: datetime.date) -> tuple[datetime.date, datetime.date]:
    return add_months(end + datetime.timedelta(days=1), -6), end
