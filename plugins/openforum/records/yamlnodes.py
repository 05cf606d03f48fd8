"""The tree front matter is read into: every value the text it was written as, with its mark."""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Mark


@dataclass(slots=True)
class Scalar:
    text: str
    mark: Mark
    plain: bool  # written without quotes, so `null` or `~` mean "no value"

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    mark: Mark


@dataclass(slots=True)
class Mapping:
    entries: dict[str, tuple[Scalar, Node]]  # key text -> (key node, value node)
    mark: Mark


Node = Scalar | Sequence | Mapping
