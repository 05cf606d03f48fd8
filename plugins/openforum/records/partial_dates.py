"""Dates written to the month (`2027-09`) or the year (`2027`), and a due date of `ongoing`.

Real plans give due dates and periods that coarsely (records.md, "Version 2 additions").
Such a date *is* a `date`, the last day it covers ("due at the end of that month or year"),
so every comparison that asks "is it past?" keeps working unchanged; it remembers how it
was written and shows itself that way (`str`, `isoformat`). `ongoing` is the last day of
the calendar: never past, so never overdue.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from .values import BadValue, read_date

_MONTH = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")
_YEAR = re.compile(r"[0-9]{4}")
ONGOING = "ongoing"


class PartialDate(date):
    """A day, a month or a year; as a `date`, the last day it covers."""

    __slots__ = ("written",)
    written: str

    def __new__(cls, last_day: date | int, written: str | int, day: int | None = None) -> Any:
        if isinstance(last_day, int):
            # Date arithmetic (`due + timedelta(...)`) makes new dates through the class:
            # a computed day is a plain date, not a date as written.
            return date(last_day, int(written), day or 1)
        assert isinstance(written, str)
        self = super().__new__(cls, last_day.year, last_day.month, last_day.day)
        self.written = written
        return self

    @property
    def text(self) -> str:
        """As written; a day made by `replace()` (which skips `__new__`) as YYYY-MM-DD."""
        return getattr(self, "written", None) or date.isoformat(self)

    @property
    def precision(self) -> str:
        """'day', 'month', 'year' or 'ongoing'."""
        if self.text == ONGOING:
            return ONGOING
        return {10: "day", 7: "month", 4: "year"}[len(self.text)]

    @property
    def first_day(self) -> date:
        """The first day it covers: where a period that starts with it begins."""
        precision = self.precision
        if precision == "year":
            return date(self.year, 1, 1)
        if precision == "month":
            return date(self.year, self.month, 1)
        return date(self.year, self.month, self.day)

    @property
    def ongoing(self) -> bool:
        return self.text == ONGOING

    def isoformat(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PartialDate({self.text!r})"

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep how it was written
        return (type(self), (date(self.year, self.month, self.day), self.text))


def read_partial_date(text: str, kind: type[PartialDate] = PartialDate) -> PartialDate:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""
    if _YEAR.fullmatch(text):
        return kind(date(int(text), 12, 31), text)
    month = _MONTH.fullmatch(text)
    if month:
        year, number = int(month["year"]), int(month["month"])
        if not 1 <= number <= 12:
            raise BadValue(f"'{text}' has no month {number}: write YYYY-MM with a month 01-12")
        return kind(date(year, number, calendar.monthrange(year, number)[1]), text)
    try:
        return kind(read_date(text), text)
    except BadValue:
        raise BadValue(
            f"'{text}' is not a date: write YYYY-MM-DD, a month YYYY-MM or a year YYYY, "
            "e.g. 2027-09"
        ) from None


def read_due_date(text: str) -> PartialDate:
    """A partial date, or `ongoing` (a task with no end: never overdue)."""
    if text == ONGOING:
        return DueDate(date.max, ONGOING)
    try:
        return read_partial_date(text, DueDate)
    except BadValue as error:
        raise BadValue(f"{error}, or 'ongoing'") from None


class DueDate(PartialDate):
    """A milestone's or indicator's `due`: a partial date or `ongoing` (the model's marker)."""

    __slots__ = ()
