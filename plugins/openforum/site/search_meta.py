"""What the full-text search (Pagefind) learns of a generated page besides its text.

Record pages are indexed whole; each gets filters (kind, status, plan, year) that the
search box offers. Section pages (lists, the timeline, accountability, data) are not
indexed: they repeat the records' titles and would crowd the records out of the results.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..records import ForumRecords
from . import labels

# The kind's name in the search's "Kind" filter; a kind not listed is named from its folder.
KIND_NAMES = {
    "commitments": labels.N_("Commitment"),
    "plans": labels.N_("Action plan"),
    "meetings": labels.N_("Meeting"),
    "members": labels.N_("Member"),
    "consultations": labels.N_("Consultation"),
    "assessments": labels.N_("Self-assessment"),
    "partners": labels.N_("Partner"),
}
PAGE_KIND = labels.N_("Page")  # hand-written pages, and the Forum's own page


def search_meta(records: ForumRecords, src: str) -> dict[str, Any] | None:
    """{"filters": {name: value}} for a record page, or None: the page is not indexed."""
    kind, _, rest = src.partition("/")
    if src == "forum/index.md":
        return {"filters": {"kind": labels._(PAGE_KIND)}}
    if rest == "index.md" or "/" in rest or not rest.endswith(".md"):
        return None
    key = rest.removesuffix(".md")
    kind_records = getattr(records, kind, None)  # a kind added later is found by its folder
    record = kind_records.get(key) if isinstance(kind_records, dict) else None
    if record is None:
        return None
    filters = {
        "kind": labels._(KIND_NAMES[kind]) if kind in KIND_NAMES else labels.label(kind[:-1])
    }
    status = getattr(record, "status", None)
    if isinstance(status, str):
        filters["status"] = labels.label(status)
    plan_id = key if kind == "plans" else getattr(record, "plan", None)
    plan = records.plans.get(plan_id) if isinstance(plan_id, str) else None
    if plan is not None:
        filters["plan"] = plan.title
    year = _year(record)
    if year is not None:
        filters["year"] = str(year)
    return {"filters": filters}


def _year(record: object) -> int | None:
    """The year a reader files the record under: when it met, opened, began or was published."""
    for name in ("start", "opens", "published", "period", "submitted"):
        value = getattr(record, name, None)
        value = getattr(value, "start", value)  # a period: its start
        if isinstance(value, date | datetime):
            return value.year
    seats = getattr(record, "seats", None)
    if seats:
        starts = [seat.start for seat in seats if getattr(seat, "start", None)]
        return min(starts).year if starts else None
    return None
