"""The open data page: every export, its format, fields and licence, with download links.

Written from the exports themselves (the Data Package describes the tables), so the page
cannot drift from what is published.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
    ("api/index.json", "JSON", "Index of the JSON API: every collection, its count and address"),
    ("data/datapackage.json", "Data Package", "Describes every CSV table, field and type"),
    ("api/popolo.json", "Popolo JSON", "People, organisations, seats, meetings, motions, votes"),
    ("calendar.ics", "iCalendar", "Every meeting; subscribe to follow announcements and changes"),
    ("calendars/consultations.ics", "iCalendar", "Consultation windows"),
    ("calendars/milestones.ics", "iCalendar", "Commitment milestones by due date"),
    ("feeds/updates.atom", "Atom", "Meetings announced, minutes, decisions, status changes"),
    ("published-urls.txt", "Text", "Every address the site has published; none ever breaks"),
)
PER_RECORD = (
    ("api/<kind>/<id>.json", "JSON", "One record, with facts derived from it under 'derived'"),
    ("api/<kind>.json", "JSON", "All records of a kind"),
    ("api/submissions/<consultation>/<id>.json", "JSON", "One submission and its response"),
    ("feeds/commitments/<id>.atom", "Atom", "Follow one commitment"),
    ("feeds/plans/<id>.atom", "Atom", "Follow one action plan"),
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
        "Open data",
        downloads=downloads,
        patterns=PER_RECORD,
        tables=tables,
        package=package,
        licence=(package.get("licenses") or [{}])[0],
    )
