"""The words a reader sees for every requirement's verdict: titles, what the OGP asks, the
figure, each shortfall and the field to fill. Facts hold codes and figures; the page,
`openforum check` and the open data all say them with the words here.

The summaries of the OGP's minimum requirements are the project's own plain-language
wording of the Participation and Co-Creation Standards (OGP Steering Committee, November
2021; in force from 1 January 2022); the standards' own text is at `OGP_STANDARDS_URL`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .facts.findings import Evidence
from .facts.verdicts import Judgement, Shortfall
from .i18n.findings import finding_message
from .i18n.labels import N_, _, label, say

OGP_STANDARDS_URL = "https://www.opengovpartnership.org/ogp-participation-co-creation-standards/"

STANDARDS = {
    "1": N_(
        "Standard 1: a lasting space where government and civil society talk and work together"
    ),
    "2": N_("Standard 2: open and timely information on the OGP process"),
    "3": N_("Standard 3: informed and inclusive participation in writing the action plan"),
    "4": N_("Standard 4: a reasoned response, and dialogue that goes on, during co-creation"),
    "5": N_("Standard 5: dialogue and collaboration while the plan is carried out and monitored"),
}

# code: (title, what is asked, in plain words)
REQUIREMENTS: dict[str, tuple[str, str]] = {
    "ogp-1.1": (
        N_("1.1 Space for dialogue"),
        N_(
            "Government and civil society both take part in a standing forum that meets at least "
            "once every six months, and the rules on who takes part, and how, are public."
        ),
    ),
    "ogp-2.1": (
        N_("2.1 OGP website"),
        N_(
            "A public website, or a page of a government website, is kept about the country's "
            "part in the OGP."
        ),
    ),
    "ogp-2.2": (
        N_("2.2 Document repository"),
        N_(
            "The documents of the OGP process are kept online in one place, and it gets new "
            "material at least twice a year."
        ),
    ),
    "ogp-3.1": (
        N_("3.1 Timeline and ways to take part, two weeks ahead"),
        N_(
            "At least two weeks before co-creation of a plan begins, its calendar and the ways "
            "anyone can take part are put online."
        ),
    ),
    "ogp-3.2": (
        N_("3.2 Outreach"),
        N_(
            "The people and groups with a stake in the plan are told about co-creation and "
            "invited to join it."
        ),
    ),
    "ogp-3.3": (
        N_("3.3 A way to give input"),
        N_(
            "Anyone can send ideas and comments through a channel that stays open long enough "
            "to do so."
        ),
    ),
    "ogp-4.1": (
        N_("4.1 Reasoned response"),
        N_(
            "What became of each contribution is published, with the reason when a suggestion "
            "was not taken up."
        ),
    ),
    "ogp-5.1": (
        N_("5.1 Meetings during implementation"),
        N_(
            "While the plan is carried out, government meets civil society at least twice a "
            "year to present results and hear comments."
        ),
    ),
    "practice-established": (
        N_("The Forum was formally set up and its terms of reference are public"),
        N_("The handbook recommends a founding act and published terms of reference."),
    ),
    "rules-cadence": (
        N_("It meets as often as its rules ask"),
        N_("Plenary meetings no further apart than the Forum's max_meeting_gap_months."),
    ),
    "rules-notice": (
        N_("Agendas are announced in advance"),
        N_("Each meeting announced at least the Forum's notice_days before it."),
    ),
    "rules-quorum": (
        N_("It decides with a quorum"),
        N_("Enough voting members present, by the Forum's quorum, at every meeting held."),
    ),
    "rules-decisions": (
        N_("Decisions follow its decision rule"),
        N_("Each recorded result is what the Forum's rule gives from the votes."),
    ),
    "rules-minutes": (
        N_("Minutes are published on time"),
        N_("Minutes online within the Forum's minutes_due_days of each meeting."),
    ),
    "rules-parity": (
        N_("Government and non-government seats are balanced"),
        N_("As many non-government as government voting seats, when the rules ask for parity."),
    ),
    "rules-self-assessment": (
        N_("The Forum assesses itself"),
        N_("A self-assessment published at least every assessment_every_months."),
    ),
    "practice-channels": (
        N_("Consultations can be joined online and in person"),
        N_("The handbook recommends both an online and an in-person way to take part."),
    ),
}

WHY = {
    "outside-standards": N_(
        "Nothing of the Forum's life falls under the standards (in force from 1 January 2022)"
    ),
    "before-standards": N_("Before the standards came into force on 1 January 2022"),
    "not-due": N_("Not due yet"),
    "not-started": N_("Implementation has not started"),
    "under-way": N_("Implementation is under way and its first year is not over"),
    "no-rule": N_("The Forum's rules set none"),
    "nothing-to-judge": N_("Nothing to judge yet"),
    "no-forum": N_("No forum.md"),
}

FIGURES = {
    "ogp-1.1": N_(
        "{meetings} meetings from {from} to {to}; the longest stretch without one "
        "{longest_gap_days} days; seats held by {government} government and {civil_society} "
        "civil society members"
    ),
    "ogp-2.1": N_("The Forum's records are published as this website, with open data"),
    "ogp-2.2": N_(
        "{dated} dated records from {from} to {to}, the latest on {last}; the longest "
        "stretch without one {longest_gap_days} days"
    ),
    "ogp-3.1": N_(
        "Timeline online {notice_days} days before co-creation opened on "
        "{co_creation_start} (at least {needed_days} asked)"
    ),
    "ogp-3.2": N_("{awareness} outreach activities recorded"),
    "ogp-3.3": N_("{channels} channels for input, open {open_days} days (at least {needed_days})"),
    "ogp-4.1": N_("{answered} of {submissions} submissions answered with a reason"),
    "ogp-5.1": N_(
        "{meetings} meetings during implementation, {from} to {to} (at least "
        "{needed_per_year} a year asked)"
    ),
    "practice-established": N_("Established on {established}"),
    "rules-cadence": N_("{plenaries} plenaries held; {gaps} gaps longer than {months} months"),
    "rules-notice": N_(
        "{late} of {held} held meetings announced late, {unrecorded} without a recorded notice date"
    ),
    "rules-quorum": N_(
        "{inquorate} of {held} held meetings without quorum, {unrecorded} without "
        "recorded attendance"
    ),
    "rules-decisions": N_(
        "{disagree} of {decisions} decisions whose result disagrees with the rule"
    ),
    "rules-minutes": N_("{late} of {held} held meetings with minutes late or missing"),
    "rules-parity": N_("{members} members; {unbalanced} periods out of balance"),
    "rules-self-assessment": N_("{assessments} self-assessments of the Forum"),
    "practice-channels": N_("{consultations} consultations"),
}

SHORTFALLS = {
    "meeting-gap": N_(
        "{days} days without a meeting ({from} to {to}); the OGP asks for one at "
        "least every {months} months"
    ),
    "meeting-status-unknown": N_(
        "Still scheduled after its date: whether it was held decides the stretch {from} to {to}"
    ),
    "side-missing": N_("No {side} member held a seat"),
    "rules-unpublished": N_("No terms of reference in forum.md and no link to the founding act"),
    "repository-gap": N_(
        "{days} days without a dated record ({from} to {to}); the OGP asks for "
        "new material at least twice a year"
    ),
    "date-unrecorded": N_(
        "Published without its date, which would tell whether {from} to {to} had an update"
    ),
    "co-creation-unrecorded": N_("No consultation recorded for the plan's co-creation"),
    "timeline-undated": N_("No date recorded for when the timeline went online"),
    "timeline-late": N_(
        "Timeline online on {published}, {days} days before co-creation opened "
        "on {opens}; the OGP asks for at least {needed}"
    ),
    "outreach-unrecorded": N_("No outreach recorded"),
    "channels-unrecorded": N_("No channel for input recorded"),
    "input-period-short": N_(
        "Open for input {days} days; a fair period is read as at least {needed}"
    ),
    "response-missing": N_("Submission {submission} has no response"),
    "response-pending": N_("Submission {submission} has no final response yet (pending)"),
    "response-unreasoned": N_("Submission {submission} has a response without a reason"),
    "summary-unrecorded": N_("No submission, and no date for the published summary"),
    "implementation-meetings": N_(
        "{meetings} meetings from {from} to {to}; the OGP asks for at least {needed}"
    ),
    "establishment-unrecorded": N_("No establishment recorded"),
    "terms-unpublished": N_("No terms of reference in forum.md"),
    "no-plenary": N_("No plenary held is recorded"),
    "attendance-unrecorded": N_("No attendance recorded"),
    "assessment-unrecorded": N_("No self-assessment with a publication date"),
}

VERDICT_WORDS = {
    "met": N_("Met"),
    "not_met": N_("Not met"),
    "not_verifiable": N_("Not verifiable"),
    "not_applicable": N_("Not applicable"),
}
SIDES = ("government", "civil_society")


def _text(value: object) -> str:
    if value is None:
        return _("none")
    if isinstance(value, date):
        return value.isoformat()
    return label(value).lower() if value in SIDES else str(value)


def _fill(template: str, values: Any) -> str:
    """`template` in the build's language, its `{names}` filled in."""
    return _(template).format_map({key: _text(value) for key, value in dict(values).items()})


def title(judgement: Judgement) -> str:
    return _(REQUIREMENTS[judgement.requirement][0])


def asks(judgement: Judgement) -> str:
    return _(REQUIREMENTS[judgement.requirement][1])


def standard_heading(number: str) -> str:
    return _(STANDARDS[number])


def verdict_words() -> dict[str, str]:
    """Each verdict in words, in the build's language."""
    return {verdict: _(words) for verdict, words in VERDICT_WORDS.items()}


def standard(judgement: Judgement) -> str | None:
    """ "1" to "5" for an OGP requirement; None for the Forum's own rules."""
    return judgement.requirement[4] if judgement.part == "ogp" else None


def figure(judgement: Judgement) -> str:
    if judgement.verdict == "not_applicable" and judgement.why:
        return _(WHY[judgement.why])
    if judgement.plan and judgement.figures.get("consultations") == 0:
        return _("No consultation recorded for this plan")
    if judgement.requirement == "ogp-3.1" and judgement.figures.get("notice_days") is None:
        return _fill(N_("Co-creation opened on {co_creation_start}"), judgement.figures)
    return _fill(FIGURES[judgement.requirement], judgement.figures)


def shortfall(item: Shortfall) -> str:
    if item.finding is not None:
        return finding_message(item.finding)
    return _fill(SHORTFALLS[item.code], item.values)


def record_file(evidence: Evidence) -> str:
    """The record file to edit for a shortfall (`consultations/c1/s02.md`)."""
    if evidence.kind == "forum":
        return "forum.md"
    if not evidence.id:
        return f"{evidence.kind}/"
    if evidence.anchor.startswith("submission-"):
        return f"{evidence.kind}/{evidence.id}/{evidence.anchor.removeprefix('submission-')}.md"
    return f"{evidence.kind}/{evidence.id}.md"


def fill(item: Shortfall) -> str:
    """What to write so that the verdict can be told: "fill `announced` in meetings/x.md"."""
    if item.verdict != "not_verifiable" or not item.field:
        return ""
    return say("fill `%(field)s` in %(file)s", field=item.field, file=record_file(item.subject))


def judgement_data(judgement: Judgement) -> dict[str, Any]:
    """A verdict as JSON data, the same in `openforum check --format json` and the exports."""
    return {
        "code": judgement.code,
        "key": judgement.code,
        "requirement": judgement.requirement,
        "part": judgement.part,
        "standard": standard(judgement),
        "plan": judgement.plan,
        "title": title(judgement),
        "asks": asks(judgement),
        "source": OGP_STANDARDS_URL if judgement.part == "ogp" else None,
        "verdict": judgement.verdict,
        "figure": figure(judgement),
        "figures": {key: _json(value) for key, value in judgement.figures.items()},
        "evidence": [e.url for e in judgement.evidence],
        "shortfalls": [
            {
                "code": s.code,
                "verdict": s.verdict,
                "record": s.subject.url,
                "message": shortfall(s),
                "field": s.field or None,
                "file": record_file(s.subject),
            }
            for s in judgement.shortfalls
        ],
        "fill": [fill(s) for s in judgement.fields_to_fill],
    }


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
