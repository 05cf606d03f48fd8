"""The parts of the model that several record kinds share: what every record has, references
between records, documents, periods and the vocabularies more than one kind uses.

Field names and vocabularies are the contract's (design/records.md): add, never rename. A
field without a default is required. `Annotated[str, Ref(kind)]` marks a reference to
another record, resolved after loading; `key("for")` maps YAML keys that are Python keywords.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from .schema import INTERNAL, Located
from .values import URL, Ref

MemberRef = Annotated[str, Ref("members")]


MeetingRef = Annotated[str, Ref("meetings")]


PlanRef = Annotated[str, Ref("plans")]


CommitmentRef = Annotated[str, Ref("commitments")]


ConsultationRef = Annotated[str, Ref("consultations")]


OrganizationRef = Annotated[str, Ref("organizations")]


# An institution: the id of a member or an organization, or its name in words
# (records.md, "References in words").
INSTITUTIONS = Ref("members", free_text=True, or_kinds=("organizations",))
Institution = Annotated[str, INSTITUTIONS]


WebAddress = Annotated[str, URL]


DecisionRule = Literal["consensus", "simple_majority", "absolute_majority", "qualified_majority"]


Sector = Literal[
    "government",
    "civil_society",
    "private_sector",
    "academia",
    "parliament",
    "multilateral",
    "other",
]


Phase = Literal["eligibility", "development", "implementation", "assessment", "follow_up"]


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


DocumentKind = Literal["agenda", "minutes", "paper", "presentation", "recording", "report"]


MilestoneStatus = Literal["not_started", "in_progress", "complete", "cancelled", "not_reported"]


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
