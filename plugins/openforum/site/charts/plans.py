"""A plan's commitments by status over time, from each commitment's progress timeline."""

from __future__ import annotations

from datetime import date

from ...records.model import Commitment
from .. import derived, labels
from .svg import Chart, fill_for, legend, stacked_bars, svg

MAX_POINTS = 12  # dates drawn; a longer history is sampled evenly, the latest kept


def status_on(commitment: Commitment, day: date) -> str:
    """The status reported last on or before `day`; not started before any report."""
    found = "not_started"
    for entry in commitment.progress:
        if entry.date > day:
            break
        found = entry.status
    return found


def sample(days: list[date]) -> list[date]:
    if len(days) <= MAX_POINTS:
        return days
    step = (len(days) - 1) / (MAX_POINTS - 1)
    return sorted({days[round(i * step)] for i in range(MAX_POINTS)})


def status_over_time(plan_id: str, commitments: list[Commitment], today: date) -> Chart | None:
    """None when no commitment of the plan has reported progress yet."""
    days = sorted({e.date for c in commitments for e in c.progress if e.date <= today})
    if not days:
        return None
    if days[-1] != today:
        days.append(today)
    days = sample(days)
    statuses = list(derived.COMMITMENT_STATUSES)
    statuses += sorted({e.status for c in commitments for e in c.progress} - set(statuses))
    counts = [(day, [status_on(c, day) for c in commitments]) for day in days]
    rows = [
        (labels.short_date(day), [(s, found.count(s)) for s in statuses]) for day, found in counts
    ]
    fills = {s: fill_for(s, i) for i, s in enumerate(statuses)}
    bars, height = stacked_bars(rows, fills)
    used = [s for s in statuses if any(n for _, parts in rows for k, n in parts if k == s)]
    keys, key_height = legend(height + 8, [(fills[s], labels.label(s)) for s in used])
    latest = dict(rows[-1][1])
    summary = ", ".join(f"{latest[s]} {labels.label(s).lower()}" for s in used if latest[s])
    first, last = labels.short_date(days[0]), labels.short_date(days[-1])
    title = labels.say("Commitments by status, %(first)s to %(last)s", first=first, last=last)
    description = labels.say(
        "One bar per date, splitting the plan's %(count)s commitments by the status last "
        "reported by then. On %(date)s: %(summary)s.",
        count=len(commitments),
        date=last,
        summary=summary,
    )
    key = f"chart-status-{plan_id}"
    return Chart(
        key,
        title,
        description,
        svg(key, title, description, int(height + key_height + 12), bars + keys),
        (labels._("Date"), *(labels.label(s) for s in used)),
        tuple((name, *(str(dict(parts)[s]) for s in used)) for name, parts in rows),
    )
