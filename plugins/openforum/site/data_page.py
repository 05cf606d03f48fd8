"""The open data page: every export, its format, fields and licence, with download links.

Written from the exports themselves (the Data Package describes the tables), so the page
cannot drift from what is published.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import labels
from .context import Context, GeneratedPage
from .urls import relative_file, section_src

SRC = section_src("data")


@dataclass(frozen=True, slots=True)
class Download:
    path: str
    href: str
    format: str
    description: str


# Whole-forum files, in the order a reuser looks for them.
WHOLE_FORUM = (
    (
        "api/index.json",
        "JSON",
        labels.N_("Index of the JSON API: every collection, its count and address"),
    ),
    (
        "data/datapackage.json",
        "Data Package",
        labels.N_("Describes every CSV table, field and type"),
    ),
    (
        "api/popolo.json",
        "Popolo JSON",
        labels.N_("People, organisations, seats, meetings, motions, votes"),
    ),
    (
        "calendar.ics",
        "iCalendar",
        labels.N_("Every meeting; subscribe to follow announcements and changes"),
    ),
    ("calendars/consultations.ics", "iCalendar", labels.N_("Consultation windows")),
    ("calendars/milestones.ics", "iCalendar", labels.N_("Commitment milestones by due date")),
    (
        "feeds/updates.atom",
        "Atom",
        labels.N_("Meetings announced, minutes, decisions, status changes"),
    ),
    (
        "published-urls.txt",
        "Text",
        labels.N_("Every address the site has published; none ever breaks"),
    ),
)
PER_RECORD = (
    (
        "api/<kind>/<id>.json",
        "JSON",
        labels.N_("One record, with facts derived from it under 'derived'"),
    ),
    ("api/<kind>.json", "JSON", labels.N_("All records of a kind")),
    (
        "api/submissions/<consultation>/<id>.json",
        "JSON",
        labels.N_("One submission and its response"),
    ),
    ("feeds/commitments/<id>.atom", "Atom", labels.N_("Follow one commitment")),
    ("feeds/plans/<id>.atom", "Atom", labels.N_("Follow one action plan")),
)


def data_page(ctx: Context, data: Mapping[str, str]) -> GeneratedPage:
    """The page about the open data; `data` holds at least data/datapackage.json (every
    export build writes the files of WHOLE_FORUM)."""
    package: dict[str, Any] = json.loads(data.get("data/datapackage.json", "{}"))
    downloads = [
        Download(path, relative_file(SRC, path), kind, text) for path, kind, text in WHOLE_FORUM
    ]
    tables = [
        (resource, relative_file(SRC, f"data/{resource['path']}"))
        for resource in package.get("resources", [])
    ]
    return ctx.page(
        SRC,
        "data.html.j2",
        labels._("Open data"),
        downloads=downloads,
        patterns=PER_RECORD,
        tables=tables,
        package=package,
        licence=(package.get("licenses") or [{}])[0],
    )
