"""Verdicts: one requirement judged from the records, as a code, its figures and evidence.

Four verdicts (records.md, "Verdicts"): `met`, `not_met`, `not_verifiable` (the records
lack what is needed to tell: a date, the attendance, a status) and `not_applicable`.
Missing evidence is never `met`. Judgements carry codes and figures only; the words a
reader sees are `openforum.verdict_words`'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .findings import Evidence, Finding

Verdict = Literal["met", "not_met", "not_verifiable", "not_applicable"]
VERDICTS: tuple[Verdict, ...] = ("met", "not_met", "not_verifiable", "not_applicable")
Part = Literal["ogp", "rules"]


@dataclass(frozen=True, slots=True)
class Shortfall:
    """One reason a requirement is not met (`not_met`) or cannot be told (`not_verifiable`).

    `field` names what to fill in the subject's record file when the verdict waits on it
    ("timeline_published", "attendance.present"). `finding` is set when the shortfall is a
    finding of the Forum's conduct, whose message then says it.
    """

    code: str
    verdict: Verdict
    subject: Evidence
    values: Mapping[str, object] = field(default_factory=dict)
    field: str = ""
    finding: Finding | None = None

    @classmethod
    def of(cls, finding: Finding, verdict: Verdict = "not_met", fill: str = "") -> Shortfall:
        return cls(finding.code, verdict, finding.subject, {}, fill, finding)


@dataclass(frozen=True, slots=True)
class Judgement:
    """A requirement's verdict. `code` is stable: the requirement's own code, and for a
    requirement judged per action plan, `:` and the plan's id (`ogp-3.1:nap5`)."""

    requirement: str  # "ogp-1.1", "rules-quorum"
    part: Part
    verdict: Verdict
    figures: Mapping[str, object]
    evidence: tuple[Evidence, ...]
    shortfalls: tuple[Shortfall, ...] = ()
    plan: str | None = None
    why: str = ""  # for a verdict without shortfalls: a code saying why ("no-rule", ...)

    @property
    def code(self) -> str:
        return f"{self.requirement}:{self.plan}" if self.plan else self.requirement

    @property
    def fields_to_fill(self) -> tuple[Shortfall, ...]:
        return tuple(s for s in self.shortfalls if s.verdict == "not_verifiable" and s.field)


def worst(shortfalls: Iterable[Shortfall]) -> Verdict:
    """`not_met` when any shortfall is, else `not_verifiable` when any is, else `met`."""
    verdicts = {s.verdict for s in shortfalls}
    if "not_met" in verdicts:
        return "not_met"
    return "not_verifiable" if "not_verifiable" in verdicts else "met"


def judged(
    requirement: str,
    part: Part,
    shortfalls: Iterable[Shortfall],
    figures: Mapping[str, object],
    evidence: Iterable[Evidence],
    plan: str | None = None,
) -> Judgement:
    """A judgement whose verdict is the worst of its shortfalls (`met` with none).

    Every shortfall is kept, those not met first: a requirement not met may also name the
    fields whose filling would tell the rest.
    """
    found = sorted(shortfalls, key=lambda s: s.verdict != "not_met")
    verdict = worst(found)
    return Judgement(
        requirement, part, verdict, dict(figures), _unique(evidence), tuple(found), plan
    )


def not_applicable(
    requirement: str,
    part: Part,
    why: str,
    figures: Mapping[str, object] | None = None,
    evidence: Iterable[Evidence] = (),
    plan: str | None = None,
) -> Judgement:
    return Judgement(
        requirement, part, "not_applicable", dict(figures or {}), _unique(evidence), (), plan, why
    )


MOST_LISTED = 40


def listed(kind: str, ids: Iterable[str]) -> list[Evidence]:
    """Records as evidence, each by its id; beyond `MOST_LISTED`, the list page of their
    kind instead, so that a Forum of a thousand meetings gets a readable verdict."""
    found = list(dict.fromkeys(ids))
    if len(found) > MOST_LISTED:
        return [Evidence(kind, "")]
    return [Evidence(kind, record_id) for record_id in found]


def _unique(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))
