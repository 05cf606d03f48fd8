"""The model of meetings/<id>.md: notice, agenda, attendance, decisions and minutes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from ...records.fields import (
    CommitmentRef,
    DecisionRule,
    Document,
    MeetingRef,
    MemberRef,
    Record,
    WebAddress,
)
from ...records.schema import Located, key

MeetingKind = Literal["plenary", "working_group", "extraordinary", "public_session"]


MeetingStatus = Literal["scheduled", "held", "cancelled", "postponed"]


DecisionResult = Literal["adopted", "rejected", "deferred", "withdrawn"]


MinutesStatus = Literal["draft", "approved"]


@dataclass(kw_only=True, slots=True)
class Location(Located):
    name: str | None = None
    address: str | None = None
    online: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class AgendaItem(Located):
    title: str
    commitments: list[CommitmentRef] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Attendance(Located):
    present: list[MemberRef] = field(default_factory=list)
    apologies: list[MemberRef] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Votes(Located):
    in_favour: int = field(metadata=key("for"))
    against: int
    abstain: int = 0


@dataclass(kw_only=True, slots=True)
class Decision(Located):
    id: str
    text: str
    result: DecisionResult
    rule: DecisionRule | None = None  # None: the Forum's rule
    votes: Votes | None = None
    commitments: list[CommitmentRef] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Minutes(Located):
    status: MinutesStatus
    published: date | None = None
    approved_in: MeetingRef | None = None


@dataclass(kw_only=True, slots=True)
class Meeting(Record):
    title: str
    kind: MeetingKind
    status: MeetingStatus
    start: datetime
    end: datetime | None = None
    location: Location | None = None
    announced: date | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    attendance: Attendance | None = None
    decisions: list[Decision] = field(default_factory=list)
    minutes: Minutes | None = None
    documents: list[Document] = field(default_factory=list)
    # `body:` names one of forum.md's `bodies`; the record's Markdown text is `Record.body`.
    body_id: str | None = field(default=None, metadata=key("body"))
