"""`openforum new KIND [ID]`: write a new record of any kind the loader knows.

The id, when not given, is made the way the Forum's own ids are: a meeting's from its date
and kind (2026-12-01-plenary), a commitment's from its plan (nap5-04, with --set plan=nap5),
a submission's as the next sNN of its consultation, else from a name or title given with
--set, else the kind and a number (partner-1) to be renamed before it is published.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..records.loader import FORUM_FILE
from ..records.problems import did_you_mean
from ..records.values import is_id
from .shape import Choice, Kind, fields_of, kinds
from .template import TIME_PLACEHOLDER, record_text


class NewRecordError(Exception):
    """A request `new` cannot carry out; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class NewRecord:
    path: Path
    record_id: str


def find_kind(word: str) -> Kind:
    """A kind by its folder name or its singular: `meetings` or `meeting`."""
    known = kinds()
    for kind in known:
        if word in (kind.name, kind.singular):
            return kind
    names = [kind.singular for kind in known]
    raise NewRecordError(
        f"unknown kind '{word}'.{did_you_mean(word, names)} Kinds: {', '.join(names)}"
    )


def new_record(
    root: Path, kind: Kind, ids: list[str], preset: dict[str, str], today: date
) -> NewRecord:
    """Write a new record under `root` (the records folder) and say where; never overwrites."""
    keys = {field.key for field in fields_of(kind.cls).fields}
    unknown = [key for key in preset if key not in keys]
    if unknown:
        raise NewRecordError(
            f"--set {unknown[0]}: a {kind.singular} has no such field."
            f"{did_you_mean(unknown[0], keys)} Fields: {', '.join(sorted(keys))}"
        )
    if kind.name != "forum" and not (root / FORUM_FILE).is_file():
        raise NewRecordError(
            f"{root / FORUM_FILE} not found: run this in the Forum's repository, or give the "
            "records folder with --records"
        )
    preset = dict(preset)
    folder, record_id = _place(root, kind, ids, preset, today)
    if kind.name == "meetings":
        _preset_meeting(record_id, preset)
    path = root / FORUM_FILE if kind.name == "forum" else folder / f"{record_id}.md"
    if path.exists():
        if kind.name == "forum":
            raise NewRecordError(f"{path} already exists: a Forum has one forum.md; edit it")
        raise NewRecordError(f"{path} already exists: give another id, or edit that file")
    singular = {k.name: k.singular for k in kinds()}
    text = record_text(kind, record_id, preset, singular)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text)
    return NewRecord(path, record_id)


def _place(
    root: Path, kind: Kind, ids: list[str], preset: dict[str, str], today: date
) -> tuple[Path, str]:
    """The folder of the new record and its id."""
    if kind.name == "forum":
        if ids:
            raise NewRecordError("the forum has no id: run 'openforum new forum'")
        return root, "forum"
    if kind.name == "submissions":
        if not ids:
            raise NewRecordError(
                "a submission belongs to a consultation: run "
                "'openforum new submission CONSULTATION [ID]'"
            )
        consultation, *rest = ids[0].split("/", 1) + ids[1:]
        folder = _consultation_folder(root, consultation)
        if len(rest) > 1:
            raise NewRecordError("give at most a consultation and a submission id")
        given = rest[0] if rest else None
        return folder, _checked(given) if given else _next_numbered(folder, "s", width=2)
    if len(ids) > 1:
        raise NewRecordError(f"give one id at most: openforum new {kind.singular} [ID]")
    folder = root / kind.name
    if ids:
        return folder, _checked(ids[0])
    return folder, _default_id(folder, kind, preset, today)


def _checked(record_id: str) -> str:
    if not is_id(record_id):
        raise NewRecordError(
            f"'{record_id}' is not a valid id: ids are lowercase letters, digits and '-', "
            f"e.g. '{slug(record_id) or 'maria-lopez'}'"
        )
    return record_id


def _consultation_folder(root: Path, consultation: str) -> Path:
    if not (root / "consultations" / f"{consultation}.md").is_file():
        folder = root / "consultations"
        known = sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []
        raise NewRecordError(
            f"no consultation '{consultation}' (there is no consultations/{consultation}.md)."
            f"{did_you_mean(consultation, known)} Write the consultation first: "
            f"openforum new consultation {consultation if is_id(consultation) else ''}".rstrip()
        )
    return root / "consultations" / consultation


def _default_id(folder: Path, kind: Kind, preset: dict[str, str], today: date) -> str:
    if kind.name == "meetings":
        day = preset.get("start", "")[:10] or today.isoformat()
        meeting_kind = preset.get("kind") or _first_value(kind, "kind")
        return _free(folder, f"{day}-{meeting_kind.replace('_', '-')}")
    if kind.name == "commitments" and is_id(preset.get("plan", "")):
        return _next_numbered(folder, f"{preset['plan']}-", width=2)
    words = preset.get("name") or preset.get("title")
    if words and slug(words):
        return _free(folder, slug(words))
    return _next_numbered(folder, f"{kind.singular}-", width=1)


def _preset_meeting(record_id: str, preset: dict[str, str]) -> None:
    """A meeting whose id reads `<date>-<kind>` gets that date and kind in its fields."""
    match = re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})-(.+?)(-[0-9]+)?", record_id)
    if not match:
        return
    preset.setdefault("start", f"{match[1]}T{TIME_PLACEHOLDER}")
    meeting_kind = match[2].replace("-", "_")
    kind_field = next(f for f in fields_of(find_kind("meetings").cls).fields if f.key == "kind")
    if isinstance(kind_field.shape, Choice) and meeting_kind in kind_field.shape.values:
        preset.setdefault("kind", meeting_kind)


def _first_value(kind: Kind, key: str) -> str:
    field = next(f for f in fields_of(kind.cls).fields if f.key == key)
    return field.shape.values[0] if isinstance(field.shape, Choice) else key


def _free(folder: Path, base: str) -> str:
    """`base`, or `base-2`, `base-3`... when a record already has it."""
    candidate, number = base, 1
    while (folder / f"{candidate}.md").exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _next_numbered(folder: Path, prefix: str, width: int) -> str:
    """The next `<prefix><number>` after those in `folder` (s01, s02 -> s03)."""
    pattern = re.compile(re.escape(prefix) + r"([0-9]+)")
    taken = [
        int(match[1])
        for path in (folder.glob("*.md") if folder.is_dir() else [])
        if (match := pattern.fullmatch(path.stem))
    ]
    return f"{prefix}{max(taken, default=0) + 1:0{width}d}"


def slug(words: str) -> str:
    """An id made from words: 'María López' -> 'maria-lopez'."""
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_words.lower()))
