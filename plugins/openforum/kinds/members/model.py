"""The model of members/<id>.md: a person or organisation and the seats it held."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ...records.fields import Institution, MemberRef, Record, Sector
from ...records.schema import Located, key

MemberKind = Literal["person", "organization"]


SeatRole = Literal["chair", "co_chair", "member", "substitute", "observer", "secretariat"]


VOTING_ROLES = frozenset({"chair", "co_chair", "member"})


@dataclass(kw_only=True, slots=True)
class Seat(Located):
    role: SeatRole
    start: date = field(metadata=key("from"))
    end: date | None = field(default=None, metadata=key("to"))
    voting: bool | None = None  # None: by role (chair, co_chair and member vote)
    substitute_for: MemberRef | None = None

    @property
    def votes(self) -> bool:
        return self.voting if self.voting is not None else self.role in VOTING_ROLES

    def covers(self, day: date) -> bool:
        return (
            self.start is not None and self.start <= day and (self.end is None or day <= self.end)
        )


@dataclass(kw_only=True, slots=True)
class Contact(Located):
    email: str | None = None
    phone: str | None = None
    public: bool = False


@dataclass(kw_only=True, slots=True)
class Member(Record):
    name: str
    kind: MemberKind
    sector: Sector
    organization: Institution | None = None
    seats: list[Seat] = field(default_factory=list)
    contact: Contact | None = None
