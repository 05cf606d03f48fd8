"""The one place where an export's columns are named: each column set maps the importer's
fields to the headers that hold them, so that another export (another year's column names,
another portal) is supported by adding a set here, not by changing the importer.

Headers are compared without case and with runs of spaces made one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ColumnSet:
    name: str
    description: str
    fields: Mapping[str, tuple[str, ...]]  # field -> headers that may hold it, in preference
    required: tuple[str, ...]  # fields without which the set does not fit a file

    def locate(self, header: Sequence[str]) -> dict[str, int] | None:
        """Field -> column index for a file's header row; None when a required one lacks."""
        positions = {normal(name): index for index, name in enumerate(header)}
        found: dict[str, int] = {}
        for name, headers in self.fields.items():
            index = next((positions[normal(h)] for h in headers if normal(h) in positions), None)
            if index is not None:
                found[name] = index
        return found if all(name in found for name in self.required) else None

    def headers_of(self, name: str) -> str:
        return " or ".join(f"'{h}'" for h in self.fields[name])


def normal(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold()


# The OGP's commitments export (opengovpartnership.org, "Download the commitments data"):
# one row per commitment, every country, every action plan.
OGP_COMMITMENTS = ColumnSet(
    name="ogp",
    description="the OGP's commitments export",
    fields={
        "ogp_id": ("Commitment Unique Identifier", "Commitment ID", "Unique Identifier"),
        "country": ("Country/Locality", "Country", "Member"),
        "title": ("Commitment Title", "Short Title", "Title"),
        "plan_id": ("Action Plan ID", "Action Plan"),
        "plan_number": ("Action Plan Number",),
        "number": ("Commitment Number", "Commitment No."),
        "plan_start": ("Year Of Submission", "Action Plan Start Year", "Submission Year"),
        "plan_end": ("Action Plan End Year",),
        "text": ("Full Text", "Commitment Text", "Description"),
        "theme": ("Theme", "Policy Area", "Policy Areas"),
        "lead": ("Lead Institution", "Lead Institutions", "Lead Agency"),
        "supporting": (
            "Supporting Institution(s)",
            "Supporting Institutions",
            "Other Actors Involved",
        ),
        "start": ("Start Date",),
        "end": ("End Date",),
        "completion_midterm": ("Completion (Progress Report)", "Completion (Midterm)"),
        "completion_final": ("Completion (End Of Term)", "Completion (Final)"),
        "starred": ("Starred", "Starred Commitment"),
    },
    required=("ogp_id", "country", "title"),
)

COLUMN_SETS: dict[str, ColumnSet] = {OGP_COMMITMENTS.name: OGP_COMMITMENTS}
