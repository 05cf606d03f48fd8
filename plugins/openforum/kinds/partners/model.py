"""The model of partners/<id>.md: a multilateral partner."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ...records.fields import Phase, Record, WebAddress
from ...records.schema import Located

PartnerKind = Literal["multilateral", "bilateral", "philanthropic", "other"]


@dataclass(kw_only=True, slots=True)
class PointOfContact(Located):
    name: str
    role: str | None = None
    email: str | None = None
    public: bool = False


@dataclass(kw_only=True, slots=True)
class LetterOfIntent(Located):
    sent: date | None = None
    accepted: date | None = None
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class Review(Located):
    date: date
    outcome: str
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class WorkPlan(Located):
    adopted: date | None = None
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class Partner(Record):
    name: str
    kind: PartnerKind
    point_of_contact: PointOfContact | None = None
    letter_of_intent: LetterOfIntent | None = None
    phases: list[Phase] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    work_plan: WorkPlan | None = None
