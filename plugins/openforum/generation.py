"""The site's pages and open data, generated in two processes when the machine allows.

Generating is most of a large build's own work, and its jobs (the open data, the pages of
each kind) are independent. A worker, forked as soon as the records are loaded, makes the
pages of some kinds and the data tables while this process finishes setting up and makes
the other pages; then, while the theme frames every page here, the worker makes the rest
of the open data and writes it into the site folder. It inherits the records and facts
by fork, so only finished text comes back. Without fork, or with one core, everything
runs here, with the same result.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .exports import URLS_FILE, data_exports, export_context, other_exports, parse_url_list
from .exports.context import ExportContext
from .facts.forum import ForumFacts
from .fork import can_fork, forked_worker
from .records import ForumRecords
from .site.context import Context
from .site.generate import JOBS, GeneratedSite, Made, assemble, run_jobs, site_context
from .site.options import SiteOptions

# Shared out by their measured cost on synthetic forums of 1,000 and 10,000 records: the
# worker's kinds and data tables cost about as much as the sections, meetings and members.
WORKER_JOBS = ("commitments", "consultations", "plans", "assessments", "partners", "redirects")
HERE_JOBS = tuple(name for name in JOBS if name not in WORKER_JOBS)
# Below this many records, starting a process costs more than it saves.
MIN_RECORDS = 300


@dataclass(frozen=True, slots=True)
class Exported:
    """The export files written into the site folder, and the URLs they publish."""

    paths: list[str]  # site paths, the list of published URLs not among them
    urls: list[str]  # every URL the exports and record pages publish ("/api/...")


class Generation:
    """Pages and open data in three steps: creating it (a worker, if shared, begins),
    `pages` (every page, for MkDocs), `finish` (the open data in the site folder)."""

    def __init__(
        self,
        records: ForumRecords,
        options: SiteOptions,
        facts: ForumFacts,
        site_url: str,
        *,
        share: bool,
    ) -> None:
        self.ctx = site_context(records, options, facts)
        self.exports = export_context(records, facts, site_url, options.today)
        self.site_dir = Path()
        self._data: dict[str, str] | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._theirs: Future[tuple[Mapping[str, Made], dict[str, str]]] | None = None
        self._rest: Future[Exported] | None = None
        if share:
            self._start_worker()

    def _start_worker(self) -> None:
        # Values every job reads are computed before the fork, once for both processes.
        _ = self.ctx.versions, self.ctx.mentions
        global _work
        _work = _Work(self.ctx, self.exports)
        self._pool = forked_worker()
        try:
            self._theirs = self._pool.submit(_worker_pages)  # forks: the worker copies _work
        finally:
            _work = None

    def pages(self, site_dir: Path) -> GeneratedSite:
        """Every page. The open data goes into `site_dir`, which must exist and will not be
        cleaned again; a worker starts on it now."""
        self.site_dir = site_dir
        if self._pool is None or self._theirs is None:
            self._data = data_exports(self.exports)
            return assemble(self.ctx, run_jobs(self.ctx, JOBS), self._data)
        try:
            made = run_jobs(self.ctx, HERE_JOBS)
            their_made, data = self._theirs.result()
            self._rest = self._pool.submit(_worker_rest, site_dir)
            return assemble(self.ctx, {**made, **their_made}, data)
        except BaseException:
            self.abandon()
            raise

    def finish(self) -> Exported:
        """Every export file written (waiting for the worker, if any)."""
        if self._pool is None or self._rest is None:
            assert self._data is not None, "pages() comes first"
            return _write_rest(self.exports, self._data, self.site_dir)
        try:
            return self._rest.result()
        finally:
            self._pool.shutdown()

    def abandon(self) -> None:
        """The build failed: stop the worker, if any."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def can_share(records: ForumRecords) -> bool:
    """Two processes pay off: several cores, fork available, and a forum worth it."""
    return (os.cpu_count() or 1) > 1 and can_fork() and len(records.all_records()) >= MIN_RECORDS


@dataclass(slots=True)
class _Work:
    ctx: Context
    exports: ExportContext
    data: dict[str, str] | None = None


_work: _Work | None = None  # set before the fork; the worker keeps its copy between tasks


def _worker_pages() -> tuple[Mapping[str, Made], dict[str, str]]:
    assert _work is not None, "runs in the process forked by generate()"
    _work.data = data_exports(_work.exports)
    return run_jobs(_work.ctx, WORKER_JOBS), _work.data


def _worker_rest(site_dir: Path) -> Exported:
    """In the worker, while the theme frames the pages here: the rest of the open data,
    written straight into the site folder (MkDocs cleaned it before asking for files)."""
    assert _work is not None and _work.data is not None
    return _write_rest(_work.exports, _work.data, site_dir)


def _write_rest(exports: ExportContext, data: dict[str, str], site_dir: Path) -> Exported:
    """Every export file but the list of published URLs, which the build completes."""
    files = {**data, **other_exports(exports, data)}
    urls = parse_url_list(files.pop(URLS_FILE))
    made: set[Path] = set()
    for path, text in files.items():
        target = site_dir / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(text.encode("utf-8"))
    return Exported(sorted(files), urls)
