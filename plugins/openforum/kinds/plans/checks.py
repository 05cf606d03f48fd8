"""The checks of a plan: its period and phases, and the consultation it names."""

from __future__ import annotations

from ...kinds import ForumRecords
from ...records.coherence import after, check_period
from ...records.problems import Problems
from .model import Plan


def check(records: ForumRecords, problems: Problems) -> None:
    for plan in records.plans.values():
        _check_plan(plan, records, problems)


def _check_plan(plan: Plan, records: ForumRecords, problems: Problems) -> None:
    check_period(plan.path, plan.period, problems)
    for phase in plan.phases:
        if after(phase.start, phase.end):
            problems.add(
                plan.path,
                phase.at("end"),
                f"the {phase.phase} phase ends ({phase.end}) before it starts ({phase.start})",
            )
    consultation = records.consultations.get(plan.consultation or "")
    if consultation and consultation.plan in records.plans and consultation.plan != plan.stem:
        problems.add(
            plan.path,
            plan.at("consultation"),
            f"consultation '{consultation.stem}' belongs to plan '{consultation.plan}', not "
            f"to '{plan.stem}'",
        )
