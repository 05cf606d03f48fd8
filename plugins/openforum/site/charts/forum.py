"""The Forum's conduct as pictures: meetings as a cadence line, attendance by sector, and
the balance of voting seats over time. Drawn from the facts derived once per build."""

from __future__ import annotations

from datetime import date, timedelta

from ...facts.forum import ForumFacts
from ...records import ForumRecords
from ...records.model import Meeting
from .. import derived, labels
from .svg import ALERT, INK, MUTED, WIDTH, Chart, fill_for, legend, line, rect, stacked_bars, svg
from .svg import text as words

CADENCE_YEARS = 6  # the cadence line covers the latest years; the meetings page has all
ATTENDANCE_MEETINGS = 20  # the latest held meetings with attendance recorded
LEFT, RIGHT = 10, WIDTH - 10


def _x(day: date, first: date, last: date) -> float:
    span = max((last - first).days, 1)
    return LEFT + (RIGHT - LEFT) * (day - first).days / span


def cadence(records: ForumRecords, facts: ForumFacts) -> Chart | None:
    meetings = derived.meetings_in_order(records)
    if not meetings:
        return None
    end = max(facts.today, derived.meeting_day(meetings[-1]))
    since = date(end.year - CADENCE_YEARS + 1, 1, 1)
    shown = [m for m in meetings if derived.meeting_day(m) >= since]
    if not shown:
        return None
    first = min(since, derived.meeting_day(shown[0]))
    gaps = {
        f.subject.id: bool(f.evidence) for f in facts.findings if f.code == "meeting-gap"
    }  # True: a gap ends at this meeting; False: none since it
    late = {(f.code, f.subject.id) for f in facts.findings}
    body = [line(LEFT, 60, RIGHT, 60, MUTED)]
    for year in range(first.year, end.year + 1):
        x = _x(date(year, 1, 1), first, end)
        body += [line(x, 52, x, 68, MUTED), words(x + 2, 86, str(year), fill=MUTED, size=11)]
    rows: list[tuple[str, ...]] = []
    previous: Meeting | None = None
    for meeting in shown:
        day = derived.meeting_day(meeting)
        x = _x(day, first, end)
        found = facts.meetings.get(meeting.stem)
        flags = []
        if gaps.get(meeting.stem) and previous is not None:
            x0 = _x(derived.meeting_day(previous), first, end)
            body.append(line(x0, 60, x, 60, ALERT, width=3, dash="6 3"))
            flags.append(labels._("long gap before it"))
        if ("late-notice", meeting.stem) in late:
            body.append(f'<path d="M{x - 6:.1f} 38 L{x + 6:.1f} 38 L{x:.1f} 48 Z" fill="{ALERT}"/>')
            flags.append(labels._("late notice"))
        if ("late-minutes", meeting.stem) in late:
            body.append(rect(x - 5, 72, 10, 10, ALERT))
            flags.append(labels._("late minutes"))
        held = meeting.status == "held"
        body.append(
            f'<circle cx="{x:.1f}" cy="60" r="6" fill="{INK if held else "#fff"}" '
            f'stroke="{INK}" stroke-width="2"><title>{labels.short_date(day)}</title></circle>'
        )
        notice = found.notice_days if found else None
        lag = found.minutes_lag if found else None
        rows.append(
            (
                labels.short_date(day),
                meeting.title,
                labels.label(meeting.status),
                "" if notice is None else str(notice),
                "" if lag is None else str(lag),
                ", ".join(flags),
            )
        )
        if held and meeting.kind == "plenary":
            previous = meeting
    if previous is not None and gaps.get(previous.stem) is False:
        body.append(
            line(
                _x(derived.meeting_day(previous), first, end),
                60,
                RIGHT,
                60,
                ALERT,
                width=3,
                dash="6 3",
            )
        )
    keys, _ = legend(
        100,
        [
            (INK, labels._("Meeting held")),
            (
                ALERT,
                labels._("Late notice (triangle), late minutes (square), long gap (dashed)"),
            ),
        ],
    )
    flagged = sum(1 for row in rows if row[-1])
    title = labels.say("Meetings from %(first)s to %(last)s", first=first.year, last=end.year)
    description = labels.say(
        "%(count)s meetings on a time line, %(flagged)s of them marked for a long gap before "
        "them, late notice or late minutes; hollow circles are meetings not held.",
        count=len(rows),
        flagged=flagged,
    )
    return Chart(
        "chart-cadence",
        title,
        description,
        svg("chart-cadence", title, description, 140, body + keys),
        tuple(
            labels._(header)
            for header in (
                labels.N_("Date"),
                labels.N_("Meeting"),
                labels.N_("Status"),
                labels.N_("Notice (days)"),
                labels.N_("Minutes after (days)"),
                labels.N_("Marked"),
            )
        ),
        tuple(rows),
        labels.say("Meetings since %(year)s; the Meetings page lists every one.", year=first.year)
        if len(shown) < len(meetings)
        else "",
    )


def attendance(records: ForumRecords) -> Chart | None:
    held = [
        m
        for m in derived.meetings_in_order(records)
        if m.status == "held" and m.attendance and m.attendance.present
    ][-ATTENDANCE_MEETINGS:]
    if not held:
        return None
    sectors = list(derived.SECTORS)
    rows = []
    for meeting in held:
        by_sector = {
            r.sector: len(r.present) for r in derived.attendance_by_sector(records, meeting)
        }
        rows.append((labels.short_date(meeting.start), [(s, by_sector.get(s, 0)) for s in sectors]))
    used = [s for s in sectors if any(n for _, parts in rows for k, n in parts if k == s)]
    fills = {s: fill_for(s, i) for i, s in enumerate(sectors)}
    bars, height = stacked_bars(rows, fills)
    keys, key_height = legend(height + 8, [(fills[s], labels.label(s)) for s in used])
    title = labels.say("Attendance by sector at the latest %(count)s meetings", count=len(held))
    totals = {s: sum(dict(parts)[s] for _, parts in rows) for s in used}
    description = labels.say(
        "One bar per meeting, its members present split by sector. Over these meetings: "
        "%(totals)s attendances.",
        totals=", ".join(f"{labels.label(s)} {n}" for s, n in totals.items()),
    )
    return Chart(
        "chart-attendance",
        title,
        description,
        svg("chart-attendance", title, description, int(height + key_height + 12), bars + keys),
        (labels._("Meeting"), *(labels.label(s) for s in used)),
        tuple((name, *(str(dict(parts)[s]) for s in used)) for name, parts in rows),
    )


def seat_balance(facts: ForumFacts) -> Chart | None:
    rows = facts.balance
    if not rows:
        return None
    first, end = rows[0].start, max(facts.today, rows[-1].start + timedelta(days=1))
    top = max(max(r.government, r.other) for r in rows) or 1

    def y(n: int) -> float:
        return 110 - 90 * n / top

    body = [
        line(LEFT, 110, RIGHT, 110, MUTED),
        words(LEFT, 126, str(first.year), fill=MUTED),
        words(RIGHT, 126, str(end.year), fill=MUTED, anchor="end"),
    ]
    for name, attr, fill, dash in (
        (labels._("Government"), "government", "#0d47a1", ""),
        (labels._("Non-government"), "other", "#1b5e20", "5 3"),
    ):
        points = []
        for r in rows:
            x0, x1 = _x(r.start, first, end), _x(r.end or end, first, end)
            points += [f"{x0:.1f},{y(getattr(r, attr)):.1f}", f"{x1:.1f},{y(getattr(r, attr)):.1f}"]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{fill}" '
            f'stroke-width="3"{dashed}><title>{name}</title></polyline>'
        )
    keys, _ = legend(
        138,
        [
            ("#0d47a1", labels._("Government seats (solid)")),
            ("#1b5e20", labels._("Non-government seats (dashed)")),
        ],
    )
    unbalanced = sum(1 for r in rows if not r.balanced)
    last = rows[-1]
    title = labels._("Voting seats: government and non-government over time")
    description = labels.say(
        "Two step lines from %(date)s: %(count)s periods, %(unbalanced)s of them unbalanced. "
        "Now %(government)s government and %(other)s non-government.",
        date=labels.short_date(first),
        count=len(rows),
        unbalanced=unbalanced,
        government=last.government,
        other=last.other,
    )
    return Chart(
        "chart-seats",
        title,
        description,
        svg("chart-seats", title, description, 165, body + keys),
        tuple(
            labels._(header)
            for header in (
                labels.N_("From"),
                labels.N_("To"),
                labels.N_("Government"),
                labels.N_("Non-government"),
                labels.N_("Balanced"),
            )
        ),
        tuple(
            (
                labels.short_date(r.start),
                labels.short_date(r.end) if r.end else labels._("today"),
                str(r.government),
                str(r.other),
                labels._("yes") if r.balanced else labels._("no"),
            )
            for r in rows
        ),
    )


def forum_charts(records: ForumRecords, facts: ForumFacts) -> list[Chart]:
    charts = [cadence(records, facts), attendance(records), seat_balance(facts)]
    return [chart for chart in charts if chart is not None]
