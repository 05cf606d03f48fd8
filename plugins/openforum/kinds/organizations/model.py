"""The model of organizations/<id>.md: an institution that leads or supports commitments without
a seat (records.md, "Version 2 additions")."""

from __future__ import annotations

from dataclasses import dataclass

from ...records.fields import OrganizationRef, Record, Sector, WebAddress


@dataclass(kw_only=True, slots=True)
class Organization(Record):
    """An institution that leads or supports commitments without a seat (Popolo's
    Organization)."""

    name: str
    sector: Sector | None = None
    parent: OrganizationRef | None = None
    url: WebAddress | None = None
