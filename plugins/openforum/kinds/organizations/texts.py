"""What the `organizations` kind and its fields mean, for `openforum new`, the JSON Schema
and docs/field-reference.md (records/descriptions.py gathers every kind's)."""

from __future__ import annotations

from ...records.text_types import KindText, Text

ABOUT = KindText(
    "An institution (ministry, agency, NGO, company) that leads or supports commitments "
    "without holding a seat on the Forum.",
    "What the institution does, in a few lines.",
)

FIELDS = {
    "Organization.name": Text("The institution's name.", "Central Procurement Authority"),
    "Organization.sector": Text("The sector it belongs to."),
    "Organization.parent": Text(
        "The organization it is part of: another organization's id.", "ministry-of-finance"
    ),
    "Organization.url": Text("Its website."),
}
