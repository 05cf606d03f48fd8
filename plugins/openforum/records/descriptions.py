"""What every kind, field and vocabulary value of the model means, in plain words.

The one place these words live: `openforum new` puts them in its comments, the JSON
Schemas in their descriptions (shown by editors), and docs/field-reference.md in full.
Fields are filed here under `ModelClass.key` so that a nested set of fields used in several
kinds (a Document, a Period) is described once; vocabulary values in vocabularies.py.
"""

from __future__ import annotations

from ..kinds import REGISTRY
from .text_types import KindText, Text
from .vocabularies import VALUES

__all__ = ["FIELDS", "KINDS", "KindText", "Text", "field_text", "value_meanings"]


KINDS: dict[str, KindText] = {
    "forum": KindText(
        "The Forum itself: its name, establishment, decision rules and resources. "
        "There is exactly one forum.md.",
        "Terms of reference, rotation policy, succession plan, induction material.",
    ),
    "members": KindText(
        "A person or an organisation that holds, or held, seats on the Forum.",
        "A short biography.",
    ),
    "meetings": KindText(
        "One meeting: its notice, agenda, attendance, decisions and minutes.",
        "The minutes.",
    ),
    "plans": KindText("A National Action Plan, over its two-year cycle.", "An introduction."),
    "commitments": KindText(
        "A commitment of a plan, with its milestones and the timeline of its progress.",
        "The description, the ambition and the relevance of the commitment.",
    ),
    "consultations": KindText(
        "A public consultation.", "The summary of the consultation and how input was used."
    ),
    "submissions": KindText(
        "One written submission to a consultation, with its reasoned response. Every "
        "submission is published; its author's name only when they agreed.",
        "The submission's text, as received.",
    ),
    "assessments": KindText(
        "A self-assessment of the Forum or of a plan.", "Findings and agreed improvements."
    ),
    "partners": KindText(
        "A multilateral partner organisation that supports the Forum or its plans.",
        "Areas of support and activities.",
    ),
}

FIELDS: dict[str, Text] = {
    # every record
    "Record.id": Text(
        "The record's id: its file name without .md, used in its address, so it never "
        "changes. Writing it is optional; when written it must equal the file name.",
        "nap5-03",
    ),
    "Record.aliases": Text(
        "Old ids of this record, after it was renamed: their addresses keep answering.",
        "[nap5-3]",
    ),
    # forum.md
    "Forum.name": Text("The Forum's name.", "Open Government Forum of Examplia"),
    "Forum.country": Text("The country (or local government) the Forum serves.", "Examplia"),
    "Forum.timezone": Text("The time zone meeting times are in, as an IANA name.", "Europe/Lisbon"),
    "Forum.languages": Text(
        "Language codes the Forum publishes in; the first is the site's default.", "[en, fr]"
    ),
    "Forum.description": Text(
        "One sentence about the Forum: the site's description, shown by search engines and "
        "link previews.",
        "Government and civil society co-create Examplia's open government action plans.",
    ),
    "Forum.established": Text("How and when the Forum was created."),
    "Forum.mandate": Text("What the Forum's decisions are worth."),
    "Forum.rules": Text("The rules the Forum set itself; the site checks meetings against them."),
    "Forum.secretariat": Text("Members who run the Forum's secretariat.", "[sec-office]"),
    "Forum.resources": Text("Resources allocated to the Forum, one item per year and source."),
    "Forum.ended": Text(
        "The date the Forum was wound up: nothing after it is counted or shown as upcoming.",
        "2015-06-30",
    ),
    "Forum.bodies": Text(
        "The Forum's bodies (plenary, working groups, committees, panels); a meeting names "
        "its body with `body`."
    ),
    "Body.id": Text("The body's id, which meetings name in `body`.", "wg-open-data"),
    "Body.name": Text("The body's name.", "Working group on open data"),
    "Body.kind": Text("What kind of body it is."),
    "Body.rules": Text(
        "Rules of the body's own, when they differ from the Forum's: quorum and cadence apply "
        "to plenary bodies unless a body sets them here."
    ),
    "Establishment.date": Text("The date the Forum was established."),
    "Establishment.instrument": Text("The kind of act that established it."),
    "Establishment.reference": Text("The act's reference or number.", "Decree 114/2016"),
    "Establishment.url": Text("Where the act can be read."),
    "Rules.decision_rule": Text("How the Forum decides, unless a decision says otherwise."),
    "Rules.qualified_threshold": Text(
        "Under qualified_majority: the share of votes cast needed to adopt.", "2/3"
    ),
    "Rules.quorum": Text(
        "The share of voting seats that must be present for a meeting to decide.", "1/2"
    ),
    "Rules.notice_days": Text(
        "Days before a meeting by which its agenda and venue are published.", "14"
    ),
    "Rules.minutes_due_days": Text(
        "Days after a meeting within which its minutes are published.", "30"
    ),
    "Rules.max_meeting_gap_months": Text("The Forum meets at least once in this many months.", "6"),
    "Rules.assessment_every_months": Text("A self-assessment is due every this many months.", "6"),
    "Rules.parity": Text("Whether government and non-government seats must be balanced."),
    "Resource.year": Text("The year the resources were allocated for.", "2024"),
    "Resource.source": Text("Who provided them.", "Ministry of Public Administration"),
    "Resource.amount": Text("How much, in the currency given.", "45000"),
    "Resource.currency": Text("The currency, as a three-letter ISO 4217 code.", "EUR"),
    "Resource.purpose": Text("What they pay for.", "Secretariat staff and meeting costs"),
    # members
    "Member.name": Text("The person's or organisation's name.", "María López"),
    "Member.kind": Text("Whether the member is a person or an organisation."),
    "Member.sector": Text("The sector the member represents."),
    "Member.organization": Text(
        "The organisation the person belongs to: a member id, or its name in words.",
        "Transparencia Ciudadana",
    ),
    "Member.seats": Text("Every term the member held on the Forum, oldest first."),
    "Member.contact": Text("How to reach the member; published only when public is true."),
    "Seat.role": Text("The seat's role."),
    "Seat.from": Text("The first day of the term."),
    "Seat.to": Text("The last day of the term; leave it out while the term is open."),
    "Seat.voting": Text(
        "Whether the seat votes. Left out: chair, co_chair and member seats vote; the others "
        "do not."
    ),
    "Seat.substitute_for": Text("On a substitute seat: the member it stands in for.", "juan-perez"),
    "Contact.email": Text("An email address.", "maria@example.org"),
    "Contact.phone": Text("A telephone number.", "+351 210 000 000"),
    "Contact.public": Text("Whether the contact details may be published."),
    # meetings
    "Meeting.title": Text("The meeting's title.", "Plenary session 14"),
    "Meeting.kind": Text("The kind of meeting."),
    "Meeting.status": Text("Where the meeting stands."),
    "Meeting.body": Text(
        "The id of the body (in forum.md's `bodies`) that met; none for the plenary.",
        "wg-open-data",
    ),
    "Meeting.start": Text("When it starts; without an offset, in the Forum's time zone."),
    "Meeting.end": Text("When it ends."),
    "Meeting.location": Text("Where it takes place."),
    "Meeting.announced": Text(
        "The date the notice (agenda, date and venue) was published; notice is counted from it."
    ),
    "Meeting.agenda": Text("The agenda, one item per point."),
    "Meeting.attendance": Text("Who attended; the quorum is counted from it."),
    "Meeting.decisions": Text("The decisions taken, one item each."),
    "Meeting.minutes": Text("The state of the minutes; the minutes are the record's text."),
    "Meeting.documents": Text("Documents of the meeting: agenda, papers, recordings..."),
    "Location.name": Text("The venue.", "Ministry of Public Administration, Room 3"),
    "Location.address": Text("The venue's address.", "1 Main Street, Porto"),
    "Location.online": Text("The link to join online."),
    "AgendaItem.title": Text("The agenda item.", "Draft consultation methodology for NAP 6"),
    "AgendaItem.commitments": Text("Commitments the item concerns.", "[nap6-01]"),
    "AgendaItem.documents": Text("Papers for the item."),
    "Document.title": Text("The document's title.", "Draft methodology"),
    "Document.url": Text("Where it can be read."),
    "Document.kind": Text("The kind of document."),
    "Document.published": Text(
        "The date it was put online; it shows how often the Forum's repository is updated "
        "(OGP requirement 2.2)."
    ),
    "Attendance.present": Text("Members present.", "[maria-lopez, juan-perez]"),
    "Attendance.apologies": Text("Members who sent apologies.", "[ana-silva]"),
    "Attendance.guests": Text(
        "Other people present, in words; they do not count towards the quorum.",
        '["Observer from the IRM"]',
    ),
    "Decision.id": Text(
        "The decision's id, unique across the Forum: the meeting's date and a number.",
        "2024-03-12-1",
    ),
    "Decision.text": Text("What was decided.", "Adopt the consultation methodology for NAP 6"),
    "Decision.result": Text("What came of it."),
    "Decision.rule": Text("The rule it was decided by; left out, the Forum's decision_rule."),
    "Decision.votes": Text("The votes, when there was a vote; none under consensus."),
    "Decision.commitments": Text("Commitments the decision concerns.", "[nap6-01]"),
    "Votes.for": Text("Votes in favour.", "11"),
    "Votes.against": Text("Votes against.", "2"),
    "Votes.abstain": Text("Abstentions: recorded, not counted as votes cast.", "1"),
    "Minutes.status": Text("Whether the minutes are a draft or approved."),
    "Minutes.published": Text("The date the minutes were published."),
    "Minutes.approved_in": Text("The meeting that approved them.", "2024-04-16-plenary"),
    # plans
    "Plan.title": Text("The plan's title.", "Fifth National Action Plan 2023-2025"),
    "Plan.period": Text("The period the plan covers."),
    "Plan.status": Text("The plan's stage."),
    "Plan.number": Text("The plan's number in the country's series.", "5"),
    "Plan.phases": Text("The phases of the plan's life cycle, with their dates."),
    "Plan.consultation": Text("The consultation that co-created the plan.", "nap5-cocreation"),
    "Plan.url": Text("The official plan document."),
    "Period.start": Text("The first day."),
    "Period.end": Text("The last day."),
    "PlanPhase.phase": Text("The phase."),
    "PlanPhase.start": Text("The first day of the phase."),
    "PlanPhase.end": Text("The last day of the phase; leave it out while it goes on."),
    # commitments
    "Commitment.title": Text(
        "The commitment's title.", "Publish beneficial ownership data of public contractors"
    ),
    "Commitment.plan": Text("The plan the commitment belongs to.", "nap5"),
    "Commitment.status": Text(
        "How far it is completed, on the IRM's completion scale; equals the last progress "
        "entry's status."
    ),
    "Commitment.ogp_id": Text("The OGP's own identifier, once assigned.", "EX0042"),
    "Commitment.theme": Text("The policy area.", "Anti-corruption"),
    "Commitment.lead": Text(
        "The institution that leads it: a member id, or its name in words.",
        "ministry-of-finance",
    ),
    "Commitment.supporting": Text("Members that support it.", "[transparencia-ciudadana]"),
    "Commitment.period": Text("When it is carried out."),
    "CommitmentPeriod.start": Text("When it starts: a day, a month or a year."),
    "CommitmentPeriod.end": Text("When it ends: a day, a month or a year (its last day)."),
    "Commitment.ogp_values": Text(
        "The OGP values it advances.", "[access_to_information, public_accountability]"
    ),
    "Commitment.milestones": Text("The steps by which it is carried out."),
    "Commitment.progress": Text(
        "The timeline of its status, oldest first; the last entry's status is `status`."
    ),
    "Commitment.irm": Text("The Independent Reporting Mechanism's assessment, once published."),
    "Milestone.id": Text("The milestone's number or id within the commitment.", "1"),
    "Milestone.title": Text("The milestone.", "Legal basis for the register adopted"),
    "Milestone.status": Text("Where it stands."),
    "Milestone.due": Text("The date it is due."),
    "Milestone.done": Text("The date it was completed."),
    "Milestone.indicators": Text(
        "Measures reported under the milestone; shown and exported, not counted in progress."
    ),
    "Indicator.title": Text("The indicator.", "Share of contracts with owners published"),
    "Indicator.due": Text("When it is due: a day, a month, a year, or ongoing."),
    "Indicator.status": Text("Where it stands."),
    "Indicator.note": Text("A note on the latest figure.", "62% in the first quarter."),
    "ProgressEntry.date": Text("The date of the report."),
    "ProgressEntry.status": Text("The commitment's status on that date."),
    "ProgressEntry.note": Text("What happened.", "Draft regulation published for comment."),
    "ProgressEntry.evidence": Text(
        "Links to the evidence.", "[https://example.org/regulation.pdf]"
    ),
    "IrmAssessment.specificity": Text("How specific the commitment is (plans before 2020)."),
    "IrmAssessment.potential_impact": Text("Its potential impact (plans before 2020)."),
    "IrmAssessment.potential": Text("Its potential for results (plans from 2020)."),
    "IrmAssessment.completion": Text("How far it was completed, as the IRM found."),
    "IrmAssessment.early_results": Text(
        "Whether it opened up government, as the IRM found ('did it open government?')."
    ),
    "IrmAssessment.starred": Text("Whether the IRM starred it as an exemplary commitment."),
    # consultations and submissions
    "Consultation.title": Text(
        "The consultation's title.", "Co-creation of the Fifth National Action Plan"
    ),
    "Consultation.opens": Text("The first day input is taken."),
    "Consultation.closes": Text("The last day input is taken."),
    "Consultation.plan": Text("The plan it prepares.", "nap5"),
    "Consultation.timeline_published": Text("The date its timeline was put online."),
    "Consultation.channels": Text("How people could take part.", "[online_platform, email]"),
    "Consultation.events": Text("Meetings and workshops held for it."),
    "Consultation.awareness": Text(
        "What was done to make it known, one item each.", '["Radio spots in 3 regions"]'
    ),
    "Consultation.summary_published": Text(
        "The date the summary of input and how it was used was published."
    ),
    "ConsultationEvent.date": Text("The day of the event."),
    "ConsultationEvent.place": Text("Where it took place.", "Porto"),
    "ConsultationEvent.kind": Text("The kind of event, in words.", "workshop"),
    "ConsultationEvent.participants": Text("How many took part.", "48"),
    "Submission.submitted": Text("The date it was received."),
    "Submission.channel": Text("How it was received."),
    "Submission.author": Text("Who sent it."),
    "Submission.response": Text("The Forum's reasoned response."),
    "Author.name": Text(
        "The author's name; published only when publish_name is true.", "Jane Citizen"
    ),
    "Author.organization": Text(
        "The organisation they wrote for, if any.", "Residents' Association of Norte"
    ),
    "Author.sector": Text("The sector they belong to."),
    "Author.publish_name": Text("Whether the author agreed to their name being published."),
    "Response.outcome": Text("What became of the submission."),
    "Response.reason": Text("Why, in words.", "Merged into commitment nap5-03, milestone 2."),
    "Response.commitments": Text("Commitments it led to or was merged into.", "[nap5-03]"),
    # assessments and partners
    "Assessment.title": Text(
        "The assessment's title.", "Forum self-assessment, first half of 2024"
    ),
    "Assessment.subject": Text("What is assessed: forum, or a plan's id.", "forum"),
    "Assessment.period": Text("The period assessed."),
    "Assessment.published": Text("The date it was published."),
    "Partner.name": Text("The partner's name.", "Example Development Bank"),
    "Partner.kind": Text("The kind of partner."),
    "Partner.point_of_contact": Text("The partner's contact person for the Forum."),
    "Partner.letter_of_intent": Text("The partner's letter of intent to the OGP."),
    "Partner.phases": Text("The phases of the country's life cycle the partner supports."),
    "Partner.reviews": Text("The Steering Committee's yearly reviews of the partnership."),
    "Partner.work_plan": Text("The partner's work plan."),
    "PointOfContact.name": Text("The contact's name; published only when public is true."),
    "PointOfContact.role": Text("Their role, always published.", "Open government lead"),
    "PointOfContact.email": Text("Their email address.", "contact@example.org"),
    "PointOfContact.public": Text("Whether their name and email may be published."),
    "LetterOfIntent.sent": Text("The date the letter was sent."),
    "LetterOfIntent.accepted": Text("The date it was accepted."),
    "LetterOfIntent.url": Text("Where it can be read."),
    "Review.date": Text("The date of the review."),
    "Review.outcome": Text("Its outcome, in words.", "renewed"),
    "Review.url": Text("Where it can be read."),
    "WorkPlan.adopted": Text("The date the work plan was adopted."),
    "WorkPlan.url": Text("Where it can be read."),
}

# A kind may keep its words in its own package (kinds/<kind>/texts.py: ABOUT and FIELDS).
for _kind in REGISTRY:
    if (_about := _kind.hook("texts", "ABOUT")) is not None:
        KINDS[_kind.name] = _about
    FIELDS.update(_kind.hook("texts", "FIELDS") or {})


def field_text(qualified: str) -> Text | None:
    """The words for a field filed as `ModelClass.key`, or None when none are written yet."""
    return FIELDS.get(qualified)


def value_meanings(values: tuple[str, ...]) -> dict[str, str]:
    """What each value of a vocabulary means ({} when not written yet)."""
    return VALUES.get(values, {})
