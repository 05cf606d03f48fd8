"""The model of forum.md: the Forum, its establishment, rules, resources and bodies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ...records.fields import DecisionRule, MemberRef, Record, WebAddress
from ...records.schema import Located

Instrument = Literal["executive_decree", "law", "formal_agreement", "informal_agreement"]


Mandate = Literal["decision_making", "consultative", "mixed"]


BodyKind = Literal["plenary", "working_group", "committee", "panel"]


@dataclass(kw_only=True, slots=True)
class Establishment(Located):
    date: date
    instrument: Instrument | None = None
    reference: str | None = None
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class Rules(Located):
    decision_rule: DecisionRule = "consensus"
    qualified_threshold: Fraction | None = None
    quorum: Fraction | None = None
    notice_days: int | None = None
    minutes_due_days: int | None = None
    max_meeting_gap_months: int | None = None
    assessment_every_months: int | None = None
    parity: bool = False


@dataclass(kw_only=True, slots=True)
class Resource(Located):
    year: int
    source: str
    amount: Decimal
    currency: str
    purpose: str | None = None


@dataclass(kw_only=True, slots=True)
class Body(Located):
    """One of the Forum's bodies; quorum and cadence apply to plenary ones unless `rules`."""

    id: str
    name: str
    kind: BodyKind
    rules: Rules | None = None


@dataclass(kw_only=True, slots=True)
class Forum(Record):
    name: str
    country: str
    timezone: str
    languages: list[str] = field(default_factory=lambda: ["en"])
    # One sentence about the Forum: the site's description (search engines, link previews).
    description: str | None = None
    established: Establishment | None = None
    mandate: Mandate | None = None
    rules: Rules = field(default_factory=Rules)
    secretariat: list[MemberRef] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    ended: date | None = None  # the Forum was wound up: nothing is counted after it
    bodies: list[Body] = field(default_factory=list)
