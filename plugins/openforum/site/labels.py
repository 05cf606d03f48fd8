"""Words for the contract's vocabulary values, dates and numbers, as a reader sees them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from ..records.partial_dates import PartialDate

# Where "replace _ by a space, capitalise" would read wrongly.
_SPECIAL = {
    "co_chair": "Co-chair",
    "follow_up": "Follow-up",
    "ogp": "OGP",
    "irm": "IRM",
    "no_evidence": "No evidence",
    "did_not_change": "Did not change",
}
FRACTION_WORDS = {
    Fraction(1, 2): "half",
    Fraction(2, 3): "two thirds",
    Fraction(3, 4): "three quarters",
    Fraction(3, 5): "three fifths",
    Fraction(1, 3): "one third",
}


def label(value: object) -> str:
    """'civil_society' -> 'Civil society'; None -> ''."""
    if value is None:
        return ""
    text = str(value)
    if text in _SPECIAL:
        return _SPECIAL[text]
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def long_date(value: date | datetime | None) -> str:
    """'2024-03-12' -> '12 March 2024' (English, as the default language); a date written to
    the month or year as written: 'September 2027', '2027', 'Ongoing'."""
    if value is None:
        return ""
    if isinstance(value, PartialDate) and value.precision != "day":
        return _partial(value, "%B %Y")
    return f"{value.day} {value:%B %Y}"


def short_date(value: date | datetime | None) -> str:
    """'2024-03-12' -> '12 Mar 2024', for tables."""
    if value is None:
        return ""
    if isinstance(value, PartialDate) and value.precision != "day":
        return _partial(value, "%b %Y")
    return f"{value.day} {value:%b %Y}"


def _partial(value: PartialDate, month_format: str) -> str:
    if value.ongoing:
        return "Ongoing"
    return f"{value:{month_format}}" if value.precision == "month" else str(value.year)


def time_of(value: datetime | None) -> str:
    return "" if value is None else f"{value:%H:%M}"


def fraction(value: Fraction | None) -> str:
    if value is None:
        return ""
    words = FRACTION_WORDS.get(value)
    return f"{value} ({words})" if words else str(value)


def amount(value: Decimal | int | None) -> str:
    """45000 -> '45,000'; keeps cents only when there are any."""
    if value is None:
        return ""
    number = Decimal(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,.2f}"


def percent(share: float | None) -> str:
    return "" if share is None else f"{round(share * 100)}%"


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
