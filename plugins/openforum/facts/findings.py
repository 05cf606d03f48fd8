"""A finding: a fact about the Forum's conduct, with the records that are its evidence.

Findings are not record errors: they never stop a build. Each has a stable `code` so that a
CI job can choose which ones fail it (`openforum check --fail-on quorum-missed`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["concern", "note"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A record that shows the finding: its kind folder, id, and an anchor on its page."""

    kind: str
    id: str
    anchor: str = ""

    @property
    def url(self) -> str:
        """Site-relative URL, the same scheme as the record pages (`/<kind>/<id>/`)."""
        page = f"{self.kind}/{self.id}/" if self.id else f"{self.kind}/"
        return page + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    level: Level
    subject: Evidence
    message: str
    evidence: tuple[Evidence, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "level": self.level,
            "subject": {"kind": self.subject.kind, "id": self.subject.id},
            "message": self.message,
            "evidence": [e.url for e in (self.subject, *self.evidence)],
        }


CODES: dict[str, str] = {
    "quorum-missed": "a held meeting had fewer voting members present than its quorum",
    "decision-without-quorum": "a decision was adopted or rejected at a meeting without quorum",
    "result-disagrees": "a decision's recorded result is not what its rule gives from the votes",
    "votes-missing": "a decision by vote has no recorded votes",
    "late-notice": "a meeting was announced later than the notice period asks",
    "notice-unrecorded": "a held meeting has no announcement date",
    "late-minutes": "minutes were published later than the rules allow",
    "minutes-overdue": "minutes are due and not published",
    "minutes-draft": "minutes are still in draft",
    "meeting-gap": "the Forum went longer between plenary meetings than its rules allow",
    "assessment-gap": "a self-assessment came later than the cadence asks",
    "parity-broken": "government and non-government voting seats were not balanced",
    "no-successor": "a term ends with no successor named",
    "milestone-overdue": "a milestone is past its due date and not complete",
    "progress-stale": "a commitment has no progress entry for six months during implementation",
    "timeline-late": "a consultation's timeline was published late or not at all",
    "channels-lacking": "a consultation lacked an online or an in-person channel",
    "submission-unanswered": "a submission has no reasoned response yet",
    "summary-missing": "a consultation's summary is not published",
}
