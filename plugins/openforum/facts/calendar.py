"""Dates the rules count in: months added the way a secretariat counts them, and 'today'."""

from __future__ import annotations

import calendar
import os
from datetime import UTC, date, datetime


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reference_today() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH so that a rebuild says the same thing."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
