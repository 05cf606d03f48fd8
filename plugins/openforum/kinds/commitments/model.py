"""The model of commitments/<id>.md: milestones, progress timeline and IRM assessment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ...records.fields import Institution, MilestoneStatus, PlanRef, Record, WebAddress
from ...records.partial_dates import DueDate, PartialDate
from ...records.schema import Located

CommitmentStatus = Literal[
    "not_started", "limited", "substantial", "complete", "withdrawn", "not_reported"
]


OgpValue = Literal[
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_and_innovation",
]


@dataclass(kw_only=True, slots=True)
class Indicator(Located):
    """A measure reported under a milestone; shown and exported, not counted in progress."""

    title: str
    due: DueDate | None = None
    status: MilestoneStatus | None = None
    note: str | None = None


@dataclass(kw_only=True, slots=True)
class Milestone(Located):
    id: str
    title: str
    status: MilestoneStatus
    due: DueDate | None = None  # a day, month or year, or ongoing
    done: PartialDate | None = None
    indicators: list[Indicator] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class ProgressEntry(Located):
    date: date
    status: CommitmentStatus
    note: str | None = None
    evidence: list[WebAddress] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class IrmAssessment(Located):
    specificity: Literal["none", "low", "medium", "high"] | None = None
    potential_impact: Literal["none", "minor", "moderate", "transformative"] | None = None
    potential: Literal["unclear", "modest", "substantial"] | None = None
    completion: (
        Literal["no_evidence", "not_started", "limited", "substantial", "complete"] | None
    ) = None
    early_results: (
        Literal["worsened", "did_not_change", "marginal", "major", "outstanding"] | None
    ) = None
    starred: bool | None = None


@dataclass(kw_only=True, slots=True)
class CommitmentPeriod(Located):
    """A commitment's period: each end a day, a month or a year."""

    start: PartialDate
    end: PartialDate


@dataclass(kw_only=True, slots=True)
class Commitment(Record):
    title: str
    plan: PlanRef
    status: CommitmentStatus
    ogp_id: str | None = None
    theme: str | None = None
    lead: Institution | None = None
    supporting: list[Institution] = field(default_factory=list)
    period: CommitmentPeriod | None = None
    ogp_values: list[OgpValue] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    progress: list[ProgressEntry] = field(default_factory=list)
    irm: IrmAssessment | None = None
