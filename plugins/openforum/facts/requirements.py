"""Every requirement's verdict: the OGP's minimum requirements first (`standards`), then the
Forum's own rules and the OGP handbook's good practice, judged from the findings.

The second part is not OGP compliance: it grades the Forum against the rules it set
itself (`forum.md`'s `rules`) and against what the multistakeholder-forum handbook
recommends. A rule the Forum did not set is `not_applicable`; what the records lack to
tell (a notice date, the attendance, a publication date) is `not_verifiable`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..records import ForumRecords
from ..records.model import Assessment
from .findings import Evidence, Finding
from .standards import ogp_judgements
from .verdicts import Judgement, Shortfall, judged, not_applicable

FORUM = Evidence("forum", "")


def requirements(
    records: ForumRecords, findings: list[Finding], held_meetings: list[str], today: date
) -> list[Judgement]:
    return [*ogp_judgements(records, today), *forum_rules(records, findings, held_meetings)]


def _of(findings: Iterable[Finding], *codes: str) -> list[Finding]:
    return [f for f in findings if f.code in codes]


def forum_rules(
    records: ForumRecords, findings: list[Finding], held_meetings: list[str]
) -> list[Judgement]:
    forum = records.forum
    if forum is None:
        return []
    rules = forum.rules
    held = [records.meetings[m] for m in held_meetings]
    meetings = tuple(Evidence("meetings", m) for m in held_meetings)

    def judge(
        code: str,
        rule: object,
        shortfalls: list[Shortfall],
        figures: dict[str, object],
        evidence: tuple[Evidence, ...],
        applies: bool = True,
    ) -> Judgement:
        if rule is None or rule is False:
            return not_applicable(code, "rules", "no-rule", figures, evidence)
        if not applies:
            return not_applicable(code, "rules", "nothing-to-judge", figures, evidence)
        return judged(code, "rules", shortfalls, figures, evidence)

    established = []
    if forum.established is None:
        established.append(
            Shortfall("establishment-unrecorded", "not_verifiable", FORUM, {}, "established")
        )
    if not forum.body.strip():
        established.append(Shortfall("terms-unpublished", "not_verifiable", FORUM, {}, "body"))
    plenaries = [m for m in held if m.kind == "plenary"]
    gaps = _of(findings, "meeting-gap")
    no_plenary = (
        [] if plenaries else [Shortfall("no-plenary", "not_verifiable", Evidence("meetings", ""))]
    )
    late = _of(findings, "late-notice")
    unrecorded = _of(findings, "notice-unrecorded")
    inquorate = _of(findings, "quorum-missed", "decision-without-quorum")
    # Quorum is about deciding: meetings of the whole Forum, and any meeting that decided.
    deciding = [m for m in held if m.kind in ("plenary", "extraordinary") or m.decisions]
    no_attendance = [m for m in deciding if m.attendance is None or not m.attendance.present]
    decisions = [d for m in records.meetings.values() for d in m.decisions]
    overdue = _of(findings, "minutes-overdue")
    forum_assessments = [a for a in records.assessments.values() if a.subject == "forum"]
    undated = [a for a in forum_assessments if a.published is None]
    assessment_gaps = _of(findings, "assessment-gap")
    voting = [m for m in records.members.values() if any(s.votes for s in m.seats)]
    consultations = tuple(Evidence("consultations", c) for c in sorted(records.consultations))
    return [
        judged(
            "practice-established",
            "rules",
            established,
            {"established": forum.established.date if forum.established else None},
            (FORUM,),
        ),
        judge(
            "rules-cadence",
            rules.max_meeting_gap_months,
            [Shortfall.of(f) for f in gaps] + no_plenary,
            {
                "plenaries": len(plenaries),
                "gaps": len(gaps),
                "months": rules.max_meeting_gap_months,
            },
            tuple(Evidence("meetings", m.stem) for m in plenaries),
        ),
        judge(
            "rules-notice",
            rules.notice_days,
            [Shortfall.of(f) for f in late]
            + [Shortfall.of(f, "not_verifiable", "announced") for f in unrecorded],
            {
                "held": len(held),
                "late": len(late),
                "unrecorded": len(unrecorded),
                "days": rules.notice_days,
            },
            meetings,
            bool(held),
        ),
        judge(
            "rules-quorum",
            rules.quorum,
            [Shortfall.of(f) for f in inquorate]
            + [
                Shortfall(
                    "attendance-unrecorded",
                    "not_verifiable",
                    Evidence("meetings", m.stem),
                    {},
                    "attendance.present",
                )
                for m in no_attendance
            ],
            {
                "held": len(held),
                "inquorate": len(_of(findings, "quorum-missed")),
                "unrecorded": len(no_attendance),
            },
            meetings,
            bool(held),
        ),
        judge(
            "rules-decisions",
            rules.decision_rule,
            [Shortfall.of(f) for f in _of(findings, "result-disagrees")]
            + [Shortfall.of(f, "not_verifiable", "votes") for f in _of(findings, "votes-missing")],
            {"decisions": len(decisions), "disagree": len(_of(findings, "result-disagrees"))},
            meetings,
            bool(decisions),
        ),
        judge(
            "rules-minutes",
            rules.minutes_due_days,
            [Shortfall.of(f) for f in _of(findings, "late-minutes")]
            + [_minutes_overdue(f, records) for f in overdue],
            {
                "held": len(held),
                "late": len(_of(findings, "late-minutes")) + len(overdue),
                "days": rules.minutes_due_days,
            },
            meetings,
            bool(held),
        ),
        judge(
            "rules-parity",
            rules.parity or None,
            [Shortfall.of(f) for f in _of(findings, "parity-broken")],
            {"members": len(records.members), "unbalanced": len(_of(findings, "parity-broken"))},
            (Evidence("members", ""),),
            bool(voting),
        ),
        judge(
            "rules-self-assessment",
            rules.assessment_every_months,
            [
                Shortfall.of(
                    f, "not_verifiable" if undated else "not_met", "published" if undated else ""
                )
                for f in assessment_gaps
            ]
            + _never_assessed(forum_assessments, forum.established is None),
            {"assessments": len(forum_assessments), "months": rules.assessment_every_months},
            tuple(Evidence("assessments", a.stem) for a in forum_assessments) or (FORUM,),
        ),
        judge(
            "practice-channels",
            True,
            [Shortfall.of(f) for f in _of(findings, "channels-lacking")],
            {"consultations": len(consultations)},
            consultations,
            bool(consultations),
        ),
    ]


def _minutes_overdue(finding: Finding, records: ForumRecords) -> Shortfall:
    """Minutes past due with no publication date: not published, unless the record holds
    them (approved, or their text as the body), in which case only the date is missing."""
    meeting = records.meetings.get(finding.subject.id)
    written = meeting is not None and (
        (meeting.minutes is not None and meeting.minutes.status == "approved")
        or bool(meeting.body.strip())
    )
    return (
        Shortfall.of(finding, "not_verifiable", "minutes.published")
        if written
        else Shortfall.of(finding)
    )


def _never_assessed(assessments: list[Assessment], no_start: bool) -> list[Shortfall]:
    """With no establishment date, the cadence has no start: no published assessment at
    all cannot be told late or on time."""
    published = [a for a in assessments if a.published]
    if published or not no_start:
        return []
    return [
        Shortfall(
            "assessment-unrecorded", "not_verifiable", Evidence("assessments", ""), {}, "published"
        )
    ]
