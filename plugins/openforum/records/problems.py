"""Problems found in records, each pinned to a file, line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeAlias


class Mark(NamedTuple):
    """A 1-based position in a record file."""

    line: int
    column: int


START = Mark(1, 1)


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    mark: Mark
    message: str
    severity: str = "error"  # "error" fails validate and the build; "warning" does not

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.mark.line, self.mark.column, self.message)


@dataclass(slots=True)
class Problems:
    """Collects every problem of a run so that one run reports them all.

    Iterating, counting and truth look at errors only; warnings (what is published as
    recorded but deserves a second look) are kept apart in `warnings`.
    """

    items: list[Problem] = field(default_factory=list)
    warned: list[Problem] = field(default_factory=list)

    def add(self, path: Path, mark: Mark, message: str) -> None:
        self.items.append(Problem(path, mark, message))

    def warn(self, path: Path, mark: Mark, message: str) -> None:
        self.warned.append(Problem(path, mark, message, "warning"))

    @property
    def warnings(self) -> list[Problem]:
        return sorted(set(self.warned), key=Problem.sort_key)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(set(self.items), key=Problem.sort_key))

    def __len__(self) -> int:
        return len(set(self.items))

    def __bool__(self) -> bool:
        return bool(self.items)


class Item(NamedTuple):
    """An item of a list in a field path: its 0-based position and what the list holds."""

    position: int
    noun: str = "item"  # "item" for sets of fields; "name", "value" for single values


FieldPath: TypeAlias = tuple["str | Item", ...]


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def field_phrase(path: FieldPath) -> str:
    """Where a value sits, in words: "`votes.for` in the 2nd item of `decisions`",
    "the 13th name under `attendance.present`". The one place paths are worded."""
    phrases: list[str] = []
    keys: list[str] = []
    for part in path:
        if isinstance(part, Item):
            where = f"`{'.'.join(keys)}`"
            link = "of" if part.noun == "item" else "under"
            phrases.append(f"the {ordinal(part.position + 1)} {part.noun} {link} {where}")
            keys = []
        else:
            keys.append(part)
    if keys:
        phrases.append(f"`{'.'.join(keys)}`")
    return " in ".join(reversed(phrases))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean ...?' suffix for a near miss, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(sorted(choices))
