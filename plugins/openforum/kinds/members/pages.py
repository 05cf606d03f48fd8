"""Member pages (seats over time, meetings attended) and the Forum's composition."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import get_args

from ...facts.roster import seat_on
from ...records.model import Member, Seat, SeatRole
from ...site import derived, labels
from ...site.context import Context, GeneratedPage, SearchEntry
from ...site.render import Links
from ...site.urls import HOME, record_src, section_src

ROLES: tuple[str, ...] = get_args(SeatRole)
LATEST_MEETINGS = 20  # meetings listed by name on a member's page; the rest are counted


_STEM = attrgetter("stem")


@dataclass(frozen=True, slots=True)
class Sitting:
    member: Member
    seat: Seat


def member_pages(ctx: Context) -> Iterator[GeneratedPage]:
    records = ctx.records
    attendance = derived.attendance(records)
    commitments = derived.commitments_by_member(records)
    substitutes = _substitutes(ctx)
    year_of = {key: derived.meeting_day(m).year for key, m in records.meetings.items()}
    for key, member in ctx.each(records.members):
        attended = attendance.get(key, derived.Attendance())
        leads, supports = commitments.get(key, ([], []))
        contact = member.contact if member.contact and member.contact.public else None
        yield ctx.page(
            record_src("members", key),
            "member.html.j2",
            member.name,
            source=member.path,
            search=(SearchEntry.of(member.name, _search_text(ctx, member)),),
            member=member,
            # Contact details leave the records only when the member agreed (contact.public).
            contact=contact,
            current=seat_on(member, ctx.today),
            seats=sorted(member.seats, key=lambda s: s.start, reverse=True),
            substitutes=substitutes.get(key, []),
            present=attended.present,
            apologies=attended.apologies,
            # A member at every meeting for decades would list thousands: the page shows
            # the latest and the counts by year; the attendance data has every one.
            present_shown=attended.present[:LATEST_MEETINGS],
            apologies_shown=attended.apologies[:LATEST_MEETINGS],
            attendance_years=_by_year(attended, year_of),
            leads=leads,
            supports=supports,
            body=ctx.body(member.body, levels=0),
        )


def _by_year(
    attended: derived.Attendance, year_of: dict[str, int]
) -> list[tuple[int, tuple[int, int]]]:
    """(year, (present, apologies)), latest year first; `year_of` each meeting's year by its
    id, looked up in C: a member at every meeting of a large forum counts thousands."""
    present = Counter(map(year_of.__getitem__, map(_STEM, attended.present)))
    apologies = Counter(map(year_of.__getitem__, map(_STEM, attended.apologies)))
    years = sorted(set(present) | set(apologies), reverse=True)
    return [(year, (present[year], apologies[year])) for year in years]


def _search_text(ctx: Context, member: Member) -> str:
    organization = Links(ctx.records, HOME).member_name(member.organization)
    parts = [
        labels._("Member"),
        organization,
        labels.say("%(sector)s sector", sector=labels.label(member.sector))
        if member.sector
        else "",
    ]
    return " · ".join(part for part in parts if part)


def _substitutes(ctx: Context) -> dict[str, list[Sitting]]:
    """For each member, the seats held as its substitute, by the substitutes' names: made
    once for all member pages (asked page by page, it went over every member's seats)."""
    found: dict[str, list[Sitting]] = defaultdict(list)
    for member in sorted(ctx.records.members.values(), key=lambda m: m.name.casefold()):
        for seat in member.seats:
            if seat.substitute_for:
                found[seat.substitute_for].append(Sitting(member, seat))
    return found


def members_index(ctx: Context) -> GeneratedPage:
    sitting = derived.sitting(ctx.records, ctx.today)
    current = {m.stem for m, _ in sitting}
    by_sector = {
        sector: [Sitting(m, s) for m, s in sitting if m.sector == sector]
        for sector in derived.SECTORS
    }
    roles = [r for r in ROLES if any(s.role == r for _, s in sitting)]
    counts = Counter((m.sector, s.role) for m, s in sitting)
    others = [m for k, m in ctx.records.members.items() if k not in current]
    past = sorted(
        (m for m in others if m.seats and all(s.start <= ctx.today for s in m.seats)),
        key=lambda m: (_last_day(m), m.name.casefold()),
        reverse=True,
    )
    gone = {m.stem for m in past}
    coming = sorted((m for m in others if m.stem not in gone), key=lambda m: m.name.casefold())
    return ctx.page(
        section_src("members"),
        "members_index.html.j2",
        labels._("Members"),
        by_sector={k: v for k, v in by_sector.items() if v},
        roles=roles,
        counts=counts,
        role_totals=Counter(s.role for _, s in sitting),
        voting_by_sector=Counter(m.sector for m, s in sitting if s.votes),
        sitting=sitting,
        voting=sum(s.votes for _, s in sitting),
        past=[(m, max(m.seats, key=lambda s: s.start)) for m in past],
        coming=coming,
    )


def _last_day(member: Member) -> str:
    ends = [s.end.isoformat() for s in member.seats if s.end]
    return max(ends) if ends else ""


# What the site's generator asks of a kind (kinds/kind.py).
record_pages = member_pages
section_page = members_index
