"""After a build: nothing private in any output file, and no request to another host.

What is public is an allowlist decided by the records (`contact.public`, `publish_name`);
everything else a record holds about a person is a canary. The scan reads every text file
of the built site the way a reader or a crawler would: entities, escapes and percent-encoding
decoded, calendar lines unfolded, tags removed, case, compatibility forms, invisible
characters and white space folded (`normalise.py`). Messages name the record and field a
value comes from, never the value: a Forum's build log is public.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from ..records import ForumRecords
from ..worker import Worker, reply, start_method
from .canaries import LeakPattern
from .fetches import CSS_URL, Request, fetched_by_tags, requests_in, third_party
from .frames import PagePart, PageParts
from .normalise import fold_characters, normalise, reader_views, undo_escapes, without_tags
from .site_files import PAGEFIND_FRAGMENT, read_text, suffix_of, text_chunks, text_files
from .site_files import Part as Part  # what build.py names the part of a site to scan

MIN_CANARY = 5  # shorter values ("Ana") would match ordinary words


@dataclass(frozen=True, slots=True)
class Leak:
    file: str  # relative to the site folder
    value: str  # for tests and callers only: never printed (a CI log is public)
    origin: str  # the record file and field that hold it, and why it is private

    def message(self) -> str:
        return f"{self.file}: a private value from {self.origin}"


def private_values(records: ForumRecords) -> dict[str, str]:
    """Every value the records hold that must not be published -> the file and field that
    hold it, and why it is private. Never the value itself: messages quote the origin."""
    public: set[str] = {normalise(m.name) for m in records.members.values()}
    private: dict[str, str] = {}

    def withhold(value: str | None, origin: str, is_public: bool) -> None:
        if not value:
            return
        if is_public:
            public.add(normalise(value))
        else:
            private.setdefault(value, origin)

    for member in records.members.values():
        contact = member.contact
        if contact is not None:
            why = "contact.public is not true"
            for field in ("email", "phone"):
                origin = f"members/{member.stem}.md, field contact.{field} ({why})"
                withhold(getattr(contact, field), origin, bool(contact.public))
    for partner in records.partners.values():
        person = partner.point_of_contact
        if person is not None:
            why = "point_of_contact.public is not true"
            for field in ("name", "email"):
                origin = f"partners/{partner.stem}.md, field point_of_contact.{field} ({why})"
                withhold(getattr(person, field), origin, bool(person.public))
    for key, submission in records.submissions.items():
        author = submission.author
        if author and author.name:
            origin = f"consultations/{key}.md, field author.name (publish_name is not true)"
            withhold(author.name, origin, bool(author.publish_name))
    # A value public elsewhere (a member who also wrote a submission) is not a leak.
    return {
        value: origin
        for value, origin in private.items()
        if normalise(value) not in public and len(normalise(value)) >= MIN_CANARY
    }


def readings(suffix: str, raw: str) -> list[str]:
    """The ways a reader may see a file's text, each folded to the form private values are
    looked for in (see `normalise`). Each is scanned on its own."""
    return reader_views(suffix, raw)


def find_leaks(site: Path, private: dict[str, str]) -> list[Leak]:
    return scan_site(site, private, None, requests=False)[0]


def leak_pattern(private: Iterable[str]) -> LeakPattern:
    """The pattern of the values, given folded (`normalise`)."""
    return LeakPattern(private)


def leaks_in(
    where: str, suffix: str, raw: str, pattern: LeakPattern, private: dict[str, str]
) -> list[Leak]:
    """`private` maps each value, folded and without spaces, to the value as written."""
    return _leaks_in_pieces(where, suffix, _pieces(raw), pattern, private)


def _leaks_in_pieces(
    where: str, suffix: str, pieces: Iterable[str], pattern: LeakPattern, private: dict[str, str]
) -> list[Leak]:
    found = {
        value
        for piece in pieces
        for text in readings(suffix, piece)
        for value in values_in(text, pattern, private)
    }
    return [Leak(where, value, "") for value in sorted(found)]


def values_in(text: str, pattern: LeakPattern, private: dict[str, str]) -> set[str]:
    """The `private` values (as written) that `text`, read as `readings` gives it, holds."""
    return {
        private[compact]
        for match in pattern.whole_words(text)
        if (compact := "".join(match.split())) in private
    }


# A file longer than this is read in pieces: a data table of a large forum is a hundred
# megabytes, and each reader's view of it is another copy.
LARGE_FILE = 1 << 22
# Each piece runs on this far past where the next begins: a value written across the cut
# is whole in the first, and the first's last characters are read again, whole, in the next.
OVERLAP = 1 << 16
_SPACE = re.compile(r"\s")
# Read whole whatever their size: what pages and stylesheets fetch is looked for in the
# whole text, and a search fragment is unpacked whole.
_READ_WHOLE = frozenset({".html", ".htm", ".css", PAGEFIND_FRAGMENT})


def _pieces(raw: str) -> Iterator[str]:
    """`raw` whole, or in overlapping pieces. Each begins and ends just after white space,
    as a value found must: no letter before or after one is cut off (`LeakPattern.whole_words`)."""
    return _pieces_read(iter((raw,)))


def _pieces_read(chunks: Iterator[str]) -> Iterator[str]:
    """`_pieces` of the text `chunks` make, joined, holding no more of it at a time than
    a piece and a chunk (or, with no white space to cut at, what is left)."""
    text, start, more = "", 0, True
    while True:
        if len(text) - start > LARGE_FILE:
            cut = _after_space(text, start + LARGE_FILE)
            if not more and (cut is None or cut == len(text)):
                break  # nothing follows the last white space: the rest is one piece
            if cut is not None:
                end = _after_space(text, cut + OVERLAP)
                if end is not None or not more:
                    yield text[start : len(text) if end is None else end]
                    start = cut
                    continue
        elif not more:
            break
        # Where the next cut falls is not known before more of the text is.
        chunk = next(chunks, "")
        if chunk:
            text, start = text[start:] + chunk, 0
        else:
            more = False
    yield text[start:] if start else text


def _after_space(text: str, position: int) -> int | None:
    """Just after the first white space from `position` on; None where there is none."""
    space = _SPACE.search(text, position)
    return space.end() if space else None


def text_scanner(private: dict[str, str]) -> Callable[[str, str, str], list[Leak]]:
    """A scan of one file's text (`where`, suffix, text) for the `private` values, for a
    few pages rewritten after a build (`incremental.py`)."""
    folded = _folded(private)
    if not folded:
        return lambda where, suffix, raw: []
    pattern = leak_pattern({normalise(v) for v in folded.values()})
    return lambda where, suffix, raw: leaks_in(where, suffix, raw, pattern, folded)


def redacted(text: str, private: dict[str, str]) -> str:
    """`text` for a log line: itself, or a placeholder when it holds a private value."""
    folded = _folded(private)
    pattern = leak_pattern(set(map(normalise, folded.values()))) if folded else None
    if pattern is not None and values_in(normalise(text), pattern, folded):
        return "(withheld: it holds a private value)"
    return text


def _folded(private: dict[str, str]) -> dict[str, str]:
    """Each value folded without spaces -> the value as written."""
    found: dict[str, str] = {}
    for value in private:
        folded = normalise(value)
        if len(folded) >= MIN_CANARY:
            found.setdefault(folded.replace(" ", ""), value)
    return found


def scan_site(
    site: Path,
    private: dict[str, str],
    own_host: str | None,
    *,
    requests: bool = True,
    share: bool = False,
    part: Part = None,
) -> tuple[list[Leak], list[Request]]:
    """Private values and third-party requests in every text file of the built site (or
    of its `part`), each file read once. `share`: half of the files are scanned by a worker
    process, where one may start (see worker.py)."""
    files = text_files(os.fspath(site), part)
    folded = _folded(private)
    values = {normalise(v) for v in folded.values()}
    pattern = leak_pattern(values) if folded else None
    # Pages are read part by part (frames.py) where no value holds a "<".
    by_parts = not any("<" in value for value in values)
    scan = _Scan(site, folded, pattern, own_host, requests, by_parts)
    method = start_method() if share else None
    if method is None:
        leaks, found = scan(files)
        return _with_origins(leaks, private), found
    worker = Worker(method, _scan_in_worker, scan, files[1::2])
    try:
        leaks, found = scan(files[0::2])
        their_leaks, their_found = worker.receive()
    finally:
        worker.stop()
    by_file = sorted([*leaks, *their_leaks], key=lambda leak: (leak.file, leak.value))
    requested = sorted([*found, *their_found], key=lambda r: (r.file, r.url))
    return _with_origins(by_file, private), requested


def _with_origins(leaks: list[Leak], private: dict[str, str]) -> list[Leak]:
    return [Leak(leak.file, leak.value, private[leak.value]) for leak in leaks]


def _scan_in_worker(conn: Connection, scan: _Scan, files: list[str]) -> None:
    reply(conn, scan(files))


@dataclass(frozen=True, slots=True)
class _Scan:
    site: Path
    private: dict[str, str]
    pattern: LeakPattern | None
    own_host: str | None
    requests: bool
    by_parts: bool = False

    def __call__(self, files: list[str]) -> tuple[list[Leak], list[Request]]:
        """Scan `files`, as `text_files` names them."""
        leaks: list[Leak] = []
        found: list[Request] = []
        parts = PageParts(self._part)
        folder = os.path.join(self.site, "")  # the site's path and a separator
        for where in files:
            path, suffix = folder + where, suffix_of(where)
            # A large file is read a piece at a time, unless what it fetches is looked for.
            whole = suffix.lower() in _READ_WHOLE
            raw, suffix = read_text(path, suffix, whole_up_to=None if whole else LARGE_FILE)
            if raw is None:
                if self.pattern is not None:
                    pieces = _pieces_read(text_chunks(path, LARGE_FILE // 4))
                    leaks += _leaks_in_pieces(where, suffix, pieces, self.pattern, self.private)
                continue  # nothing else in it fetches (requests_in)
            if self.by_parts and suffix == ".html" and "<" in raw and len(raw) <= LARGE_FILE:
                page_leaks, page_requests = self._page(where, raw, parts(raw))
                leaks += page_leaks
                found += page_requests
                continue
            if self.pattern is not None:
                leaks += leaks_in(where, suffix, raw, self.pattern, self.private)
            if self.requests:
                found += requests_in(where, suffix, raw, self.own_host)
        return leaks, found

    def _page(
        self, where: str, raw: str, parts: list[PagePart]
    ) -> tuple[list[Leak], list[Request]]:
        """`leaks_in` and `requests_in` of a page, from its parts (frames.py)."""
        leaks: list[Leak] = []
        if self.pattern is not None:
            found = set().union(*(part.values for part in parts))
            untagged = "".join(part.untagged for part in parts)
            found |= values_in(untagged, self.pattern, self.private)
            leaks = [Leak(where, value, "") for value in sorted(found)]
        if not self.requests:
            return leaks, []
        urls = [url for part in parts for url in part.fetched] + CSS_URL.findall(raw)
        return leaks, third_party(where, urls, self.own_host)

    def _part(self, text: str) -> PagePart:
        # As `reader_views` reads the whole page; without its tags even where this part has
        # none, as "&lt;b&gt;" decoded in the page's first part is a tag to the whole page.
        unescaped = undo_escapes(text)
        folded = fold_characters(unescaped)
        values = values_in(folded, self.pattern, self.private) if self.pattern else set()
        # Without escapes, an ASCII part folded is the part lowered (fold_characters).
        lowered = folded if unescaped == text and text.isascii() else None
        fetched = fetched_by_tags(text, lowered) if self.requests else []
        return PagePart(frozenset(values), without_tags(folded), tuple(fetched))


def third_party_requests(site: Path, own_host: str | None) -> list[Request]:
    """Addresses on other hosts that a page or stylesheet would fetch by itself."""
    return scan_site(site, {}, own_host)[1]
