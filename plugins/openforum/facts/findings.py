"""A finding: a fact about the Forum's conduct, with the records that are its evidence.

Findings are not record errors: they never stop a build. Each has a stable `code` so that a
CI job can choose which ones fail it (`openforum check --fail-on quorum-missed`). A finding
holds no sentence: `says` names what it says and `values` its figures; the words, in each
language, are `openforum.i18n.findings`'.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    says: str  # what it says, a key of i18n.findings.SAYS ("plenary-gap")
    values: Mapping[str, object] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = field(default=())


# Every finding code, in the order the Accountability page groups them.
CODES: tuple[str, ...] = (
    "quorum-missed",
    "decision-without-quorum",
    "result-disagrees",
    "votes-missing",
    "late-notice",
    "notice-unrecorded",
    "late-minutes",
    "minutes-overdue",
    "minutes-draft",
    "meeting-gap",
    "assessment-gap",
    "parity-broken",
    "no-successor",
    "milestone-overdue",
    "progress-stale",
    "timeline-late",
    "channels-lacking",
    "submission-unanswered",
    "summary-missing",
)
