"""Problems found in records, each pinned to a file, line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


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


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean ...?' suffix for a near miss, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(sorted(choices))
