"""The `organizations` kind in Popolo: an Organization each, with `parent_id`."""

from __future__ import annotations

from typing import Any

from ...exports.context import ExportContext
from . import ORGANIZATIONS


def popolo_organizations(ctx: ExportContext) -> list[dict[str, Any]]:
    """Popolo Organizations, with `parent_id` for an organization's parent."""
    found = []
    kind = ORGANIZATIONS.name
    for key, organization in sorted(ctx.records.organizations.items()):
        entry: dict[str, Any] = {
            "id": f"{kind}/{key}",
            "name": organization.name,
            "classification": organization.sector,
            "parent_id": f"{kind}/{organization.parent}" if organization.parent else None,
            "other_names": [{"name": alias, "note": "old id"} for alias in organization.aliases],
            "links": [{"url": ctx.page(kind, key), "note": "Page on the Forum's site"}],
        }
        if organization.url:
            entry["links"].append({"url": organization.url, "note": "Website"})
        found.append(entry)
    return found


# What the Popolo export asks of a kind (exports/popolo.py).
organizations = popolo_organizations
