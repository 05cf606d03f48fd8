"""Dates the rules count in: months added the way a secretariat counts them, and 'today'."""

from __future__ import annotations

import calendar
import os
import zoneinfo
from collections.abc import Mapping
from datetime import UTC, date, datetime, tzinfo

from ..records.model import Forum


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if not date.min.year <= year <= date.max.year:  # beyond the calendar: no deadline falls
        return date.max if months > 0 else date.min
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_today(forum: Forum | None, environ: Mapping[str, str] | None = None) -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today in the Forum's timezone."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (OverflowError, OSError) as error:  # a number beyond the calendar
            raise ValueError(f"SOURCE_DATE_EPOCH {epoch[:20]} is out of range") from error
    try:
        zone: tzinfo = zoneinfo.ZoneInfo(forum.timezone) if forum else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        zone = UTC
    return datetime.now(zone).date()
