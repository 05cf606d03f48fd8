"""The tree front matter is read into: every value the text it was written as, with its mark."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from .problems import Mark


@dataclass(slots=True)
class Scalar:
    text: str
    mark: Mark
    plain: bool  # written without quotes, so `null` or `~` mean "no value"

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


class Sequence:
    """A list of nodes.

    A list written on one line the usual way (`[a, b, c]`: plain values, ', ' between),
    or one plain word a line (`- a`, as YAML libraries write lists), keeps its values'
    texts in `texts`, and makes their nodes, marks included, only when
    `items` is asked for: an attendance of 1,200 ids is otherwise 1,200 nodes and marks
    made for a message that is almost never written. Its items are then exactly the ones
    the full reader makes (tests/test_lazy_marks.py).
    """

    __slots__ = ("_block", "_first_column", "_items", "mark", "texts")

    def __init__(self, items: list[Node], mark: Mark) -> None:
        self._items: list[Node] | None = items
        self.mark = mark
        self.texts: list[str] | None = None  # set for a list of plain values (above)
        self._first_column = 0
        self._block = False  # its texts one per line (`- a`), from its mark's line on

    @classmethod
    def of_plain_texts(cls, texts: list[str], mark: Mark) -> Sequence:
        """`[a, b, c]` written at `mark` (its '['): plain values, one ', ' between each."""
        node = cls.__new__(cls)
        node._items = None
        node.mark = mark
        node.texts = texts
        node._first_column = mark.column + 1
        node._block = False
        return node

    def keep_block_texts(self, texts: list[str]) -> None:
        """This list, made at its first `- ` (its mark), is `texts`, one `- text` a line."""
        self._items = None
        self.texts = texts
        self._first_column = self.mark.column + 2
        self._block = True

    @property
    def items(self) -> list[Node]:
        items = self._items
        if items is None:
            assert self.texts is not None
            line = self.mark.line
            if self._block:
                column = self._first_column
                items = self._items = [
                    Scalar(text, Mark(line + index, column), True)
                    for index, text in enumerate(self.texts)
                ]
            else:
                items = self._items = [
                    Scalar(text, Mark(line, column), True)
                    for text, column in zip(self.texts, self._columns(), strict=False)
                ]
        return items

    def _columns(self) -> accumulate[int]:
        assert self.texts is not None
        return accumulate([len(text) + 2 for text in self.texts], initial=self._first_column)

    def __len__(self) -> int:
        if self._items is not None:
            return len(self._items)
        assert self.texts is not None
        return len(self.texts)

    def item_mark(self, index: int) -> Mark:
        """Where item `index` (0 <= index < len(self)) was written."""
        if self._items is None and self.texts is not None:
            if self._block:
                return Mark(self.mark.line + index, self._first_column)
            texts = self.texts
            column = self._first_column + 2 * index + sum(map(len, texts[:index]))
            return Mark(self.mark.line, column)
        return self.items[index].mark

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return self.mark == other.mark and self.items == other.items

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        return f"Sequence(items={self.items!r}, mark={self.mark!r})"


@dataclass(slots=True)
class Mapping:
    entries: dict[str, tuple[Scalar, Node]]  # key text -> (key node, value node)
    mark: Mark


Node = Scalar | Sequence | Mapping
