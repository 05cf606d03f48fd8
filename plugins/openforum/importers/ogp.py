"""`openforum import ogp`: plans and commitments from the OGP's commitments export.

One row per commitment, every country. The rows of one country (`--country`, and of one
action plan with `--plan`) become `plans/<id>.md` and `commitments/<id>.md`; institutions
stay in words (records.md, "References in words"). What the export does not say is left
out, and a commitment whose completion was never reported is `not_reported`.

Every row that cannot be read is reported on a line of its own and skipped; the records
of the others are made in full before any file is written (see `write.py`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..records.partial_dates import read_partial_date
from ..records.record_writer import record_text
from ..records.values import is_id
from .cells import (
    CellError,
    missing,
    read_date,
    read_flag,
    read_institutions,
    read_irm_completion,
    read_status,
    read_year,
)
from .columns import COLUMN_SETS, ColumnSet, normal


class ImportError_(Exception):
    """The file as a whole cannot be imported (no header this importer knows, no rows for
    the country); the message says why and what to do."""


@dataclass(slots=True)
class Imported:
    files: dict[str, str] = field(default_factory=dict)  # path under the records -> text
    errors: list[str] = field(default_factory=list)  # one per row that could not be read
    notes: list[str] = field(default_factory=list)  # what was changed or left out, per row
    commitments: int = 0
    plans: int = 0


@dataclass(slots=True)
class _Row:
    line: int  # where the row starts (a cell may hold line breaks)
    cells: dict[str, str]
    headers: dict[str, str]  # field -> the header it was read from, for messages

    def get(self, name: str) -> str:
        return self.cells.get(name, "").strip()

    def column(self, name: str) -> str:
        return f"'{self.headers[name]}'" if name in self.headers else OGP.headers_of(name)


def read_rows(path: Path) -> tuple[ColumnSet, list[_Row]]:
    text = _decode(path.read_bytes())
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, None)
    if not header:
        raise ImportError_(f"{path}: the file is empty: give the CSV of the commitments export")
    for column_set in COLUMN_SETS.values():
        located = column_set.locate(header)
        if located is not None:
            break
    else:
        wanted = ", ".join(OGP.headers_of(name) for name in OGP.required)
        raise ImportError_(
            f"{path}:1: the header names none of the columns this importer reads; it needs {wanted}"
        )
    rows = []
    headers = {name: header[index] for name, index in located.items()}
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            values = {n: cells[i] if i < len(cells) else "" for n, i in located.items()}
            rows.append(_Row(start, values, headers))
        start = reader.line_num + 1
    return column_set, rows


OGP = COLUMN_SETS["ogp"]


def import_ogp(path: Path, country: str, plan: str | None, today: date) -> Imported:
    _, rows = read_rows(path)
    mine = [row for row in rows if normal(row.get("country")) == normal(country)]
    if not mine:
        seen = sorted({row.get("country") for row in rows if row.get("country")})
        close = [c for c in seen if normal(country) in normal(c) or normal(c) in normal(country)]
        hint = f" Did you mean {', '.join(repr(c) for c in close[:3])}?" if close else ""
        raise ImportError_(
            f"{path}: no row has the country '{country}' ({len(seen)} countries in the "
            f"file).{hint} Write --country as the export spells it."
        )
    result = Imported()
    plans: dict[str, dict[str, Any]] = {}
    seen_ids: dict[str, int] = {}
    for row in mine:
        where = f"{path}:{row.line}"
        try:
            plan_id, plan_front = _plan(row)
            if plan and plan not in (plan_id, row.get("plan_id")):
                continue
            commitment_id, front, body, notes = _commitment(row, plan_id, where)
        except CellError as error:
            result.errors.append(f"{where}: {error}; the row is skipped")
            continue
        if commitment_id in seen_ids:
            result.errors.append(
                f"{where}: the commitment {front['ogp_id']} is also on line "
                f"{seen_ids[commitment_id]}; the row is skipped"
            )
            continue
        seen_ids[commitment_id] = row.line
        plans.setdefault(plan_id, plan_front)
        result.notes.extend(notes)
        result.files[f"commitments/{commitment_id}.md"] = record_text(front, body)
        result.commitments += 1
    if plan and not plans:
        raise ImportError_(f"{path}: no commitment of {country} belongs to the plan '{plan}'")
    for plan_id, plan_front in sorted(plans.items()):
        end = plan_front.pop("_end_year")
        plan_front["status"] = "closed" if end < today.year else "implementation"
        result.files[f"plans/{plan_id}.md"] = record_text(plan_front)
        result.plans += 1
    return result


def forum_file(country: str) -> str:
    """A forum.md for a records folder that has none yet, to fill in before publishing."""
    return record_text(
        {"name": f"Open Government Forum of {country}", "country": country, "timezone": "UTC"},
        "Imported from the OGP's commitments export. Complete the Forum's rules, members "
        "and timezone here.",
    )


def _plan(row: _Row) -> tuple[str, dict[str, Any]]:
    start = read_year(row.get("plan_start"))
    end = read_year(row.get("plan_end"))
    if start is None and end is None:
        raise CellError(
            f"the action plan's years are missing ({row.column('plan_start')}, "
            f"{row.column('plan_end')})"
        )
    start = start if start is not None else end - 2  # type: ignore[operator]
    end = end if end is not None else start + 2
    if end < start:
        raise CellError(f"the action plan ends ({end}) before it is submitted ({start})")
    number_text = row.get("plan_number")
    number = int(number_text) if number_text.isdigit() else None
    given = row.get("plan_id")
    if given and not missing(given):
        plan_id = slug(given)
    elif number is not None:
        plan_id = f"nap{number}"
    else:
        plan_id = f"nap-{start}-{end}"
    title = f"National Action Plan {start}-{end}"
    if number is not None:
        title = f"National Action Plan {number} ({start}-{end})"
    front: dict[str, Any] = {
        "title": title,
        "number": number,
        "period": {"start": f"{start}-01-01", "end": f"{end}-12-31"},
        "_end_year": end,
    }
    return plan_id, front


def _commitment(row: _Row, plan_id: str, where: str) -> tuple[str, dict[str, Any], str, list[str]]:
    ogp_id = " ".join(row.get("ogp_id").split())
    if not ogp_id or missing(ogp_id):
        raise CellError(f"no commitment identifier ({row.column('ogp_id')})")
    commitment_id = slug(ogp_id)
    title = " ".join(row.get("title").split())
    if not title:
        raise CellError(f"the commitment {ogp_id} has no title ({row.column('title')})")
    notes: list[str] = []
    leads, removed = read_institutions(row.get("lead"))
    supporting, removed_too = read_institutions(row.get("supporting"))
    for what, column in [(r, "lead") for r in removed] + [(r, "supporting") for r in removed_too]:
        notes.append(f"{where}: removed {what} from {row.column(column)}: it would be published")
    supporting = leads[1:] + [s for s in supporting if s not in leads]
    final, midterm = row.get("completion_final"), row.get("completion_midterm")
    status = read_status(final) or read_status(midterm) or "not_reported"
    irm = {"completion": read_irm_completion(final), "starred": read_flag(row.get("starred"))}
    front: dict[str, Any] = {
        "title": title,
        "plan": plan_id,
        "ogp_id": ogp_id,
        "theme": row.get("theme") if not missing(row.get("theme")) else None,
        "lead": leads[0] if leads else None,
        "supporting": supporting,
        "period": _period(row, plan_id, where, notes),
        "status": status,
        "irm": irm,
    }
    body = row.get("text").replace("\r\n", "\n")
    return commitment_id, front, "" if missing(body) else body, notes


def _period(row: _Row, plan_id: str, where: str, notes: list[str]) -> dict[str, str] | None:
    try:
        start = read_date(row.get("start")) or _year(row.get("plan_start"))
        end = read_date(row.get("end")) or _year(row.get("plan_end"))
    except CellError as error:
        notes.append(f"{where}: {error}; the commitment's period is left out")
        return None
    if not start or not end:
        return None
    if read_partial_date(start).first_day > read_partial_date(end):
        notes.append(
            f"{where}: the commitment ends ({end}) before it starts ({start}); its "
            "period is left out"
        )
        return None
    return {"start": start, "end": end}


def _year(text: str) -> str | None:
    year = read_year(text)
    return str(year) if year is not None else None


def slug(text: str) -> str:
    """A record id from a text: 'AL0002' -> 'al0002', 'Plan 2 (2014)' -> 'plan-2-2014'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    made = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    if not made or not is_id(made):
        raise CellError(f"'{text}' cannot be made into a record id")
    return made


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # spreadsheets saved as "CSV (Windows)"
