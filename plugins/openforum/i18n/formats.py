"""Dates and numbers as each language writes them, by Babel (CLDR), in one place.

Pages, feeds and calendars all format through here, so a date reads the same everywhere
in a build: '24 November 2026', '24 de noviembre de 2026', '24 novembre 2026'.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from babel import Locale, dates, lists, numbers

if TYPE_CHECKING:
    from .translator import Translator

DateForm = Literal["long", "short"]
# Babel's form for a full date, and the CLDR skeleton for a date given to the month.
_DAY = {"long": "long", "short": "medium"}
_MONTH = {"long": "yMMMM", "short": "yMMM"}


def format_date(t: Translator, value: date | None, form: DateForm = "long") -> str:
    """A date in words ('24 de noviembre de 2026'; short: '24 nov 2026'); a date written to
    the month or the year as written ('septiembre de 2027', '2027'); 'ongoing' in words."""
    if value is None:
        return ""
    # A date written to the month or the year (records/partial_dates.py) says so; read by
    # its attributes, so that the words import nothing of the records.
    precision = getattr(value, "precision", "day")
    if precision != "day":
        if getattr(value, "ongoing", False):
            return t.gettext("Ongoing")
        if precision == "year":
            return str(value.year)
        return _month_words(t.locale, _MONTH[form], value.year, value.month)
    day = value.date() if isinstance(value, datetime) else value
    return _day_words(t.locale, _DAY[form], date(day.year, day.month, day.day))


# A build writes the same few thousand days tens of thousands of times, and Babel reads
# its pattern again on each call: each day's words are made once per language and form.
@lru_cache(maxsize=16384)
def _day_words(locale: Locale, form: str, day: date) -> str:
    return dates.format_date(day, form, locale=locale)


# Months too: milestones and indicators due in a month repeat on page after page.
@lru_cache(maxsize=4096)
def _month_words(locale: Locale, skeleton: str, year: int, month: int) -> str:
    return dates.format_skeleton(skeleton, date(year, month, 1), locale=locale)


def format_time(t: Translator, value: datetime | None) -> str:
    """The wall-clock time as the language writes it ('14:00'; Arabic with its own marks)."""
    return "" if value is None else dates.format_time(value, "short", locale=t.locale)


def weekday(t: Translator, value: date) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return _day_words(t.locale, "EEEE", date(day.year, day.month, day.day))


def format_number(t: Translator, value: int | float | Decimal | None) -> str:
    """45000 -> '45,000' (en), '45.000' (es), '45 000' (fr)."""
    return "" if value is None else numbers.format_decimal(value, locale=t.locale)


def format_amount(t: Translator, value: int | Decimal | None) -> str:
    """A budget: cents only when there are any."""
    if value is None:
        return ""
    number = Decimal(value)
    pattern = "#,##0" if number == number.to_integral_value() else "#,##0.00"
    return numbers.format_decimal(number, pattern, locale=t.locale)


def format_percent(t: Translator, share: float | None) -> str:
    """0.456 -> '46%' (en), '46 %' (es, fr): whole percents."""
    if share is None:
        return ""
    return numbers.format_percent(round(share * 100) / 100, locale=t.locale)


def format_list(t: Translator, items: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c' (en), 'a, b y c' (es)."""
    found = list(items)
    return lists.format_list(found, locale=t.locale) if found else ""
