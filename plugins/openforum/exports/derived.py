"""Derived facts as JSON data, kept apart from the record's own fields under "derived".

Everything here is computed (by `openforum.facts`, or counted from the records) as of
`today`, which each block states as "as_of": a reader can tell what the Forum wrote from
what the site worked out.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from fractions import Fraction
from typing import Any

from .. import verdict_words as words
from ..facts.commitments import CommitmentFacts
from ..facts.meetings import MeetingFacts
from ..facts.roster import seat_on
from ..i18n.findings import explanation, finding_message
from ..records.model import Consultation, Member, Plan
from .context import ExportContext, share


def percent(done: int, total: int) -> int | None:
    """Whole percent, halves rounded up (not to even: 2.5 reads as 3 on every page)."""
    return math.floor(Fraction(100 * done, total) + Fraction(1, 2)) if total else None


def _findings(ctx: ExportContext, kind: str, record_id: str) -> list[dict[str, str]]:
    return [
        {
            "code": f.code,
            "level": f.level,
            "message": finding_message(f),
            "anchor": f.subject.anchor,
        }
        for f in ctx.facts.findings_about(kind, record_id)
    ]


def meeting(ctx: ExportContext, facts: MeetingFacts) -> dict[str, Any]:
    record = facts.meeting
    attendance = facts.attendance
    quorum = facts.quorum
    return {
        "as_of": ctx.today.isoformat(),
        "attendance": None
        if attendance is None
        else {
            "voting_seats": attendance.voting_seats,
            "present": attendance.present,
            "counted": list(attendance.counted),
            "stood_in": [{"substitute": s, "for": m} for s, m in attendance.stood_in],
        },
        "quorum": None
        if quorum is None
        else {
            "share": share(quorum.share),
            "seats": quorum.seats,
            "needed": quorum.needed,
            "present": quorum.present,
            "met": quorum.met,
        },
        "decisions": [
            {
                "id": check.decision.id,
                "rule": check.rule,
                "computed_result": check.computed,
                "explanation": explanation(check),
                "agrees": None if check.computed is None else not check.disagrees,
            }
            for check in facts.decisions
        ],
        "notice_days": facts.notice_days,
        "minutes_lag_days": facts.minutes_lag,
        "findings": _findings(ctx, "meetings", record.stem),
    }


def commitment(ctx: ExportContext, facts: CommitmentFacts) -> dict[str, Any]:
    record = facts.commitment
    return {
        "as_of": ctx.today.isoformat(),
        "milestones_done": facts.done,
        "milestones_total": facts.total,
        "progress_share": share(Fraction(facts.done, facts.total)) if facts.total else None,
        "progress_percent": percent(facts.done, facts.total),
        "overdue": bool(facts.overdue),
        "overdue_milestones": [m.id for m in facts.overdue],
        "last_update": facts.last_update.isoformat() if facts.last_update else None,
        "findings": _findings(ctx, "commitments", record.stem),
    }


def consultation_state(consultation: Consultation, today: date) -> str:
    if today < consultation.opens:
        return "upcoming"
    return "open" if today <= consultation.closes else "closed"


def consultation(ctx: ExportContext, record: Consultation) -> dict[str, Any]:
    facts = ctx.facts.consultations[record.stem]
    return {
        "as_of": ctx.today.isoformat(),
        "state": consultation_state(record, ctx.today),
        "submissions": len(facts.submissions),
        "answered": facts.answered,
        "outcomes": dict(sorted(facts.outcomes.items())),
        "timeline_notice_days": facts.timeline_notice,
        "findings": _findings(ctx, "consultations", record.stem),
    }


def plan(ctx: ExportContext, record: Plan) -> dict[str, Any]:
    ids = sorted(c.stem for c in ctx.records.commitments.values() if c.plan == record.stem)
    facts = [ctx.facts.commitments[c] for c in ids]
    done, total = sum(f.done for f in facts), sum(f.total for f in facts)
    phase = next(
        (
            p.phase
            for p in reversed(record.phases)
            if p.start <= ctx.today and (p.end is None or ctx.today <= p.end)
        ),
        None,
    )
    return {
        "as_of": ctx.today.isoformat(),
        "current_phase": phase,
        "commitments": ids,
        "commitment_status": dict(sorted(Counter(f.commitment.status for f in facts).items())),
        "milestones_done": done,
        "milestones_total": total,
        "progress_share": share(Fraction(done, total)) if total else None,
        "progress_percent": percent(done, total),
        "overdue_commitments": [f.commitment.stem for f in facts if f.overdue],
    }


def member(ctx: ExportContext, record: Member) -> dict[str, Any]:
    seat = seat_on(record, ctx.today)
    return {
        "as_of": ctx.today.isoformat(),
        "current_seat": None
        if seat is None
        else {"role": seat.role, "voting": seat.votes, "from": seat.start.isoformat()},
        "voting_seats_held": sum(1 for s in record.seats if s.votes),
        "findings": _findings(ctx, "members", record.stem),
    }


def forum(ctx: ExportContext) -> dict[str, Any]:
    facts = ctx.facts
    return {
        "as_of": ctx.today.isoformat(),
        "standards": words.OGP_STANDARDS_URL,
        "requirements": [words.judgement_data(j) for j in facts.requirements],
        "seat_balance": [
            {
                "from": b.start.isoformat(),
                "to": b.end.isoformat() if b.end else None,
                "government": b.government,
                "other": b.other,
                "balanced": b.balanced,
            }
            for b in facts.balance
        ],
        "findings_by_code": dict(sorted(Counter(f.code for f in facts.findings).items())),
    }
