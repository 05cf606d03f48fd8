"""A value made from a forum's records once, and made again only for other records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ..kinds import ForumRecords

T = TypeVar("T")


def per_records(make: Callable[[ForumRecords], T]) -> Callable[[ForumRecords], T]:
    """`make(records)`, kept for the records last asked about: a build asks it page after
    page, meeting after meeting, of the same records; the next build, or the next load
    under `mkdocs serve`, brings other records, and it is made again."""
    last: list[tuple[ForumRecords, T]] = []

    def remembered(records: ForumRecords) -> T:
        if not last or last[0][0] is not records:
            last[:] = [(records, make(records))]
        return last[0][1]

    return remembered
