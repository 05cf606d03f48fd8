"""What a phone downloads per search, at N synthetic records (bench/synthetic.py).

    .venv/bin/python bench/search_payload.py 10000 [--queries 20]

Builds the synthetic forum's site (the index is made by the build), then runs queries in
Debian's Chromium with Pagefind's own script, as the header box does, and sums the bytes
of every file the page fetched under /pagefind/ from the first keystroke on: the script
and its WebAssembly, the entry and metadata files, the index chunks and filter files the
query loaded, and the fragments of the first 8 results (one page of results). Each query
runs in a fresh browser context, so nothing is cached. Also reports the index's size and
Pagefind's peak memory while indexing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from playwright.sync_api import Browser  # noqa: E402
from synthetic import WORDS, generate  # noqa: E402

from browser_kit import chromium, serve  # noqa: E402

INDEX = """
import resource, sys
from pathlib import Path
from openforum.fulltext import index_site
index_site(Path(sys.argv[1]))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
QUERY = """async ([query, shown, filters]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ranking: {pageLength: 0.3, termSimilarity: 5.0}});
  if (filters) await pagefind.filters();
  const found = await pagefind.search(query);
  await Promise.all(found.results.slice(0, shown).map(r => r.data()));
  return found.results.length;
}"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("records", type=int)
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="openforum-search-bench-"))
    try:
        generate(args.records, work / "records")
        from site_build import build_site

        started = time.perf_counter()
        site = build_site(work / "build", work / "records").root
        print(f"built {args.records} records in {time.perf_counter() - started:.0f} s")
        shutil.rmtree(site / "pagefind")
        started = time.perf_counter()
        # In a fresh process, whose only child is Pagefind: its peak is Pagefind's alone.
        peak = int(
            subprocess.run(
                [sys.executable, "-c", INDEX, str(site)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        bundle = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
        print(
            f"indexing: {time.perf_counter() - started:.1f} s, Pagefind peak RSS "
            f"{peak / 1024:.0f} MiB; index on disk {bundle / 1e6:.1f} MB"
        )
        rng = random.Random(1)
        queries = rng.sample(WORDS, args.queries // 2)
        queries += [f"c-{rng.randrange(args.records // 5):05d}" for _ in range(args.queries // 4)]
        queries += [f"Member {rng.randrange(args.records // 10)}" for _ in range(args.queries // 4)]
        with serve(site) as base, chromium() as browser:
            for filters in (False, True):
                measure(browser, base, queries, filters)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(browser: Browser, base: str, queries: list[str], filters: bool) -> None:
    """Bytes of /pagefind/ files each query fetched (as served: uncompressed HTTP, so
    pagefind.js and the WebAssembly count at full size; the index files are gzip)."""
    sizes = []
    for query in queries:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "about/")
        fetched: list[int] = []
        page.on(
            "requestfinished",
            lambda r, into=fetched: into.append(
                r.sizes()["responseBodySize"] if "/pagefind/" in r.url else 0
            ),
        )
        hits = page.evaluate(QUERY, [query, 8, filters])
        sizes.append((sum(fetched), query, hits))
        context.close()
    print("with the filter files:" if filters else "a query and its first 8 results:")
    for size, query, hits in sorted(sizes, reverse=True)[:5]:
        print(f"  {size / 1024:7.1f} KiB  {query!r} ({hits} results)")
    total = [size for size, _, _ in sizes]
    print(
        f"  per query ({len(sizes)} queries): max {max(total) / 1024:.1f} KiB, "
        f"median {sorted(total)[len(total) // 2] / 1024:.1f} KiB (limit 300 KiB)"
    )


if __name__ == "__main__":
    main()
