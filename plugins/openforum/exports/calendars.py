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

from datetime import UTC, date, timedelta

from icalendar import Calendar, Event

from ..i18n.labels import N_, label, long_date, say
from ..records.model import Commitment, Consultation, Meeting, Milestone
from .context import ExportContext

EPOCH = date(2000, 1, 1)
RANK = {"postponed": 1, "cancelled": 2}
STATUS = {"cancelled": "CANCELLED", "postponed": "CANCELLED", "held": "CONFIRMED"}
PRODID = "-//OpenForum//Forum records//EN"


def sequence(changed: date, status: str = "") -> int:
    return 3 * (changed - EPOCH).days + RANK.get(status, 0)


def _calendar(ctx: ExportContext, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{ctx.forum_name}: {say(name)}")
    cal.add("x-wr-timezone", ctx.timezone_name)
    return cal


def _event(ctx: ExportContext, uid: str, changed: date, status: str) -> Event:
    event = Event()
    event.add("uid", ctx.uid(uid))
    event.add("dtstamp", ctx.day_start(changed).astimezone(UTC))
    event.add("sequence", sequence(changed, status))
    return event


def _all_day(event: Event, first: date, last: date) -> None:
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
    event.add("transp", "TRANSPARENT")  # a window or a deadline does not make anyone busy


def meeting_event(ctx: ExportContext, meeting: Meeting) -> Event:
    published = [meeting.announced, meeting.minutes.published if meeting.minutes else None]
    dates = [d for d in published if d]
    changed = max(dates) if dates else ctx.local(meeting.start).date()
    event = _event(ctx, f"meeting-{ctx.identity(meeting)}", changed, meeting.status)
    prefix = {"cancelled": N_("Cancelled: %(title)s"), "postponed": N_("Postponed: %(title)s")}
    says = prefix.get(meeting.status)
    event.add("summary", say(says, title=meeting.title) if says else meeting.title)
    event.add("dtstart", ctx.utc(meeting.start))
    if meeting.end:
        event.add("dtend", ctx.utc(meeting.end))
    where = meeting.location
    if where:
        place = ", ".join(p for p in (where.name, where.address) if p) or where.online
        if place:
            event.add("location", place)
    kind, status = label(meeting.kind), label(meeting.status).lower()
    lines = [say("%(kind)s, %(status)s.", kind=kind, status=status)]
    if meeting.agenda:
        lines += ["", say("Agenda:")] + [f"{n}. {i.title}" for n, i in enumerate(meeting.agenda, 1)]
    if where and where.online:
        lines += ["", say("Online: %(address)s", address=where.online)]
    page = ctx.page("meetings", meeting.stem)
    lines += ["", say("Details: %(page)s", page=page)]
    event.add("description", "\n".join(lines))
    event.add("url", page)
    event.add("categories", [meeting.kind])
    # A scheduled meeting is confirmed once its notice is out; before that, tentative.
    status = STATUS.get(meeting.status, "CONFIRMED" if meeting.announced else "TENTATIVE")
    event.add("status", status)
    return event


def consultation_event(ctx: ExportContext, consultation: Consultation) -> Event:
    published = [consultation.timeline_published, consultation.summary_published]
    dates = [d for d in published if d]
    changed = max(dates) if dates else consultation.opens
    event = _event(ctx, f"consultation-{ctx.identity(consultation)}", changed, "")
    event.add("summary", say("Consultation open: %(title)s", title=consultation.title))
    _all_day(event, consultation.opens, consultation.closes)
    page = ctx.page("consultations", consultation.stem)
    channels = ", ".join(label(c).lower() for c in consultation.channels)
    opens, closes = long_date(consultation.opens), long_date(consultation.closes)
    lines = [say("Open from %(opens)s to %(closes)s.", opens=opens, closes=closes)]
    lines += [say("Channels: %(channels)s.", channels=channels)] if channels else []
    event.add("description", "\n".join([*lines, "", say("Details: %(page)s", page=page)]))
    event.add("url", page)
    event.add("status", "CONFIRMED")
    return event


def milestone_event(ctx: ExportContext, commitment: Commitment, milestone: Milestone) -> Event:
    assert milestone.due is not None
    dates = [e.date for e in commitment.progress] + ([milestone.done] if milestone.done else [])
    changed = max(dates) if dates else milestone.due
    uid = f"milestone-{ctx.identity(commitment)}-{milestone.id}"
    event = _event(ctx, uid, changed, "cancelled" if milestone.status == "cancelled" else "")
    event.add(
        "summary",
        say(
            "Due: %(commitment)s milestone %(id)s: %(title)s",
            commitment=commitment.stem,
            id=milestone.id,
            title=milestone.title,
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
    event.add("description", "\n".join([*lines, status, "", say("Details: %(page)s", page=page)]))
    event.add("url", page)
    event.add("status", "CANCELLED" if milestone.status == "cancelled" else "CONFIRMED")
    return event


def _text(cal: Calendar) -> str:
    data: bytes = cal.to_ical()  # CRLF line ends and folding, as RFC 5545 asks
    return data.decode("utf-8")


def calendar_files(ctx: ExportContext) -> dict[str, str]:
    records = ctx.records
    meetings = _calendar(ctx, N_("meetings"))
    for meeting in sorted(records.meetings.values(), key=lambda m: (ctx.utc(m.start), m.stem)):
        meetings.add_component(meeting_event(ctx, meeting))
    consultations = _calendar(ctx, N_("consultations"))
    for c in sorted(records.consultations.values(), key=lambda c: (c.opens, c.stem)):
        consultations.add_component(consultation_event(ctx, c))
    milestones = _calendar(ctx, N_("milestones"))
    due = [
        (m.due, c.stem, position, c, m)
        for c in records.commitments.values()
        for position, m in enumerate(c.milestones)
        if m.due is not None and str(m.due) != "ongoing"  # ongoing: no day to put it on
    ]
    for _, _, _, commitment, milestone in sorted(due, key=lambda row: row[:3]):
        milestones.add_component(milestone_event(ctx, commitment, milestone))
    return {
        "calendar.ics": _text(meetings),
        "calendars/consultations.ics": _text(consultations),
        "calendars/milestones.ics": _text(milestones),
    }
