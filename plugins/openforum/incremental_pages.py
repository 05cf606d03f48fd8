"""Which pages a saved record touches, and a context that makes only those (incremental.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

from markupsafe import Markup

from .kinds import KINDS
from .records import ForumRecords
from .records.translations import translation_name
from .site.citation import Version
from .site.context import Context, GeneratedPage
from .site.urls import record_src

R = TypeVar("R")


class _LazyBody:
    """A record body rendered only when a page that is written shows it."""

    def __init__(self, render: Callable[[], Markup], text: str) -> None:
        self._render = render
        self._empty = not text.strip()
        self._html: Markup | None = None

    def __html__(self) -> str:
        if self._html is None:
            self._html = self._render()
        return str(self._html)

    def __str__(self) -> str:
        return self.__html__()

    def __bool__(self) -> bool:
        return not self._empty


class PartialContext(Context):
    """A context that makes only the pages in `wanted`: a kind's job goes through only
    the records whose page is wanted (`each`), and other pages come back empty."""

    def __init__(self, base: Context, wanted: set[str], versions: dict[Path, Version]) -> None:
        super().__init__(base.records, base.options, base.facts)
        self.wanted = wanted
        # The records' last commits, read once per serve session (a save commits nothing):
        # reading them is a `git log` over the whole repository.
        self.__dict__["versions"] = versions

    def each(self, records: Mapping[str, R]) -> list[tuple[str, R]]:
        for kind in KINDS:
            if records is self.records.of_kind(kind):
                return [
                    (k, r) for k, r in sorted(records.items()) if record_src(kind, k) in self.wanted
                ]
        return super().each(records)  # not one of the records' own dicts: all of them

    def body(self, text: str, levels: int = 1) -> Markup:
        lazy = _LazyBody(lambda: Context.body(self, text, levels), text)
        return cast(Markup, lazy)  # read by templates and Markup.format through __html__

    def page(self, src: str, template: str, title: str, **kwargs: Any) -> GeneratedPage:
        if src not in self.wanted:
            return GeneratedPage(src, title, "")
        return super().page(src, template, title, **kwargs)


def page_of(records_dir: Path, path: Path) -> str | None:
    """The source path of the page that shows the record file `path`."""
    parts = path.relative_to(records_dir).with_suffix("").parts
    if len(parts) == 2:
        return record_src(parts[0], parts[1].split(".")[0])
    if len(parts) == 3 and parts[0] == "consultations":  # a submission: its consultation's
        return record_src("consultations", parts[1])
    return None


def touched_pages(records_dir: Path, changed: set[Path], *versions: ForumRecords) -> set[str]:
    """The pages that show the changed records, name them, or are named by them."""
    pages = {page for path in changed if (page := page_of(records_dir, path))}
    names = {(src.split("/")[0], src.split("/")[1].removesuffix(".md")) for src in pages}
    for records in versions:
        for ref in records.references:
            if ref.path in changed:
                pages.add(record_src(ref.kind, ref.target))
            elif (ref.kind, ref.target) in names and (page := page_of(records_dir, ref.path)):
                pages.add(page)
        for group in records.reference_lists:  # the same, for a list of ids at once
            if group.path in changed:
                pages.update(record_src(group.kind, target) for target in group.targets)
            elif not names.isdisjoint((group.kind, target) for target in group.targets) and (
                page := page_of(records_dir, group.path)
            ):
                pages.add(page)
    return pages


def unsure(
    records_dir: Path, changed: set[Path], before: ForumRecords, after: ForumRecords
) -> bool:
    """Whether a save changes more than pages an update can rebuild: forum.md (every page
    reads it), a translation, or a record's aliases (the pages that send its old addresses
    to it are the whole build's)."""
    for path in changed:
        if path == records_dir / "forum.md" or translation_name(path) is not None:
            return True
        if _aliases(before, records_dir, path) != _aliases(after, records_dir, path):
            return True
    return False


def _aliases(records: ForumRecords, records_dir: Path, path: Path) -> list[str] | None:
    parts = path.relative_to(records_dir).with_suffix("").parts
    if len(parts) != 2:
        return None  # a submission: no page, no alias of its own
    record = records.of_kind(parts[0]).get(parts[1])
    return None if record is None else list(record.aliases)
