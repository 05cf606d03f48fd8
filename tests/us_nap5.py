"""Test-only converter: the real US NAP5 records (/work/shared/realdata/us-nap5) into
the data contract's records, the way a secretariat would move them over.

- `_commitments/US01NN.md` -> `commitments/us01nn.md`; its sub-commitments
  (`_subcommitments/us01nn-K.md`) become its milestones, their statuses mapped
  ("Complete", "In Progress", "Not Started", quoted or not; none: not_reported).
- The lead agency is named in words; "A <br> B" names the department, then the office:
  the first is the lead, the others support.
- `meetings/*.md` -> `meetings/<date>-<name>.md`, public sessions held on the date their
  title gives (to the day when given, else the first of the month).
The pages' own text (minutes with HTML, bullet lists, relative links) is kept as written.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from openforum.importers.cells import MONTHS, read_institutions
from openforum.records.record_writer import record_text

SOURCE = Path("/work/shared/realdata/us-nap5")
STATUSES = {
    "complete": "complete",
    "completed": "complete",
    "in progress": "in_progress",
    "on track": "in_progress",
    "progress": "in_progress",
    "not started": "not_started",
}
_DATE_IN_WORDS = re.compile(
    r"(?P<month>[A-Za-z]+)[\s-]+(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?,?[\s-]+)?(?P<year>\d{4})"
)
NOT_A_MEETING = {"Public-Meetings"}  # the schedule page, not a meeting


def _page(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def milestone_status(value: object) -> str:
    return STATUSES.get(str(value or "").strip().casefold(), "not_reported")


def commitment_status(milestones: list[str]) -> str:
    """The IRM scale from the share of sub-commitments complete."""
    if not milestones or all(s == "not_reported" for s in milestones):
        return "not_reported"
    done = sum(s == "complete" for s in milestones)
    if done == len(milestones):
        return "complete"
    if done * 2 >= len(milestones):
        return "substantial"
    started = any(s in ("complete", "in_progress") for s in milestones)
    return "limited" if started else "not_started"


def convert(target: Path, source: Path = SOURCE) -> None:
    (target / "commitments").mkdir(parents=True)
    (target / "plans").mkdir()
    (target / "meetings").mkdir()
    (target / "forum.md").write_text(
        record_text(
            {
                "name": "U.S. Open Government Multi-Stakeholder Forum",
                "country": "United States",
                "timezone": "America/New_York",
                "languages": ["en"],
                "mandate": "consultative",
            },
            "Converted from the public records of the fifth U.S. National Action Plan.",
        ),
        encoding="utf-8",
    )
    (target / "plans" / "nap5.md").write_text(
        record_text(
            {
                "title": "Fifth U.S. Open Government National Action Plan",
                "number": 5,
                "period": {"start": "2022-12-29", "end": "2024-12-31"},
                "status": "implementation",
            }
        ),
        encoding="utf-8",
    )
    for path in sorted((source / "_commitments").glob("*.md")):
        _commitment(path, source, target)
    for path in sorted((source / "meetings").glob("*.md")):
        _meeting(path, target)


def _commitment(path: Path, source: Path, target: Path) -> None:
    front, _ = _page(path)
    ogp_id = str(front["commitment_id"])
    milestones: list[dict[str, Any]] = []
    agencies: list[str] = []
    notes: list[str] = []
    for sub_path in sorted((source / "_subcommitments").glob(f"{ogp_id.lower()}-*.md")):
        sub, sub_body = _page(sub_path)
        number = sub_path.stem.rsplit("-", 1)[1]
        names, _ = read_institutions(str(sub.get("commitment_agency") or ""))
        agencies += [name for name in names if name not in agencies]
        milestones.append(
            {
                "id": number,
                "title": str(sub.get("commitment_detail_sub") or sub["title"]),
                "status": milestone_status(sub.get("commitment_status")),
            }
        )
        progress = str(sub.get("aug_2023_progress") or "").strip()
        notes.append(
            f"## Sub-commitment {number}\n\n"
            + (f"August 2023: {progress}\n\n" if progress else "")
            + sub_body.strip()
        )
    record = {
        "title": front["title"],
        "plan": "nap5",
        "ogp_id": ogp_id,
        "theme": front.get("commitment_theme_name"),
        "lead": agencies[0] if agencies else None,
        "supporting": agencies[1:],
        "status": commitment_status([m["status"] for m in milestones]),
        "milestones": milestones,
    }
    body = "\n\n".join([str(front.get("commitment_detail_sub") or ""), *notes])
    out = target / "commitments" / f"{ogp_id.lower()}.md"
    out.write_text(record_text(record, body), encoding="utf-8")


def meeting_day(title: str, file_stem: str) -> date:
    for text in (title, file_stem):
        for match in _DATE_IN_WORDS.finditer(text):
            month = MONTHS.get(match["month"].casefold())
            if month:
                return date(int(match["year"]), month, int(match["day"] or 1))
    raise ValueError(f"no date in {title!r} or {file_stem!r}")


def _meeting(path: Path, target: Path) -> None:
    stem = path.name.removesuffix(".md").removesuffix(".md")  # one file is *.md.md
    if stem in NOT_A_MEETING:
        return
    front, body = _page(path)
    heading = next((line.lstrip("# ") for line in body.splitlines() if line.startswith("###")), "")
    title = str(front.get("title") or "")
    if title in ("", "Public Meetings") and heading:
        title = heading
    day = meeting_day(title, stem)
    name = re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-")
    record = {
        "title": title,
        "kind": "public_session",
        "status": "held",
        "start": f"{day.isoformat()}T10:00",
    }
    out = target / "meetings" / f"{day.isoformat()}-{name}.md"
    out.write_text(record_text(record, body), encoding="utf-8")
