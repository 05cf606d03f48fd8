"""What a translation file holds once read and checked (records/translations.py reads it).

Kept apart from the reading so that the records' container can hold translations without
importing what reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Where = tuple[str | int, ...]  # attribute names and list indexes from the record down


@dataclass(frozen=True, slots=True)
class Translation:
    """One translation file, checked against its original."""

    language: str
    kind: str  # "forum", a kind folder, or "submissions"
    key: str  # the original's key within its kind ("" for forum.md)
    path: Path
    texts: dict[Where, str] = field(default_factory=dict)
    body: str | None = None  # None: the body is not translated
    body_line: int = 1


@dataclass(slots=True)
class Translations:
    """Every translation of a Forum, by language, then by (kind, key)."""

    by_language: dict[str, dict[tuple[str, str], Translation]] = field(default_factory=dict)

    def of(self, language: str, kind: str, key: str) -> Translation | None:
        return self.by_language.get(language, {}).get((kind, key))

    def all(self) -> list[Translation]:
        return [t for found in self.by_language.values() for t in found.values()]
