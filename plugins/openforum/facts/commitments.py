"""Commitment facts: progress as milestones complete, overdue milestones, stale timelines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import ForumRecords
from ..records.model import Commitment, Milestone
from .calendar import add_months
from .findings import Evidence, Finding

STALE_MONTHS = 6
# Not overdue: finished, or with no status reported (its state is unknown, not late).
CLOSED_MILESTONE = frozenset({"complete", "cancelled", "not_reported"})


@dataclass(frozen=True, slots=True)
class CommitmentFacts:
    commitment: Commitment
    done: int
    total: int  # milestones that count: cancelled ones do not
    overdue: tuple[Milestone, ...]
    last_update: date | None

    @property
    def progress(self) -> float | None:
        """Share of milestones complete, 0..1; None without milestones."""
        return self.done / self.total if self.total else None


def is_overdue(milestone: Milestone, today: date) -> bool:
    return (
        milestone.due is not None
        and milestone.due < today
        and milestone.status not in CLOSED_MILESTONE
    )


def commitment_facts(
    commitment: Commitment, records: ForumRecords, today: date
) -> tuple[CommitmentFacts, list[Finding]]:
    counted = [m for m in commitment.milestones if m.status != "cancelled"]
    done = sum(1 for m in counted if m.status == "complete")
    overdue = tuple(m for m in counted if is_overdue(m, today))
    dates = [entry.date for entry in commitment.progress if entry.date]
    last = max(dates) if dates else None
    facts = CommitmentFacts(commitment, done, len(counted), overdue, last)

    subject = Evidence("commitments", commitment.stem)
    plan = records.plans.get(commitment.plan or "")
    open_plan = plan is None or plan.status != "closed"  # a closed plan's gaps are history
    findings = [
        Finding(
            "milestone-overdue",
            "concern",
            Evidence("commitments", commitment.stem, f"milestone-{milestone.id}"),
            "milestone-overdue",
            {
                "commitment": commitment.stem,
                "milestone": milestone.id,
                "due": milestone.due,
                "status": milestone.status,
            },
        )
        for milestone in overdue
        if open_plan
    ]
    finished = commitment.status in ("complete", "withdrawn")
    if plan and plan.status == "implementation" and not finished:
        since = last or (plan.period.start if plan.period else None)
        if since and today > add_months(since, STALE_MONTHS):
            findings.append(
                Finding(
                    "progress-stale",
                    "note",
                    subject,
                    "progress-stale",
                    {"commitment": commitment.stem, "since": since, "days": (today - since).days},
                )
            )
    return facts, findings
