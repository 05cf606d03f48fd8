"""Who holds a voting seat on a date, and who counts as present at a meeting.

The counting rules are the contract's: seats with `voting` (by default chair, co_chair and
member) whose term covers the date; a substitute present counts in the place of the member
it stands in for, only when that member is absent.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import ForumRecords
from ..records.model import Meeting, Member, Seat


@dataclass(frozen=True, slots=True)
class Holder:
    member: Member
    seat: Seat


def seat_on(member: Member, day: date) -> Seat | None:
    for seat in member.seats:  # a loop, not next(generator): asked per attendee per meeting
        if seat.covers(day):
            return seat
    return None


def voting_roster(records: ForumRecords, day: date) -> list[Holder]:
    """Members holding a voting seat on `day`, in id order."""
    holders = []
    for member in records.members.values():
        seat = seat_on(member, day)
        if seat is not None and seat.votes:
            holders.append(Holder(member, seat))
    return holders


@dataclass(frozen=True, slots=True)
class VotingSeats:
    """How many voting seats are held on a day, by two binary searches instead of a pass
    over every member: a build asks this for every meeting and every change of seats."""

    starts: dict[bool, list[date]]  # by "is government": first days of voting seats
    ends: dict[bool, list[date]]  # last days of the voting seats that have one

    @classmethod
    def of(cls, records: ForumRecords) -> VotingSeats:
        starts: dict[bool, list[date]] = {True: [], False: []}
        ends: dict[bool, list[date]] = {True: [], False: []}
        for member in records.members.values():
            government = member.sector == "government"
            for seat in member.seats:
                if seat.votes and seat.start is not None:
                    starts[government].append(seat.start)
                    if seat.end is not None:
                        ends[government].append(seat.end)
        return cls(
            {k: sorted(v) for k, v in starts.items()}, {k: sorted(v) for k, v in ends.items()}
        )

    def count(self, day: date, government: bool | None = None) -> int:
        """Seats covering `day` (begun on or before it, not ended before it)."""
        groups = (True, False) if government is None else (government,)
        return sum(
            bisect_right(self.starts[group], day) - bisect_left(self.ends[group], day)
            for group in groups
        )


def holds_vote(records: ForumRecords, member_id: str, day: date) -> bool:
    member = records.members.get(member_id)
    seat = seat_on(member, day) if member else None
    return seat is not None and seat.votes


def roster_by_sector(holders: list[Holder]) -> Counter[str]:
    return Counter(holder.member.sector for holder in holders)


@dataclass(frozen=True, slots=True)
class PresentCount:
    """Voting members counted present at a meeting, and who stood in for whom."""

    voting_seats: int
    counted: tuple[str, ...]  # ids of voting members present in person
    stood_in: tuple[tuple[str, str], ...]  # (substitute id, absent member id)
    ignored_substitutes: tuple[str, ...]  # substitutes present beside their member

    @property
    def present(self) -> int:
        return len(self.counted) + len(self.stood_in)


def count_present(
    meeting: Meeting, records: ForumRecords, seats: VotingSeats | None = None
) -> PresentCount:
    day = meeting.start.date()
    voting_seats = (seats or VotingSeats.of(records)).count(day)
    present = list(dict.fromkeys(meeting.attendance.present if meeting.attendance else []))
    members = records.members
    seats_held = {m: seat_on(members[m], day) if m in members else None for m in present}
    counted = tuple(m for m, seat in seats_held.items() if seat is not None and seat.votes)
    stands_in_for = {
        m: seat.substitute_for
        for m, seat in seats_held.items()
        if seat is not None and seat.role == "substitute" and seat.substitute_for
    }
    # Of the members asked about as principals, those who hold a vote on the day.
    voting = {p for p in stands_in_for.values() if holds_vote(records, p, day)}
    return _with_substitutes(voting_seats, counted, tuple(present), stands_in_for, voting)


def present_counts(records: ForumRecords) -> dict[int, int]:
    """`count_present(meeting, records).present` for every meeting with a start and an
    attendance, by `id(meeting)`: counted by set operations (what validate asks)."""
    counts: dict[int, int] = {}
    for meeting, voting, stands_in_for in _days_of_meetings(records):
        assert meeting.attendance is not None
        present = set(meeting.attendance.present)
        principals = {stands_in_for[m] for m in present.intersection(stands_in_for)}
        # A substitute counts for a principal who holds a vote and is not present.
        counts[id(meeting)] = len(present & voting) + len((principals & voting) - present)
    return counts


def presence(records: ForumRecords) -> dict[int, PresentCount]:
    """`count_present(meeting, records)` for every meeting with a start and an attendance,
    by `id(meeting)` (what the pages show)."""
    seats = VotingSeats.of(records)
    found: dict[int, PresentCount] = {}
    for meeting, voting, stands_in_for in _days_of_meetings(records):
        assert meeting.attendance is not None
        present = tuple(dict.fromkeys(meeting.attendance.present))
        # Where every attendee votes (a large forum's usual meeting), no attendee is looked
        # up one by one.
        counted = (
            present if voting.issuperset(present) else tuple(m for m in present if m in voting)
        )
        day = meeting.start.date()
        found[id(meeting)] = _with_substitutes(
            seats.count(day), counted, present, stands_in_for, voting
        )
    return found


def _days_of_meetings(
    records: ForumRecords,
) -> Iterator[tuple[Meeting, set[str], dict[str, str]]]:
    """Each meeting with a start and an attendance, in the order of their days, with the
    members whose seat votes on its day and the substitutes' principals on its day.

    Asking each attendee's seat at each meeting is members x meetings calls (2.4 million
    at 2,000 meetings of 1,200); here a member's seat is asked again only at a meeting
    after one of its seats began or ended. The set and mapping are the same objects from
    meeting to meeting, updated in place.
    """
    members = records.members
    meetings = sorted(
        (m for m in records.meetings.values() if m.start is not None and m.attendance),
        key=lambda m: m.start.date(),
    )
    changes: list[tuple[date, str]] = []  # the first days a member's seat may differ
    for member_id, member in members.items():
        for seat in member.seats:
            if seat.start is not None:
                changes.append((seat.start, member_id))
            if seat.end is not None and seat.end < date.max:
                changes.append((seat.end + timedelta(days=1), member_id))
    changes.sort()
    voting: set[str] = set()  # members whose seat on the day votes
    stands_in_for: dict[str, str] = {}  # members whose seat on the day is a substitute's

    def update(member_id: str, day: date) -> None:
        seat = seat_on(members[member_id], day)
        if seat is not None and seat.votes:
            voting.add(member_id)
        else:
            voting.discard(member_id)
        if seat is not None and seat.role == "substitute" and seat.substitute_for:
            stands_in_for[member_id] = seat.substitute_for
        else:
            stands_in_for.pop(member_id, None)

    at = 0
    for number, meeting in enumerate(meetings):
        day = meeting.start.date()
        if number == 0:
            for member_id in members:
                update(member_id, day)
        while at < len(changes) and changes[at][0] <= day:
            update(changes[at][1], day)
            at += 1
        yield meeting, voting, stands_in_for


def _with_substitutes(
    voting_seats: int,
    counted: tuple[str, ...],
    present: tuple[str, ...],
    stands_in_for: dict[str, str],
    voting: set[str],
) -> PresentCount:
    """The count, with who stood in for whom: a substitute present counts in the place of
    its principal when the principal holds a vote (`voting`, asked of principals only)
    and is neither counted in person nor stood in for already."""
    if stands_in_for.keys().isdisjoint(present):
        return PresentCount(voting_seats, counted, (), ())
    in_person = set(counted)
    stood_in: list[tuple[str, str]] = []
    ignored: list[str] = []
    for member_id in present:
        principal = stands_in_for.get(member_id)
        if principal is None:
            continue
        already = principal in in_person or any(p == principal for _, p in stood_in)
        if principal in voting and not already:
            stood_in.append((member_id, principal))
        else:
            ignored.append(member_id)
    return PresentCount(voting_seats, counted, tuple(stood_in), tuple(ignored))
