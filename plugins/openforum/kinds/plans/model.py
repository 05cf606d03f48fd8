"""The model of plans/<id>.md: a National Action Plan and its phases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ...records.fields import ConsultationRef, Period, Phase, Record, WebAddress
from ...records.schema import Located

PlanStatus = Literal["development", "implementation", "assessment", "closed"]


@dataclass(kw_only=True, slots=True)
class PlanPhase(Located):
    phase: Phase
    start: date
    end: date | None = None


@dataclass(kw_only=True, slots=True)
class Plan(Record):
    title: str
    period: Period
    status: PlanStatus
    number: int | None = None
    phases: list[PlanPhase] = field(default_factory=list)
    consultation: ConsultationRef | None = None
    url: WebAddress | None = None
