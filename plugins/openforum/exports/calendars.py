"""Calendars (RFC 5545): meetings, consultation windows and milestone due dates.

    calendar.ics                  every meeting
    calendars/consultations.ics   each consultation's window, as an all-day event
    calendars/milestones.ics      each milestone's due date, as an all-day event

Times are written in UTC (DTSTART:20240123T080000Z), converted from the Forum's timezone:
exact for every client, and no VTIMEZONE to get wrong (the one icalendar 6/7 generates
puts daylight-saving onsets in the wrong local hour). X-WR-TIMEZONE names the Forum's zone.

Identity and versions, all from the records, never from the clock:
- UID: "<kind>-<id>@<site host>", with the id the record was first published under (its
  first alias, else its id), so a renamed record stays the same calendar item.
- DTSTAMP: the start (Forum time) of the latest date the record shows a change on: for a
  meeting its notice or minutes publication, for a consultation its timeline or summary
  publication, for a milestone its completion or its commitment's latest progress entry;
  the item's own date when there is none.
- SEQUENCE: 3 x (days from 2000-01-01 to that date) + 1 if postponed or 2 if cancelled.
  It grows whenever a later notice is published (a meeting that moves is announced anew)
  and when a meeting is postponed or cancelled, so clients that import events accept the
  change. A hash of start, end and place would not do: clients ignore a lower SEQUENCE.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from ..i18n.labels import N_, label, long_date, say
from ..records.model import Commitment, Consultation, Meeting, Milestone
from .context import ExportContext

EPOCH = date(2000, 1, 1)
RANK = {"postponed": 1, "cancelled": 2}
STATUS = {"cancelled": "CANCELLED", "postponed": "CANCELLED", "held": "CONFIRMED"}
PRODID = "-//OpenForum//Forum records//EN"
# The calendars are written line by line, not through the icalendar library: building its
# objects and serialising them was a third of the open data's time (4.3 s of a build of
# 3,000 records). The tests read every calendar back with icalendar's parser. Properties
# come in the order icalendar wrote them, so the files did not change.
ORDER = ("SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "SEQUENCE")
FOLD_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded
# A text value: backslash, semicolon, comma and line ends escaped (RFC 5545 3.3.11).
_TEXT = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


def sequence(changed: date, status: str = "") -> int:
    return 3 * (changed - EPOCH).days + RANK.get(status, 0)


def text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_TEXT)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def day_value(day: date) -> str:
    return day.strftime("%Y%m%d")


def fold(line: str) -> str:
    """A content line folded into lines under 75 octets, as icalendar folds them: never
    inside a character, and never between a backslash and the character it escapes."""
    if len(line) < FOLD_OCTETS // 4 or len(line.encode("utf-8")) < FOLD_OCTETS:
        return line + "\r\n"
    return "\r\n ".join(_ascii_lines(line) if line.isascii() else _lines(line)) + "\r\n"


def _ascii_lines(line: str) -> list[str]:
    # `_lines` for a line of one-octet characters, by slices rather than one by one.
    out: list[str] = []
    start, most = 0, FOLD_OCTETS - 1
    while len(line) - start > most:
        end = start + most
        if line[end - 1] in "\\^":  # an escape is not split from what it escapes
            end -= 1
        out.append(line[start:end])
        start = end
    out.append(line[start:])
    return out


def _lines(line: str) -> list[str]:
    out: list[str] = []
    chunk: list[str] = []
    size = 0
    for char in line:
        width = 1 if char < "\x80" else len(char.encode("utf-8"))
        if chunk and size + width >= FOLD_OCTETS:
            carried = chunk.pop() if len(chunk) > 1 and chunk[-1] in "\\^" else ""
            out.append("".join(chunk))
            chunk = [carried] if carried else []
            size = len(carried)
        chunk.append(char)
        size += width
    out.append("".join(chunk))
    return out


class Event:
    """One VEVENT's properties (name, parameters and value written), in icalendar's order."""

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}

    def add(self, name: str, value: str) -> None:
        """`value`: what follows the name, parameters included (`;VALUE=DATE:20240101`)."""
        self.lines[name] = value

    def __getitem__(self, name: str) -> str:
        """A property's value as written (escaped), without its parameters."""
        return self.lines[name.upper()].split(":", 1)[1]

    def ical(self) -> str:
        names = [n for n in ORDER if n in self.lines]
        names += sorted(n for n in self.lines if n not in ORDER)
        body = "".join(fold(f"{n}{self.lines[n]}") for n in names)
        return f"BEGIN:VEVENT\r\n{body}END:VEVENT\r\n"


def _calendar(ctx: ExportContext, name: str, events: list[Event]) -> str:
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text(PRODID)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(f'{ctx.forum_name}: {say(name)}')}",
        f"X-WR-TIMEZONE:{text(ctx.timezone_name)}",
    ]
    lines = "".join(fold(line) for line in head)
    return lines + "".join(event.ical() for event in events) + "END:VCALENDAR\r\n"


def _event(ctx: ExportContext, uid: str, changed: date, status: str) -> Event:
    event = Event()
    event.add("UID", ":" + text(ctx.uid(uid)))
    event.add("DTSTAMP", ":" + utc_stamp(ctx.day_start(changed)))
    event.add("SEQUENCE", f":{sequence(changed, status)}")
    return event


def _all_day(event: Event, first: date, last: date) -> None:
    event.add("DTSTART", ";VALUE=DATE:" + day_value(first))
    # DTEND of an all-day event is exclusive.
    event.add("DTEND", ";VALUE=DATE:" + day_value(last + timedelta(days=1)))
    event.add("TRANSP", ":TRANSPARENT")  # a window or a deadline does not make anyone busy


def meeting_event(ctx: ExportContext, meeting: Meeting) -> Event:
    published = [meeting.announced, meeting.minutes.published if meeting.minutes else None]
    dates = [d for d in published if d]
    changed = max(dates) if dates else ctx.local(meeting.start).date()
    event = _event(ctx, f"meeting-{ctx.identity(meeting)}", changed, meeting.status)
    prefix = {"cancelled": N_("Cancelled: %(title)s"), "postponed": N_("Postponed: %(title)s")}
    says = prefix.get(meeting.status)
    summary = say(says, title=meeting.title) if says else meeting.title
    event.add("SUMMARY", ":" + text(summary))
    event.add("DTSTART", ":" + utc_stamp(ctx.utc(meeting.start)))
    if meeting.end:
        event.add("DTEND", ":" + utc_stamp(ctx.utc(meeting.end)))
    where = meeting.location
    if where:
        place = ", ".join(p for p in (where.name, where.address) if p) or where.online
        if place:
            event.add("LOCATION", ":" + text(place))
    kind, status = label(meeting.kind), label(meeting.status).lower()
    lines = [say("%(kind)s, %(status)s.", kind=kind, status=status)]
    if meeting.agenda:
        lines += ["", say("Agenda:")] + [f"{n}. {i.title}" for n, i in enumerate(meeting.agenda, 1)]
    if where and where.online:
        lines += ["", say("Online: %(address)s", address=where.online)]
    page = ctx.page("meetings", meeting.stem)
    lines += ["", say("Details: %(page)s", page=page)]
    event.add("DESCRIPTION", ":" + text("\n".join(lines)))
    event.add("URL", ":" + page)
    event.add("CATEGORIES", ":" + text(meeting.kind))
    # A scheduled meeting is confirmed once its notice is out; before that, tentative.
    status = STATUS.get(meeting.status, "CONFIRMED" if meeting.announced else "TENTATIVE")
    event.add("STATUS", ":" + status)
    return event


def consultation_event(ctx: ExportContext, consultation: Consultation) -> Event:
    published = [consultation.timeline_published, consultation.summary_published]
    dates = [d for d in published if d]
    changed = max(dates) if dates else consultation.opens
    event = _event(ctx, f"consultation-{ctx.identity(consultation)}", changed, "")
    event.add("SUMMARY", ":" + text(say("Consultation open: %(title)s", title=consultation.title)))
    _all_day(event, consultation.opens, consultation.closes)
    page = ctx.page("consultations", consultation.stem)
    channels = ", ".join(label(c).lower() for c in consultation.channels)
    opens, closes = long_date(consultation.opens), long_date(consultation.closes)
    lines = [say("Open from %(opens)s to %(closes)s.", opens=opens, closes=closes)]
    lines += [say("Channels: %(channels)s.", channels=channels)] if channels else []
    details = say("Details: %(page)s", page=page)
    event.add("DESCRIPTION", ":" + text("\n".join([*lines, "", details])))
    event.add("URL", ":" + page)
    event.add("STATUS", ":CONFIRMED")
    return event


def milestone_event(ctx: ExportContext, commitment: Commitment, milestone: Milestone) -> Event:
    assert milestone.due is not None
    dates = [e.date for e in commitment.progress] + ([milestone.done] if milestone.done else [])
    changed = max(dates) if dates else milestone.due
    uid = f"milestone-{ctx.identity(commitment)}-{milestone.id}"
    event = _event(ctx, uid, changed, "cancelled" if milestone.status == "cancelled" else "")
    event.add(
        "SUMMARY",
        ":"
        + text(
            say(
                "Due: %(commitment)s milestone %(id)s: %(title)s",
                commitment=commitment.stem,
                id=milestone.id,
                title=milestone.title,
            )
        ),
    )
    _all_day(event, milestone.due, milestone.due)
    page = ctx.page("commitments", commitment.stem, f"milestone-{milestone.id}")
    state = label(milestone.status).lower()
    status = (
        say("Status: %(status)s, on %(date)s.", status=state, date=long_date(milestone.done))
        if milestone.done
        else say("Status: %(status)s.", status=state)
    )
    lines = [say("Commitment %(id)s: %(title)s", id=commitment.stem, title=commitment.title)]
    details = say("Details: %(page)s", page=page)
    event.add("DESCRIPTION", ":" + text("\n".join([*lines, status, "", details])))
    event.add("URL", ":" + page)
    event.add("STATUS", ":CANCELLED" if milestone.status == "cancelled" else ":CONFIRMED")
    return event


def calendar_files(ctx: ExportContext) -> dict[str, str]:
    records = ctx.records
    meetings = [
        meeting_event(ctx, meeting)
        for meeting in sorted(records.meetings.values(), key=lambda m: (ctx.utc(m.start), m.stem))
    ]
    consultations = [
        consultation_event(ctx, c)
        for c in sorted(records.consultations.values(), key=lambda c: (c.opens, c.stem))
    ]
    due = [
        (m.due, c.stem, position, c, m)
        for c in records.commitments.values()
        for position, m in enumerate(c.milestones)
        if m.due is not None and str(m.due) != "ongoing"  # ongoing: no day to put it on
    ]
    milestones = [
        milestone_event(ctx, commitment, milestone)
        for _, _, _, commitment, milestone in sorted(due, key=lambda row: row[:3])
    ]
    return {
        "calendar.ics": _calendar(ctx, N_("meetings"), meetings),
        "calendars/consultations.ics": _calendar(ctx, N_("consultations"), consultations),
        "calendars/milestones.ics": _calendar(ctx, N_("milestones"), milestones),
    }
