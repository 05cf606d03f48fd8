"""The full-text search index: Pagefind, run over the built site at the end of each build.

Pages mark what is indexed (`data-pagefind-body` on record and hand-written pages, filters
and weights as attributes), so this step only runs Pagefind's own program, shipped by the
`pagefind[bin]` package, on the site folder. It writes `pagefind/` beside the pages: the
browser then loads only the index chunks and page fragments a query needs.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"  # the folder, under the site, that Pagefind writes
# Pages are written as HTML by the generator and the theme; redirect pages carry no body
# marker and are skipped by Pagefind on their own.
GLOB = "**/*.html"
# One index for the whole site, in a language Pagefind has no stemmer for: a word then finds
# its own form (and the longer words it begins), not every word of its root. A rare word
# from a record's minutes finds that record, not every page with a common relative of it
# ("checked" is not buried under every "check"). Measured on the demo forum: 7 of 443 words
# found in one record only missed their record in the first three with no stemming, 80
# with English stemming.
NO_STEMMING = "zz"
# Pagefind's program allocates through jemalloc (prefixed `_RJEM_`), which by default keeps
# freed pages for ten seconds: indexing frees large structures phase after phase, so the
# kept pages piled up to a fifth of its peak. Returning them at once: at 10,000 records,
# 1,053 MB -> 818 MB peak, for ~5 s more system time. Without jemalloc the variable is inert.
ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}


class SearchIndexError(Exception):
    """Indexing failed; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Indexed:
    pages: int  # pages Pagefind indexed


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError(
            "the search index needs Pagefind: install the project again "
            "(pip install -e .), which brings the 'pagefind[bin]' package"
        ) from None
    try:
        return Path(get_executable())
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"Pagefind's program is missing ({error}); reinstall pagefind[bin]"
        ) from None


def index_site(site: Path) -> Indexed:
    """Index the built site in `site`, writing `site/pagefind/`."""
    command = [
        str(pagefind_program()),
        "--site",
        str(site),
        "--glob",
        GLOB,
        "--output-subdir",
        BUNDLE,
        "--force-language",
        NO_STEMMING,
    ]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
            env={**os.environ, **ALLOCATOR},
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Pagefind could not index {site}: {error}") from None
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-10:])
        raise SearchIndexError(f"Pagefind could not index {site}:\n{tail}")
    return Indexed(_indexed_pages(done.stdout))


def _indexed_pages(output: str) -> int:
    # Pagefind reports "Indexed N pages" among its progress lines.
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2].startswith("page"):
            return int(words[1]) if words[1].isdigit() else 0
    return 0
