"""The typed model of every record kind in the data contract (design/records.md).

Field names and vocabularies are the contract's: add, never rename. A field without a
default is required. `Annotated[str, Ref(kind)]` marks a reference to another record,
resolved after loading; `Key("for")`-style metadata maps YAML keys that are Python keywords.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Literal

from .partial_dates import DueDate, PartialDate
from .schema import INTERNAL, Located, key
from .values import URL, Ref

MemberRef = Annotated[str, Ref("members")]
MeetingRef = Annotated[str, Ref("meetings")]
PlanRef = Annotated[str, Ref("plans")]
CommitmentRef = Annotated[str, Ref("commitments")]
ConsultationRef = Annotated[str, Ref("consultations")]
OrganizationRef = Annotated[str, Ref("organizations")]
# An institution: the id of a member or an organization, or its name in words
# (records.md, "References in words").
Institution = Annotated[str, Ref("members", free_text=True, or_kinds=("organizations",))]
WebAddress = Annotated[str, URL]

Instrument = Literal["executive_decree", "law", "formal_agreement", "informal_agreement"]
Mandate = Literal["decision_making", "consultative", "mixed"]
DecisionRule = Literal["consensus", "simple_majority", "absolute_majority", "qualified_majority"]
MemberKind = Literal["person", "organization"]
Sector = Literal[
    "government",
    "civil_society",
    "private_sector",
    "academia",
    "parliament",
    "multilateral",
    "other",
]
SeatRole = Literal["chair", "co_chair", "member", "substitute", "observer", "secretariat"]
MeetingKind = Literal["plenary", "working_group", "extraordinary", "public_session"]
MeetingStatus = Literal["scheduled", "held", "cancelled", "postponed"]
DecisionResult = Literal["adopted", "rejected", "deferred", "withdrawn"]
MinutesStatus = Literal["draft", "approved"]
DocumentKind = Literal["agenda", "minutes", "paper", "presentation", "recording", "report"]
PlanStatus = Literal["development", "implementation", "assessment", "closed"]
Phase = Literal["eligibility", "development", "implementation", "assessment", "follow_up"]
CommitmentStatus = Literal[
    "not_started", "limited", "substantial", "complete", "withdrawn", "not_reported"
]
MilestoneStatus = Literal["not_started", "in_progress", "complete", "cancelled", "not_reported"]
BodyKind = Literal["plenary", "working_group", "committee", "panel"]
OgpValue = Literal[
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_and_innovation",
]
Channel = Literal[
    "online_platform",
    "in_person",
    "email",
    "workshop",
    "survey",
    "social_media",
    "phone",
    "other",
]
Outcome = Literal["adopted", "partly_adopted", "not_adopted", "out_of_scope", "pending"]
PartnerKind = Literal["multilateral", "bilateral", "philanthropic", "other"]

VOTING_ROLES = frozenset({"chair", "co_chair", "member"})


@dataclass(kw_only=True, slots=True)
class Period(Located):
    start: date
    end: date


@dataclass(kw_only=True, slots=True)
class Document(Located):
    title: str
    url: WebAddress
    kind: DocumentKind | None = None
    published: date | None = None  # when it was put online (contract, "Documents' dates")


@dataclass(kw_only=True, slots=True)
class Record(Located):
    """What every record file has: its id (the file stem), old ids, body and source."""

    id: str | None = None  # written in front matter only optionally; `stem` is the id
    aliases: list[str] = field(default_factory=list)
    stem: str = field(default="", metadata=INTERNAL)
    path: Path = field(default=Path(), metadata=INTERNAL)
    body: str = field(default="", metadata=INTERNAL)
    body_line: int = field(default=1, metadata=INTERNAL)

    @property
    def key(self) -> str:
        """The record's id within its kind (its URL path below the kind's folder)."""
        return self.stem


# forum.md -------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Establishment(Located):
    date: date
    instrument: Instrument | None = None
    reference: str | None = None
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class Rules(Located):
    decision_rule: DecisionRule = "consensus"
    qualified_threshold: Fraction | None = None
    quorum: Fraction | None = None
    notice_days: int | None = None
    minutes_due_days: int | None = None
    max_meeting_gap_months: int | None = None
    assessment_every_months: int | None = None
    parity: bool = False


@dataclass(kw_only=True, slots=True)
class Resource(Located):
    year: int
    source: str
    amount: Decimal
    currency: str
    purpose: str | None = None


@dataclass(kw_only=True, slots=True)
class Body(Located):
    """One of the Forum's bodies; quorum and cadence apply to plenary ones unless `rules`."""

    id: str
    name: str
    kind: BodyKind
    rules: Rules | None = None


@dataclass(kw_only=True, slots=True)
class Forum(Record):
    name: str
    country: str
    timezone: str
    languages: list[str] = field(default_factory=lambda: ["en"])
    # One sentence about the Forum: the site's description (search engines, link previews).
    description: str | None = None
    established: Establishment | None = None
    mandate: Mandate | None = None
    rules: Rules = field(default_factory=Rules)
    secretariat: list[MemberRef] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    ended: date | None = None  # the Forum was wound up: nothing is counted after it
    bodies: list[Body] = field(default_factory=list)


# members/<id>.md ------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Seat(Located):
    role: SeatRole
    start: date = field(metadata=key("from"))
    end: date | None = field(default=None, metadata=key("to"))
    voting: bool | None = None  # None: by role (chair, co_chair and member vote)
    substitute_for: MemberRef | None = None

    @property
    def votes(self) -> bool:
        return self.voting if self.voting is not None else self.role in VOTING_ROLES

    def covers(self, day: date) -> bool:
        return (
            self.start is not None and self.start <= day and (self.end is None or day <= self.end)
        )


@dataclass(kw_only=True, slots=True)
class Contact(Located):
    email: str | None = None
    phone: str | None = None
    public: bool = False


@dataclass(kw_only=True, slots=True)
class Member(Record):
    name: str
    kind: MemberKind
    sector: Sector
    organization: Institution | None = None
    seats: list[Seat] = field(default_factory=list)
    contact: Contact | None = None


# meetings/<id>.md -----------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Location(Located):
    name: str | None = None
    address: str | None = None
    online: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class AgendaItem(Located):
    title: str
    commitments: list[CommitmentRef] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Attendance(Located):
    present: list[MemberRef] = field(default_factory=list)
    apologies: list[MemberRef] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Votes(Located):
    in_favour: int = field(metadata=key("for"))
    against: int
    abstain: int = 0


@dataclass(kw_only=True, slots=True)
class Decision(Located):
    id: str
    text: str
    result: DecisionResult
    rule: DecisionRule | None = None  # None: the Forum's rule
    votes: Votes | None = None
    commitments: list[CommitmentRef] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Minutes(Located):
    status: MinutesStatus
    published: date | None = None
    approved_in: MeetingRef | None = None


@dataclass(kw_only=True, slots=True)
class Meeting(Record):
    title: str
    kind: MeetingKind
    status: MeetingStatus
    start: datetime
    end: datetime | None = None
    location: Location | None = None
    announced: date | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    attendance: Attendance | None = None
    decisions: list[Decision] = field(default_factory=list)
    minutes: Minutes | None = None
    documents: list[Document] = field(default_factory=list)
    # `body:` names one of forum.md's `bodies`; the record's Markdown text is `Record.body`.
    body_id: str | None = field(default=None, metadata=key("body"))


# plans/<id>.md --------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class PlanPhase(Located):
    phase: Phase
    start: date
    end: date | None = None


@dataclass(kw_only=True, slots=True)
class Plan(Record):
    title: str
    period: Period
    status: PlanStatus
    number: int | None = None
    phases: list[PlanPhase] = field(default_factory=list)
    consultation: ConsultationRef | None = None
    url: WebAddress | None = None


# commitments/<id>.md --------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Indicator(Located):
    """A measure reported under a milestone; shown and exported, not counted in progress."""

    title: str
    due: DueDate | None = None
    status: MilestoneStatus | None = None
    note: str | None = None


@dataclass(kw_only=True, slots=True)
class Milestone(Located):
    id: str
    title: str
    status: MilestoneStatus
    due: DueDate | None = None  # a day, month or year, or ongoing
    done: PartialDate | None = None
    indicators: list[Indicator] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class ProgressEntry(Located):
    date: date
    status: CommitmentStatus
    note: str | None = None
    evidence: list[WebAddress] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class IrmAssessment(Located):
    specificity: Literal["none", "low", "medium", "high"] | None = None
    potential_impact: Literal["none", "minor", "moderate", "transformative"] | None = None
    potential: Literal["unclear", "modest", "substantial"] | None = None
    completion: (
        Literal["no_evidence", "not_started", "limited", "substantial", "complete"] | None
    ) = None
    early_results: (
        Literal["worsened", "did_not_change", "marginal", "major", "outstanding"] | None
    ) = None
    starred: bool | None = None


@dataclass(kw_only=True, slots=True)
class CommitmentPeriod(Located):
    """A commitment's period: each end a day, a month or a year."""

    start: PartialDate
    end: PartialDate


@dataclass(kw_only=True, slots=True)
class Commitment(Record):
    title: str
    plan: PlanRef
    status: CommitmentStatus
    ogp_id: str | None = None
    theme: str | None = None
    lead: Institution | None = None
    supporting: list[Institution] = field(default_factory=list)
    period: CommitmentPeriod | None = None
    ogp_values: list[OgpValue] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    progress: list[ProgressEntry] = field(default_factory=list)
    irm: IrmAssessment | None = None


# consultations/<id>.md and consultations/<id>/<sid>.md ------------------------------------


@dataclass(kw_only=True, slots=True)
class ConsultationEvent(Located):
    date: date
    place: str | None = None
    kind: str | None = None
    participants: int | None = None


@dataclass(kw_only=True, slots=True)
class Consultation(Record):
    title: str
    opens: date
    closes: date
    plan: PlanRef | None = None
    timeline_published: date | None = None
    channels: list[Channel] = field(default_factory=list)
    events: list[ConsultationEvent] = field(default_factory=list)
    awareness: list[str] = field(default_factory=list)
    summary_published: date | None = None


@dataclass(kw_only=True, slots=True)
class Author(Located):
    name: str | None = None
    organization: str | None = None
    sector: Sector | None = None
    publish_name: bool = False


@dataclass(kw_only=True, slots=True)
class Response(Located):
    outcome: Outcome
    reason: str | None = None
    commitments: list[CommitmentRef] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Submission(Record):
    submitted: date
    channel: Channel | None = None
    author: Author | None = None
    response: Response | None = None
    consultation: str = field(default="", metadata=INTERNAL)

    @property
    def key(self) -> str:
        return f"{self.consultation}/{self.stem}"


# assessments/<id>.md and partners/<id>.md -------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Assessment(Record):
    title: str
    subject: Annotated[str, Ref("plans", also=("forum",))]
    period: Period
    published: date | None = None


@dataclass(kw_only=True, slots=True)
class PointOfContact(Located):
    name: str
    role: str | None = None
    email: str | None = None
    public: bool = False


@dataclass(kw_only=True, slots=True)
class LetterOfIntent(Located):
    sent: date | None = None
    accepted: date | None = None
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class Review(Located):
    date: date
    outcome: str
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class WorkPlan(Located):
    adopted: date | None = None
    url: WebAddress | None = None


@dataclass(kw_only=True, slots=True)
class Partner(Record):
    name: str
    kind: PartnerKind
    point_of_contact: PointOfContact | None = None
    letter_of_intent: LetterOfIntent | None = None
    phases: list[Phase] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    work_plan: WorkPlan | None = None


# organizations/<id>.md ----------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Organization(Record):
    """An institution that leads or supports commitments without a seat (Popolo's
    Organization)."""

    name: str
    sector: Sector | None = None
    parent: OrganizationRef | None = None
    url: WebAddress | None = None
