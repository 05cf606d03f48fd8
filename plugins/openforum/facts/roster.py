"""Who holds a voting seat on a date, and who counts as present at a meeting.

The counting rules are the contract's: seats with `voting` (by default chair, co_chair and
member) whose term covers the date; a substitute present counts in the place of the member
it stands in for, only when that member is absent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..records import ForumRecords
from ..records.model import Meeting, Member, Seat


@dataclass(frozen=True, slots=True)
class Holder:
    member: Member
    seat: Seat


def seat_on(member: Member, day: date) -> Seat | None:
    return next((seat for seat in member.seats if seat.covers(day)), None)


def voting_roster(records: ForumRecords, day: date) -> list[Holder]:
    """Members holding a voting seat on `day`, in id order."""
    holders = []
    for member in records.members.values():
        seat = seat_on(member, day)
        if seat is not None and seat.votes:
            holders.append(Holder(member, seat))
    return holders


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


def count_present(meeting: Meeting, records: ForumRecords) -> PresentCount:
    day = meeting.start.date()
    voters = {holder.member.stem for holder in voting_roster(records, day)}
    present = list(dict.fromkeys(meeting.attendance.present if meeting.attendance else []))
    counted = tuple(member for member in present if member in voters)
    stood_in: list[tuple[str, str]] = []
    ignored: list[str] = []
    for member_id in present:
        member = records.members.get(member_id)
        seat = seat_on(member, day) if member else None
        if seat is None or seat.role != "substitute" or not seat.substitute_for:
            continue
        principal = seat.substitute_for
        already = principal in counted or any(p == principal for _, p in stood_in)
        if principal in voters and not already:
            stood_in.append((member_id, principal))
        else:
            ignored.append(member_id)
    return PresentCount(len(voters), counted, tuple(stood_in), tuple(ignored))
