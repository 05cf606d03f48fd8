"""`openforum new --lang fr KIND ID`: the translation file of an existing record, to fill.

It holds the record's translatable fields only (records.md, "Translations"), each with the
original's text behind the placeholder `<translate>`, which the loader refuses: a file
left half done is an error naming the line, never a page in the wrong language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..records import load_forum
from ..records.loader import FORUM_FILE
from ..records.model import Record, Submission
from ..records.translation_types import Where
from ..records.translations import LANGUAGE, PLACEHOLDER, text_fields
from ..site.language_marks import language_name
from .new import NewRecord, NewRecordError
from .shape import Kind


def new_translation(root: Path, kind: Kind, ids: list[str], language: str) -> NewRecord:
    """Write `<id>.<language>.md` beside the record; never overwrites."""
    records, _ = load_forum(root)  # other records' problems do not stop a translation
    forum = records.forum
    if forum is None:
        raise NewRecordError(
            f"{root / FORUM_FILE} cannot be read: run this in the Forum's repository, or give "
            "the records folder with --records"
        )
    if not LANGUAGE.fullmatch(language) or language not in forum.languages[1:]:
        others = ", ".join(forum.languages[1:]) or "none yet"
        raise NewRecordError(
            f"--lang {language}: translations are into forum.md's languages after the first "
            f"({others}); add '{language}' to languages in forum.md first"
        )
    record = _original(records, kind, ids)
    target = record.path.with_name(f"{record.path.stem}.{language}.md")
    if target.exists():
        raise NewRecordError(f"{target} exists already: edit it, or remove it to start again")
    name = record.path.relative_to(root).as_posix()
    target.write_text(_text(record, name, language, forum.languages[0]), encoding="utf-8")
    return NewRecord(target, record.key)


def _original(records: Any, kind: Kind, ids: list[str]) -> Record:
    if kind.name == "forum":
        assert records.forum is not None
        found: Record = records.forum
        return found
    expected = 2 if kind.cls is Submission else 1
    if len(ids) != expected:
        shape = "CONSULTATION ID" if expected == 2 else "ID"
        raise NewRecordError(f"name the {kind.singular} to translate: new --lang LANG {shape}")
    key = "/".join(ids)
    folder = "submissions" if kind.cls is Submission else kind.name
    record: Record | None = records.of_kind(folder).get(key)
    if record is None:
        raise NewRecordError(
            f"no {kind.singular} '{key}' to translate: the original is written first "
            f"({kind.location})"
        )
    return record


def _text(record: Record, name: str, language: str, default: str) -> str:
    theirs = language_name(language, "en")
    ours = language_name(default, "en")
    head = (
        f"# Translation into {theirs} of {name}. Replace each '{PLACEHOLDER} ...'\n"
        f"# by the {theirs} text; delete a line to keep the {ours} text (marked as {ours}).\n"
        "# Only these fields are translated: every other value comes from the original.\n"
    )
    front = _nested(record, text_fields(record))
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100) if front else ""
    body = f"{PLACEHOLDER}\n\n{record.body.strip()}\n" if record.body.strip() else ""
    return f"---\n{head}{dumped}---\n{body}"


def _nested(record: Record, texts: dict[Where, str]) -> dict[str, Any]:
    """The texts at their place: mappings by field, list items with their `id` (matched by
    it) or at their position (empty items keep the others' places)."""
    root: dict[Any, Any] = {}
    for where, text in texts.items():
        into: dict[Any, Any] = root
        obj: Any = record
        for part in where[:-1]:
            obj = obj[part] if isinstance(part, int) else getattr(obj, part)
            into = into.setdefault(part, {})
            if isinstance(part, int) and hasattr(obj, "id"):
                into.setdefault("id", str(obj.id))
        into[where[-1]] = f"{PLACEHOLDER} {text}"
    nested: dict[str, Any] = _lists(root)
    return nested


def _lists(node: Any) -> Any:
    """Mappings keyed by list index become lists: items with an id as they come, others
    padded with empty items up to their position."""
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(key, int) for key in node):
        items = {index: _lists(item) for index, item in node.items()}
        if all("id" in item for item in items.values()):
            return [items[index] for index in sorted(items)]
        return [items.get(index, {}) for index in range(max(items) + 1)]
    return {key: _lists(value) for key, value in node.items()}
