"""References between records met while reading, resolved once every record is loaded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .problems import FieldPath, Item, Mark, field_phrase
from .values import Ref, all_ids
from .yamlnodes import Sequence

# Each id read, as one string for every record that names it (an attendance names every
# member at every meeting). A dict's `setdefault` takes its arguments as they are, where
# `sys.intern` parses a tuple of them: on 2.4 million ids, 0.1 s. Emptied by the loader
# before and after each load (`ids_read_once`), so that nothing is kept between loads.
_ONE_STRING: dict[str, str] = {}
one_string = _ONE_STRING.setdefault
# The last list of ids read into each field (by its rule's identity and its name): where the
# same members attend meeting after meeting, a meeting's list is the last one's list object
# again, its ids not read one by one. Records' lists are never changed in place.
last_id_lists: dict[tuple[int, str], list[str]] = {}


@contextmanager
def ids_read_once() -> Iterator[None]:
    """A load during which each id is kept as one string, and a list of ids equal to the
    last read into the same field as that list."""
    _ONE_STRING.clear()
    last_id_lists.clear()
    try:
        yield
    finally:
        _ONE_STRING.clear()
        last_id_lists.clear()


def ids_of(texts: list[str], ref: Ref, field: str) -> list[str] | None:
    """What reading each text alone would give (a plain text, none null, none a placeholder,
    all ids: each a reference), for the whole list at once; None to read them one by one.
    A list equal to the last read into the same field is that list (`last_id_lists`)."""
    slot = (id(ref), field)
    last = last_id_lists.get(slot)
    if last is not None and last == texts:
        return last
    if not (
        all_ids(texts)
        and "null" not in texts  # the one id that is also YAML's "no value"
        and (not ref.also or set(ref.also).isdisjoint(texts))
    ):
        return None
    values = last_id_lists[slot] = list(map(one_string, texts, texts))
    return values


class Reference(NamedTuple):
    """A reference met while reading, resolved once every record is loaded (a named tuple:
    one is made for every id written, and a frozen dataclass is three times slower to make)."""

    kind: str
    target: str
    path: Path
    mark: Mark
    where: FieldPath  # phrased only when the reference does not resolve
    rule: Ref

    @property
    def field_name(self) -> str:
        """Where it is written, in words: "the 2nd name under `attendance.present`"."""
        return field_phrase(self.where)


class ReferenceList(NamedTuple):
    """Every id of a list written `[a, b, c]` whose values are all ids, met while reading:
    one object for the list, not one per id (an attendance names 1,200 members), and
    resolved by set operations. `reference(index)` is the Reference of one of its ids,
    made only for an id that does not resolve."""

    kind: str
    targets: list[str]
    path: Path
    node: Sequence
    where: FieldPath  # the list's own path
    noun: str
    rule: Ref

    def reference(self, index: int) -> Reference:
        return Reference(
            self.kind,
            self.targets[index],
            self.path,
            self.node.item_mark(index),
            item_path(self.where, index, self.noun),
            self.rule,
        )

    def references(self) -> Iterator[Reference]:
        return map(self.reference, range(len(self.targets)))


# Paths of list items, alike in every record, made once: a reference keeps one for each id.
@lru_cache(maxsize=1 << 16)
def item_path(path: FieldPath, index: int, noun: str) -> FieldPath:
    return (*path, Item(index, noun))
