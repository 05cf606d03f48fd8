"""Meeting pages (notice, agenda, attendance, decisions, minutes) and the list by year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import groupby

from ...i18n.findings import finding_message, quorum_text
from ...records.bodies import body_of
from ...records.model import Meeting
from ...site import derived, labels
from ...site.context import Context, GeneratedPage, SearchEntry
from ...site.render import card
from ...site.urls import record_src, relative_file, section_src

# Minutes that name who came: "Present:", "Members in attendance", "Attendees", "Apologies".
ATTENDANCE_WORDS = re.compile(
    r"\b(present|attendance|attendees|attended|apologies|absent|quorum)\b", re.IGNORECASE
)


def meeting_title(meeting: Meeting) -> str:
    # The date belongs in the title: meetings are searched and cited by it.
    return f"{meeting.title}, {labels.long_date(meeting.start)}"


def meeting_pages(ctx: Context) -> Iterator[GeneratedPage]:
    forum = ctx.records.forum
    rules = forum.rules if forum else None
    default_rule = rules.decision_rule if rules else "consensus"
    by_sector = derived.sector_attendance(ctx.records)
    for key, meeting in ctx.each(ctx.records.meetings):
        found = ctx.facts.meetings[key]
        notice, lag = found.notice_days, found.minutes_lag
        approved_in = meeting.minutes.approved_in if meeting.minutes else None
        src = record_src("meetings", key)
        title = meeting_title(meeting)
        summary = labels.say(
            "%(status)s %(kind)s of the %(forum)s, %(date)s.",
            status=labels.label(meeting.status),
            kind=labels.label(meeting.kind).lower(),
            forum=ctx.forum_name,
            date=labels.long_date(meeting.start),
        )
        if found.quorum:
            summary += f" {quorum_text(found.quorum)}."
        if meeting.decisions:
            summary += " " + labels.say("%(count)s decision(s).", count=len(meeting.decisions))
        yield ctx.page(
            src,
            "meeting.html.j2",
            title,
            source=meeting.path,
            meta=card(title, summary),
            search=(
                SearchEntry.of(
                    title, labels.say("%(kind)s meeting", kind=labels.label(meeting.kind))
                ),
            ),
            citation=ctx.citation(
                src,
                title,
                labels.say("Meeting %(id)s", id=key),
                meeting.path,
                derived.meeting_day(meeting),
            ),
            m=meeting,
            timezone=_timezone(ctx, meeting),
            notice=notice,
            short_notice=_short(notice, rules.notice_days if rules else None),
            minutes_lag=lag,
            late_minutes=lag is not None and _late(lag, rules.minutes_due_days if rules else None),
            approved_in=approved_in if approved_in in ctx.records.meetings else None,
            by_sector=by_sector(meeting),
            quorum=found.quorum,
            voting_present=found.attendance.present if found.attendance else None,
            voting_seats=found.attendance.voting_seats if found.attendance else None,
            # The rule's own result, shown where it differs from the recorded one.
            disagreements={c.decision.id: c for c in found.decisions if c.disagrees},
            concerns=[finding_message(f) for f in found.findings if f.level == "concern"],
            default_rule=default_rule,
            upcoming=derived.meeting_day(meeting) >= ctx.today and not ended(ctx),
            attendance_in_minutes=bool(ATTENDANCE_WORDS.search(meeting.body)),
            forum_body=body_of(meeting, forum),
            body=ctx.body(meeting.body, levels=1),
        )


def _timezone(ctx: Context, meeting: Meeting) -> str:
    if meeting.start.tzinfo is not None:
        return meeting.start.strftime("UTC%z")
    return ctx.records.forum.timezone if ctx.records.forum else ""


def _short(notice: int | None, required: int | None) -> bool:
    return notice is not None and required is not None and notice < required


def _late(lag: int, due: int | None) -> bool:
    return due is not None and lag > due


def ended(ctx: Context) -> date | None:
    forum = ctx.records.forum
    return forum.ended if forum and forum.ended and forum.ended <= ctx.today else None


def meetings_index(ctx: Context) -> GeneratedPage:
    # A Forum that was wound up has nothing upcoming: every meeting is in the record.
    past = derived.past_meetings(ctx.records, date.max if ended(ctx) else ctx.today)
    by_year = [(year, list(group)) for year, group in groupby(past, key=lambda m: m.start.year)]
    forum = ctx.records.forum
    by_body = [
        (body, [m for m in past if m.body_id == body.id])
        for body in (forum.bodies if forum else [])
    ]
    others = [m for m in past if not m.body_id or body_of(m, forum) is None]
    src = section_src("meetings")
    site_url = ctx.options.site_url
    return ctx.page(
        src,
        "meetings_index.html.j2",
        labels._("Meetings"),
        upcoming=derived.upcoming_meetings(ctx.records, ctx.today),
        by_year=by_year,
        by_body=[(body, meetings) for body, meetings in by_body if meetings],
        others=others,
        ended=ended(ctx),
        calendar=relative_file(src, "calendar.ics"),
        # webcal:// makes calendar apps subscribe rather than import once.
        webcal=(
            "webcal://" + site_url.split("://", 1)[1].rstrip("/") + "/calendar.ics"
            if site_url
            else None
        ),
    )


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = meeting_pages
section_page = meetings_index
