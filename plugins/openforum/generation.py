"""The site's pages and open data, generated in two processes where that is safe.

Generating is most of a large build's own work, and its jobs (the open data, the pages of
each kind) are independent. A worker, started as soon as the records are loaded, makes the
pages of some kinds and the data tables while this process finishes setting up and makes
the other pages; then, while the theme frames every page here, the worker makes the rest
of the open data and writes it into the site folder. It is handed the site and export
contexts as arguments (inherited when forked), and only finished text comes back. Where
no worker may start (see worker.py), or with one core, everything runs here, with the
same result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from .build_context import BuildContext
from .exports import (
    URLS_FILE,
    data_exports,
    export_context,
    parse_url_list,
    put_data_exports,
    put_other_exports,
)
from .exports.context import ExportContext
from .exports.datapackage import PACKAGE
from .facts.forum import ForumFacts
from .records import ForumRecords
from .rendered_bodies import learn, learned
from .site.context import Context
from .site.generate import JOBS, GeneratedSite, assemble, run_jobs, site_context
from .worker import Worker, reply, start_method

# Shared out by their measured cost on synthetic forums of 1,000 and 10,000 records: the
# worker's kinds and data tables cost about as much as the sections, meetings and members.
WORKER_JOBS = ("commitments", "consultations", "plans", "assessments", "partners", "redirects")
HERE_JOBS = tuple(name for name in JOBS if name not in WORKER_JOBS)
# Below this many records, starting a process costs more than it saves.
MIN_RECORDS = 300
LARGE_TEXT = 1 << 22  # characters: a file this long is encoded and written in slices


@dataclass(frozen=True, slots=True)
class Exported:
    """The export files written into the site folder, and the URLs they publish."""

    paths: list[str]  # site paths, the list of published URLs not among them
    urls: list[str]  # every URL the exports and record pages publish ("/api/...")


class Generation:
    """Pages and open data in three steps: creating it (a worker, if shared, begins),
    `pages` (every page, for MkDocs), `finish` (the open data in the site folder)."""

    def __init__(
        self, records: ForumRecords, build: BuildContext, facts: ForumFacts, *, share: bool
    ) -> None:
        self.ctx = site_context(records, build, facts)
        self.exports = export_context(records, facts, build)
        self.site_dir = Path()
        self._data_paths: list[str] | None = None  # the data tables, once written
        self._worker: Worker | None = None
        method = start_method() if share else None
        if method is not None:
            # Values every job reads are computed before the worker starts, once for both.
            _ = self.ctx.versions, self.ctx.mentions
            self._worker = Worker(method, _work, self.ctx, self.exports)

    def pages(self, site_dir: Path) -> GeneratedSite:
        """Every page. The open data goes into `site_dir`, which must exist and will not be
        cleaned again: the data tables at once, here or by the worker, which writes the rest
        while the theme frames the pages. Only the Data Package that describes the tables
        comes back: at 10,000 records they are hundreds of megabytes."""
        self.site_dir = site_dir
        if self._worker is None:
            self._data_paths, described = _write_data(self.exports, site_dir)
            return assemble(self.ctx, run_jobs(self.ctx, JOBS), described)
        try:
            made = run_jobs(self.ctx, HERE_JOBS)
            their_made, described, bodies = self._worker.receive()
            learn(self.ctx.render_markdown, bodies)  # for the next language's build
            self._worker.send(site_dir)
            return assemble(self.ctx, {**made, **their_made}, described)
        except BaseException:
            self.abandon()
            raise

    def finish(self, site_dir: Path | None = None) -> Exported:
        """Every export file written (waiting for the worker, if any): into the folder
        `pages` was given, or, when no page was asked for, `site_dir`."""
        if self._worker is None:
            target = site_dir or self.site_dir
            if self._data_paths is None:
                self._data_paths = _write_data(self.exports, target)[0]
            return write_other_exports(self.exports, self._data_paths, target)
        try:
            exported: Exported = self._worker.receive()
            return exported
        finally:
            self._worker.stop()
            self._worker = None

    def abandon(self) -> None:
        """The build failed: stop the worker, if any."""
        if self._worker is not None:
            self._worker.stop(wait=0)
            self._worker = None


def can_share(records: ForumRecords) -> bool:
    """Two processes pay off: several cores, a safe way to start one, a forum worth it."""
    if (os.cpu_count() or 1) < 2 or len(records.all_records()) < MIN_RECORDS:
        return False
    return start_method() is not None


def _work(conn: Connection, ctx: Context, exports: ExportContext) -> None:
    """The worker: its pages and the data tables; then, once it is sent the site folder
    (MkDocs cleaned it before asking for files), the open data written into it while the
    theme frames the pages in the build process."""
    data = data_exports(exports)
    made = run_jobs(ctx, WORKER_JOBS)
    reply(conn, (made, _described(data), learned(ctx.render_markdown)))
    site_dir: Path = conn.recv()
    paths = _write_files(data, site_dir)
    del data  # the tables are on disk: the other exports need only their paths
    reply(conn, write_other_exports(exports, paths, site_dir))


def _described(data: dict[str, str]) -> dict[str, str]:
    """Of the data tables, what the open data page reads: their Data Package."""
    return {PACKAGE: data[PACKAGE]} if PACKAGE in data else {}


def write_other_exports(exports: ExportContext, earlier: list[str], site_dir: Path) -> Exported:
    """Every export file but the data tables (`earlier`, their paths, already written) and
    the list of published URLs, which the build completes. Each is written as it is made."""
    into = _Folder(site_dir)
    listed: list[str] = []

    def write(path: str, text: str) -> None:
        if path == URLS_FILE:
            listed.append(text)
        else:
            into.write(path, text)

    put_other_exports(exports, earlier, write)
    return Exported(sorted([*earlier, *into.written]), parse_url_list(listed[0]))


def _write_data(exports: ExportContext, site_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The data tables written as each is made; their paths, and their Data Package (what
    the open data page reads), the one file kept."""
    into = _Folder(site_dir)
    kept: dict[str, str] = {}

    def write(path: str, text: str) -> None:
        into.write(path, text)
        if path == PACKAGE:
            kept[path] = text

    put_data_exports(exports, write)
    return into.written, kept


def _write_files(files: dict[str, str], site_dir: Path) -> list[str]:
    into = _Folder(site_dir)
    for path, text in files.items():
        into.write(path, text)
    return into.written


class _Folder:
    """Files written into the site folder, each of its folders made once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: list[str] = []
        self._made: set[str] = set()

    def write(self, path: str, text: str) -> None:
        # Paths as strings and files by their descriptors: a Path and a file object made
        # per file were a third of writing a large forum's ten thousand API files.
        target = os.path.join(self.root, path)
        folder = os.path.dirname(target)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        if len(text) < LARGE_TEXT:
            _write_bytes(target, text.encode("utf-8"))
        else:  # encoded a slice at a time: a table of every attendance is 100 MB of text
            with open(target, "w", encoding="utf-8", newline="") as out:
                for start in range(0, len(text), LARGE_TEXT):
                    out.write(text[start : start + LARGE_TEXT])
        self.written.append(path)


def _write_bytes(target: str, data: bytes) -> None:
    """`data` as the whole of the file `target` (made, or emptied first), as `open(target,
    "wb")` writes it, with the same permissions."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o666)
    try:
        view = memoryview(data)
        while view:  # a write may take less than it is given
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no line-ending translation
