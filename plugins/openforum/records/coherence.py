"""Small rules the checks of several kinds share: dates in order, periods, paths in messages."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, tzinfo
from pathlib import Path

from ..kinds import ForumRecords
from ..kinds.commitments.model import CommitmentPeriod
from .fields import Period
from .partial_dates import PartialDate
from .problems import Problems


def check_period(path: Path, period: Period | CommitmentPeriod | None, problems: Problems) -> None:
    if period is None:
        return
    # A period that starts with a month or a year starts on its first day.
    start = period.start.first_day if isinstance(period.start, PartialDate) else period.start
    if after(start, period.end):
        problems.add(
            path, period.at("end"), f"period ends ({period.end}) before it starts ({period.start})"
        )


def out_of_order(days: list[date | None]) -> list[int]:
    """Indexes of the entries that break date order, one per break.

    Of two neighbours out of order, the one blamed is the one whose removal restores the
    order around it: a later date typed into the middle is blamed, not the entry after it.
    """
    blamed: list[int] = []
    for i in range(len(days) - 1):
        if not after(days[i], days[i + 1]):
            continue
        after_next = days[i + 2] if i + 2 < len(days) else None
        before = days[i - 1] if i > 0 else None
        if after(days[i], after_next) and not after(before, days[i + 1]):
            blamed.append(i)
        else:
            blamed.append(i + 1)
    return blamed


def after(first: date | None, second: date | None) -> bool:
    """True when both are known and `first` is later than `second`."""
    return first is not None and second is not None and first > second


def local(moment: datetime | None, zone: tzinfo | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=zone or zoneinfo.ZoneInfo("UTC"))


def relative_path(path: Path, records: ForumRecords) -> str:
    try:
        return str(path.relative_to(records.root))
    except ValueError:
        return str(path)
