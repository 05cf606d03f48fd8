"""The CSV files and the Frictionless Data Package (v1, Table Schema) that describes them.

    data/datapackage.json      every file, field, type, key and licence
    data/<table>.csv           see TABLES

Paths inside datapackage.json are relative to it, so the folder works once downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..kinds import REGISTRY
from . import tables_forum, tables_indicators, tables_plans
from .context import ExportContext, dump_json
from .tables import Table

FOLDER = "data"
PACKAGE = f"{FOLDER}/datapackage.json"  # what the site's open data page describes

# The Forum decides its data licence; this default (the one the OGP uses for its own
# material) is what the exports say until the site configuration names another.
DEFAULT_LICENSE: dict[str, str] = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


TableMaker = Callable[[ExportContext], Table]
TABLES: tuple[TableMaker, ...] = (
    tables_plans.plans,
    tables_plans.commitments,
    tables_plans.milestones,
    tables_indicators.indicators,
    tables_plans.progress,
    tables_plans.consultations,
    tables_plans.submissions,
    tables_forum.meetings,
    tables_forum.agenda_items,
    tables_forum.decisions,
    tables_forum.attendance,
    tables_forum.members,
    tables_forum.seats,
    tables_forum.resources,
    # then the tables of the kinds that keep theirs in their own package (`kinds_tables`)
)


def kinds_tables() -> tuple[TableMaker, ...]:
    """The tables of every registered kind with a `table` part (kinds/<kind>/table.py)."""
    found: list[TableMaker] = []
    for kind in REGISTRY:
        found.extend(kind.hook("table", "TABLES") or ())
    return tuple(found)


DIALECT = {"delimiter": ",", "doubleQuote": True, "lineTerminator": "\r\n", "header": True}


def package_name(forum_name: str) -> str:
    """A Data Package name: lowercase letters, digits, '-', '_' and '.'."""
    return re.sub(r"[^a-z0-9]+", "-", forum_name.lower()).strip("-") or "openforum"


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field = {"name": column.name, "type": column.type, "description": column.description}
        if column.format:
            field["format"] = column.format
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [k.column], "reference": {"resource": k.resource, "fields": [k.reference]}}
            for k in table.foreign_keys
        ]
    return schema


def _resource(table: Table) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": table.path,
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": DIALECT,
        "schema": _schema(table),
    }


def data_files(ctx: ExportContext, license_: dict[str, str]) -> Iterator[tuple[str, str]]:
    built = []
    for make in (*TABLES, *kinds_tables()):
        table = make(ctx)
        yield f"{FOLDER}/{table.path}", table.csv()
        table.clear()  # the package describes its columns only: the rows may be millions
        built.append(table)
    package = {
        "profile": "tabular-data-package",
        "name": package_name(ctx.forum_name),
        "title": f"{ctx.forum_name}: open data",
        "description": (
            "The public records of the Forum as tables. Columns described as 'Derived' are "
            f"computed by the site as of {ctx.today.isoformat()}; the others are as recorded. "
            "Empty cells are missing values; several ids or addresses in one cell are "
            "separated by a space; date-times are in UTC. Contact details and submission "
            "authors' names appear only with consent. A text that a spreadsheet would run as "
            "a formula (starting with = + - or @) is written after a single quote (')."
        ),
        "homepage": ctx.site_url,
        "licenses": [license_],
        "resources": [_resource(table) for table in built],
    }
    yield PACKAGE, dump_json(package)
