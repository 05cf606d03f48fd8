"""Record kinds as units: each package `kinds/<kind>/` holds one kind's model, checks, pages,
table, Popolo part and words. They are registered here, once: a kind is one field of
`ForumRecords` (`<kind>: dict[str, Model] = KIND.registered`, with its import); every list
of kinds is read from those fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from ..records.fields import Record
from ..records.schema import Reference, ReferenceList
from ..records.translation_types import Translations
from .assessments import ASSESSMENTS, Assessment
from .commitments import COMMITMENTS, Commitment
from .consultations import CONSULTATIONS, Consultation
from .consultations.model import Submission
from .forum.model import Forum
from .kind import Kind
from .meetings import MEETINGS, Meeting
from .members import MEMBERS, Member
from .organizations import ORGANIZATIONS, Organization
from .partners import PARTNERS, Partner
from .plans import PLANS, Plan


@dataclass(slots=True)
class ForumRecords:
    """Every record of one Forum, by kind and id (submissions by `consultation/sid`).

    The order of the kinds' fields is the order of the Forum's data (its open data lists
    its collections in it).
    """

    root: Path
    forum: Forum | None = None
    members: dict[str, Member] = MEMBERS.registered
    meetings: dict[str, Meeting] = MEETINGS.registered
    plans: dict[str, Plan] = PLANS.registered
    commitments: dict[str, Commitment] = COMMITMENTS.registered
    consultations: dict[str, Consultation] = CONSULTATIONS.registered
    submissions: dict[str, Submission] = field(default_factory=dict)
    assessments: dict[str, Assessment] = ASSESSMENTS.registered
    partners: dict[str, Partner] = PARTNERS.registered
    organizations: dict[str, Organization] = ORGANIZATIONS.registered
    references: list[Reference] = field(default_factory=list)
    # Lists of ids read as one (see ReferenceList): every id written is in one or the other.
    reference_lists: list[ReferenceList] = field(default_factory=list)
    unreadable: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) of broken files
    translations: Translations = field(default_factory=Translations)  # `<id>.<lang>.md` files

    def of_kind(self, kind: str) -> dict[str, Record]:
        """The records of `kind` by id; none for a kind not registered."""
        records: dict[str, Record] = getattr(self, kind, {})
        return records

    def counts(self) -> dict[str, int]:
        counts = {"forum": 1 if self.forum else 0}
        for kind in (*KINDS, "submissions"):
            counts[kind] = len(self.of_kind(kind))
        return counts

    def all_records(self) -> list[Record]:
        records: list[Record] = [self.forum] if self.forum else []
        for kind in (*KINDS, "submissions"):
            records.extend(self.of_kind(kind).values())
        return records


REGISTRY: tuple[Kind, ...] = tuple(
    f.metadata["kind"] for f in fields(ForumRecords) if "kind" in f.metadata
)
"""Every kind with a folder of records, in the order of the Forum's data."""
KINDS: dict[str, Kind] = {kind.name: kind for kind in REGISTRY}
SECTIONS: tuple[Kind, ...] = tuple(sorted(REGISTRY, key=lambda kind: kind.place))
"""The kinds with a page per record, in the order of the site's sections."""
SINGULAR: dict[str, str] = {kind.name: kind.singular for kind in REGISTRY} | {
    "submissions": "submission"
}
