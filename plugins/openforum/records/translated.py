"""The records in one of the Forum's languages, and how far each language is translated.

A record with a translation is copied and the copy's texts replaced (the loaded records stay
as read: `mkdocs serve` keeps them across rebuilds); every other record is shared. What no
translation covers keeps the default language's text, and `untranslated` says which, so
pages can mark it with that language.

A translation is stale when its original has a later Git commit (records.md): the versions
come from the one `git log` of the records folder that the build reads for citations.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..kinds import KINDS, ForumRecords
from .model import Record
from .translation_types import Translation, Where
from .translations import text_fields

State = Literal["translated", "stale", "missing"]
STATES: tuple[State, ...] = ("translated", "stale", "missing")


@dataclass(frozen=True, slots=True)
class Untranslated:
    """What shows in the default language on the pages of one language."""

    language: str  # the default language, which marks these texts
    texts: frozenset[str] = frozenset()  # texts of records not (or not wholly) translated
    bodies: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, key) -> body
    records: frozenset[tuple[str, str]] = frozenset()  # records with no translation at all


def in_language(records: ForumRecords, language: str) -> tuple[ForumRecords, Untranslated]:
    """The records as published in `language`, and what stays in the default language."""
    assert records.forum is not None
    default = records.forum.languages[0]
    if language == default:
        return records, Untranslated(default)
    translated = copy.copy(records)
    texts: set[str] = set()
    bodies: dict[tuple[str, str], str] = {}
    missing: set[tuple[str, str]] = set()
    copied: set[str] = set()
    for kind, key, record in _every_record(records):
        translation = records.translations.of(language, kind, key)
        own = text_fields(record)
        if translation is None:
            texts.update(own.values())
            if record.body.strip():
                bodies[(kind, key)] = record.body
            missing.add((kind, key))
            continue
        texts.update(text for where, text in own.items() if where not in translation.texts)
        if translation.body is None and record.body.strip():
            bodies[(kind, key)] = record.body
        _replace(translated, kind, key, _apply(record, translation), copied)
    return translated, Untranslated(default, frozenset(texts), bodies, frozenset(missing))


def _every_record(records: ForumRecords) -> list[tuple[str, str, Record]]:
    found: list[tuple[str, str, Record]] = []
    if records.forum is not None:
        found.append(("forum", "", records.forum))
    for kind in (*KINDS, "submissions"):
        found.extend((kind, key, record) for key, record in records.of_kind(kind).items())
    return found


def _replace(records: ForumRecords, kind: str, key: str, record: Any, copied: set[str]) -> None:
    if kind == "forum":
        records.forum = record
        return
    if kind not in copied:  # the copy shares the original's dicts until it changes one
        setattr(records, kind, dict(records.of_kind(kind)))
        copied.add(kind)
    records.of_kind(kind)[key] = record


def _apply(record: Record, translation: Translation) -> Record:
    """A copy of `record` with the translation's texts: only the objects and lists on the
    way to a translated text are copied (shallowly), the rest is shared with the original."""
    copied = copy.copy(record)
    made: dict[Where, Any] = {(): copied}
    for where, text in translation.texts.items():
        obj: Any = copied
        for depth, part in enumerate(where[:-1], start=1):
            inner = made.get(where[:depth])
            if inner is None:
                inner = copy.copy(obj[part] if isinstance(part, int) else getattr(obj, part))
                if isinstance(part, int):
                    obj[part] = inner
                else:
                    setattr(obj, part, inner)
                made[where[:depth]] = inner
            obj = inner
        setattr(obj, str(where[-1]), text)
    if translation.body is not None:
        copied.body = translation.body
        copied.body_line = translation.body_line
    return copied


@dataclass(frozen=True, slots=True)
class RecordState:
    """One record's translation into one language."""

    kind: str
    key: str
    original: Path
    state: State
    translation: Path | None = None


def translation_status(
    records: ForumRecords, versions: Mapping[Path, Any]
) -> dict[str, list[RecordState]]:
    """For every language but the default, the state of every record with text to translate.

    `versions` maps resolved file paths to their last commit (`site.citation.Version`, whose
    `rank` counts the newer commits): a translation is stale when its original's last commit
    is newer than its own."""
    assert records.forum is not None
    status: dict[str, list[RecordState]] = {}
    for language in records.forum.languages[1:]:
        states = status.setdefault(language, [])
        for kind, key, record in _every_record(records):
            if not record.body.strip() and not text_fields(record):
                continue  # nothing for people to read: nothing to translate
            translation = records.translations.of(language, kind, key)
            if translation is None:
                states.append(RecordState(kind, key, record.path, "missing"))
                continue
            mine, theirs = (
                versions.get(translation.path.resolve()),
                versions.get(record.path.resolve()),
            )
            stale = mine is not None and theirs is not None and theirs.rank < mine.rank
            state: State = "stale" if stale else "translated"
            states.append(RecordState(kind, key, record.path, state, translation.path))
    return status


def counts(states: list[RecordState]) -> dict[State, int]:
    return {state: sum(1 for s in states if s.state == state) for state in STATES}
