"""The model of consultations/<id>.md and consultations/<id>/<sid>.md: a public consultation and
its written submissions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ...records.fields import Channel, CommitmentRef, PlanRef, Record, Sector
from ...records.schema import INTERNAL, Located


@dataclass(kw_only=True, slots=True)
class ConsultationEvent(Located):
    date: date
    place: str | None = None
    kind: str | None = None
    participants: int | None = None


@dataclass(kw_only=True, slots=True)
class Consultation(Record):
    title: str
    opens: date
    closes: date
    plan: PlanRef | None = None
    timeline_published: date | None = None
    channels: list[Channel] = field(default_factory=list)
    events: list[ConsultationEvent] = field(default_factory=list)
    awareness: list[str] = field(default_factory=list)
    summary_published: date | None = None


Outcome = Literal["adopted", "partly_adopted", "not_adopted", "out_of_scope", "pending"]


@dataclass(kw_only=True, slots=True)
class Author(Located):
    name: str | None = None
    organization: str | None = None
    sector: Sector | None = None
    publish_name: bool = False


@dataclass(kw_only=True, slots=True)
class Response(Located):
    outcome: Outcome
    reason: str | None = None
    commitments: list[CommitmentRef] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Submission(Record):
    submitted: date
    channel: Channel | None = None
    author: Author | None = None
    response: Response | None = None
    consultation: str = field(default="", metadata=INTERNAL)

    @property
    def key(self) -> str:
        return f"{self.consultation}/{self.stem}"
