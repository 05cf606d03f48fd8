"""The site's pages and open data, generated in two processes when the machine allows.

Generating is most of a large build's own work, and its jobs (the open data, the pages of
each kind) are independent: a forked worker takes the open data and some kinds while this
process makes the rest. The worker inherits the loaded records and facts by fork, so only
its finished text is sent back. Without fork, or with one core, everything runs here, in
the same order and with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .exports import build_exports
from .facts.forum import ForumFacts
from .records import ForumRecords
from .site.context import Context
from .site.generate import JOBS, GeneratedSite, Made, assemble, run_jobs, site_context
from .site.options import SiteOptions

# Shared out by their measured cost on synthetic forums of 1,000 and 10,000 records: the
# open data and the worker's kinds cost about as much as the meetings, commitments and
# section pages.
WORKER_JOBS = ("consultations", "members", "plans", "assessments", "partners", "redirects")
HERE_JOBS = tuple(name for name in JOBS if name not in WORKER_JOBS)
# Below this many records, starting a process costs more than it saves.
MIN_RECORDS = 300


@dataclass(frozen=True, slots=True)
class _Work:
    ctx: Context
    facts: ForumFacts
    site_url: str


_work: _Work | None = None  # set just before the fork; the worker reads its copy


def can_share(records: ForumRecords) -> bool:
    """Two processes pay off: several cores, fork available, and a forum worth it."""
    return (
        (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and len(records.all_records()) >= MIN_RECORDS
    )


def generate(
    records: ForumRecords,
    options: SiteOptions,
    facts: ForumFacts,
    site_url: str,
    *,
    share: bool,
) -> tuple[GeneratedSite, dict[str, str]]:
    """Every page and every export file; `share` runs part of the work in a forked worker."""
    ctx = site_context(records, options, facts)
    if not share:
        exports = build_exports(records, facts, site_url, options.today)
        return assemble(ctx, run_jobs(ctx, JOBS), exports), exports
    # Values every job reads are computed before the fork, once for both processes.
    _ = ctx.versions, ctx.mentions
    global _work
    _work = _Work(ctx, facts, site_url)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            theirs = pool.submit(_worker)
            made = run_jobs(ctx, HERE_JOBS)
            their_pages, exports = theirs.result()
    finally:
        _work = None
    return assemble(ctx, {**made, **their_pages}, exports), exports


def _worker() -> tuple[Mapping[str, Made], dict[str, str]]:
    assert _work is not None, "the worker runs in a process forked by generate()"
    ctx = _work.ctx
    exports = build_exports(ctx.records, _work.facts, _work.site_url, ctx.today)
    return run_jobs(ctx, WORKER_JOBS), exports
