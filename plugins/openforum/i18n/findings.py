"""The words of the facts: what each finding says, how a decision rule reached its result,
and the quorum, in the build's language. Facts hold codes and figures (facts/findings.py,
facts/meetings.py); this module says them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from .labels import N_, _, label

if TYPE_CHECKING:
    from ..facts.findings import Finding
    from ..facts.meetings import DecisionCheck, Quorum

# What each finding code means, for the headings of the Accountability page.
CODES: dict[str, str] = {
    "quorum-missed": N_("a held meeting had fewer voting members present than its quorum"),
    "decision-without-quorum": N_("a decision was adopted or rejected at a meeting without quorum"),
    "result-disagrees": N_(
        "a decision's recorded result is not what its rule gives from the votes"
    ),
    "votes-missing": N_("a decision by vote has no recorded votes"),
    "late-notice": N_("a meeting was announced later than the notice period asks"),
    "notice-unrecorded": N_("a held meeting has no announcement date"),
    "late-minutes": N_("minutes were published later than the rules allow"),
    "minutes-overdue": N_("minutes are due and not published"),
    "minutes-draft": N_("minutes are still in draft"),
    "meeting-gap": N_("the Forum went longer between plenary meetings than its rules allow"),
    "assessment-gap": N_("a self-assessment came later than the cadence asks"),
    "parity-broken": N_("government and non-government voting seats were not balanced"),
    "no-successor": N_("a term ends with no successor named"),
    "milestone-overdue": N_("a milestone is past its due date and not complete"),
    "progress-stale": N_("a commitment has no progress entry for six months during implementation"),
    "timeline-late": N_("a consultation's timeline was published late or not at all"),
    "channels-lacking": N_("a consultation lacked an online or an in-person channel"),
    "submission-unanswered": N_("a submission has no reasoned response yet"),
    "summary-missing": N_("a consultation's summary is not published"),
}

# What a finding says (`Finding.says`), its figures (`Finding.values`) filled in.
SAYS: dict[str, str] = {
    "quorum": N_(
        "Quorum not met: %(present)s of %(seats)s voting members present (%(needed)s needed)"
    ),
    "result-disagrees": N_(
        "Decision %(decision)s is recorded as %(result)s, but %(how)s gives %(computed)s"
    ),
    "votes-missing": N_("Decision %(decision)s: %(how)s"),
    "decision-without-quorum": N_(
        "Decision %(decision)s was %(result)s at a meeting without quorum "
        "(%(present)s of %(needed)s needed)"
    ),
    "late-notice": N_("Announced %(days)s days before the meeting; the rules ask for %(needed)s"),
    "notice-unrecorded": N_("No announcement date recorded"),
    "late-minutes": N_(
        "Minutes published %(days)s days after the meeting; the rules allow %(due)s"
    ),
    "minutes-overdue": N_(
        "Minutes not published %(days)s days after the meeting; the rules allow %(due)s"
    ),
    "minutes-draft": N_("Minutes are still in draft"),
    "plenary-gap": N_(
        "%(days)s days without a plenary (%(from)s to %(to)s); the rules ask for one at "
        "least every %(months)s months"
    ),
    "no-plenary-since": N_(
        "No plenary since %(since)s (%(days)s days to %(today)s); the rules ask for one at "
        "least every %(months)s months"
    ),
    "no-meeting-since": N_(
        "No meeting since %(since)s (%(days)s days to %(today)s); the rules ask for one at "
        "least every %(months)s months"
    ),
    "assessment-gap": N_(
        "%(days)s days from %(since)s to the self-assessment of %(until)s; the rules ask for "
        "a self-assessment every %(months)s months"
    ),
    "assessment-gap-today": N_(
        "%(days)s days from %(since)s to today (%(until)s); the rules ask for a "
        "self-assessment every %(months)s months"
    ),
    "parity-broken": N_(
        "From %(from)s to %(to)s: %(government)s government and %(other)s non-government "
        "voting seats"
    ),
    "parity-broken-open": N_(
        "From %(from)s to this day: %(government)s government and %(other)s non-government "
        "voting seats"
    ),
    "no-successor": N_(
        "%(name)s's %(role)s seat ends on %(end)s and no %(sector)s seat starts within "
        "%(days)s days"
    ),
    "milestone-overdue": N_(
        "%(commitment)s milestone %(milestone)s was due on %(due)s and is %(status)s"
    ),
    "progress-stale": N_(
        "No progress entry for %(commitment)s since %(since)s (%(days)s days) while its plan "
        "is in implementation"
    ),
    "timeline-unpublished": N_("No published timeline is recorded"),
    "timeline-late": N_(
        "Timeline published %(days)s days before opening; the OGP standards ask for at least "
        "%(needed)s"
    ),
    "no-online-channel": N_("No online channel"),
    "no-in-person-channel": N_("No in-person channel"),
    "no-online-and-in-person-channel": N_("No online and in-person channel"),
    "submission-unanswered": N_(
        "Submission %(submission)s to %(consultation)s has no reasoned response yet"
    ),
    "summary-missing": N_("No summary of the input published"),
}

# How a decision rule reached its result (`DecisionCheck.how`).
HOW: dict[str, str] = {
    "consensus-no-vote": N_("consensus: no vote recorded"),
    "consensus-with-votes": N_("consensus, yet votes are recorded"),
    "no-votes": N_("%(rule)s: no votes recorded"),
    "simple-majority": N_("%(yes)s for against %(no)s: more for needed"),
    "absolute-majority": N_("%(yes)s for; more than half of %(seats)s voting seats needed"),
    "no-threshold": N_("qualified majority without a threshold in the Forum's rules"),
    "qualified-majority": N_(
        "%(yes)s for of %(cast)s votes cast (%(abstain)s abstentions not counted); "
        "%(threshold)s of votes cast needed"
    ),
}

# Figures that are vocabulary values, said in words in lower case ("civil society").
_WORDS = ("role", "sector", "result", "computed", "status", "rule")


def _values(values: Mapping[str, object]) -> dict[str, object]:
    said: dict[str, object] = {}
    for key, value in values.items():
        if key in _WORDS and isinstance(value, str):
            said[key] = label(value).lower()
        elif isinstance(value, date):
            said[key] = value.isoformat()
        else:
            said[key] = "" if value is None else str(value)
    return said


def how(code: str, figures: Mapping[str, object]) -> str:
    """How a rule reached its result, in words."""
    return _(HOW[code]) % _values(figures)


def explanation(check: DecisionCheck) -> str:
    return how(check.how, check.figures)


def finding_message(finding: Finding) -> str:
    """What a finding says, in the build's language."""
    values = _values(finding.values)
    if "how" in finding.values:
        values["how"] = how(str(finding.values["how"]), finding.values)
    return _(SAYS[finding.says]) % values


def quorum_text(quorum: Quorum) -> str:
    """'Quorum met: 9 of 12 voting members present (6 needed)'."""
    if quorum.met:
        message = N_(
            "Quorum met: %(present)s of %(seats)s voting members present (%(needed)s needed)"
        )
        return _(message) % _values(quorum.figures)
    return _(SAYS["quorum"]) % _values(quorum.figures)


def code_meaning(code: str) -> str:
    return _(CODES[code])


def finding_data(finding: Finding) -> dict[str, object]:
    """A finding as JSON data (`openforum check --format json`)."""
    return {
        "code": finding.code,
        "level": finding.level,
        "subject": {"kind": finding.subject.kind, "id": finding.subject.id},
        "message": finding_message(finding),
        "evidence": [e.url for e in (finding.subject, *finding.evidence)],
    }
