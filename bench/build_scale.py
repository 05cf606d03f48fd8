"""OpenForum against plain Material on the same number of pages and the same text.

    .venv/bin/python bench/build_scale.py 1000 3000 [10000]

For each N: writes a synthetic forum of N records (bench/synthetic.py), builds it with
OpenForum, then builds plain Material on N plain Markdown pages carrying the same bodies
with a small nav; prints wall time, peak memory, output size, search payload and the
largest record page, then the ratio. Builds run in subprocesses so that peak memory is
theirs alone. Timings on a shared machine are noisy: run twice and compare.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import generate  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    site_mb: float
    search_mb: float
    largest_page_kb: float
    median_page_kb: float


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and the command's own peak resident memory in MB (GNU time)."""
    report = cwd / "peak-kb.txt"
    started = time.perf_counter()
    subprocess.run(
        ["/usr/bin/time", "-f", "%M", "-o", str(report), *command],
        cwd=cwd,
        env=ENV,
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(report.read_text().split()[-1]) / 1024


def measure(site: Path, seconds: float, peak: float, pages: list[Path]) -> Run:
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    search = site / "search" / "search_index.json"
    sizes = [p.stat().st_size / 1024 for p in pages] or [0.0]
    return Run(
        seconds,
        peak,
        size / 1e6,
        search.stat().st_size / 1e6 if search.exists() else 0.0,
        max(sizes),
        statistics.median(sizes),
    )


def openforum_build(work: Path, records: Path) -> Run:
    raw = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw.update(docs_dir=str(PROJECT / "content"), site_dir=str(work / "site"))
    raw["theme"]["custom_dir"] = str(PROJECT / "site_src")
    for plugin in raw["plugins"]:
        if isinstance(plugin, dict) and "openforum" in plugin:
            plugin["openforum"].update(records=str(records), today="2026-11-22")
    (work / "mkdocs.yml").write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    seconds, peak = timed([*MKDOCS, "build", "-q", "-f", "mkdocs.yml"], work)
    site = work / "site"
    pages = [
        p
        for kind in ("commitments", "meetings", "members")
        for p in (site / kind).glob("*/index.html")
    ]
    return measure(site, seconds, peak, pages)


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def material_build(work: Path, records: Path) -> Run:
    docs = work / "docs"
    for index, path in enumerate(sorted(records.rglob("*.md"))):
        body = _FRONT.sub("", path.read_text(encoding="utf-8"))
        target = docs / path.parent.relative_to(records) / f"{path.stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# Record {index}: {path.stem}\n\n{body}", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config = {
        "site_name": "Plain Material",
        "site_url": "https://example.org/",
        "docs_dir": str(docs),
        "site_dir": str(work / "site"),
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": [{"Home": "index.md"}],  # a small nav: the other pages are not listed
    }
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    seconds, peak = timed([*MKDOCS, "build", "-q", "-f", "mkdocs.yml"], work)
    site = work / "site"
    return measure(site, seconds, peak, list((site / "commitments").glob("*/index.html")))


def validate_seconds(records: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "openforum", "validate", str(records)], capture_output=True
    )
    return time.perf_counter() - started


def row(name: str, run: Run) -> str:
    return (
        f"{name:<12}{run.seconds:9.1f}{run.peak_mb:10.0f}{run.site_mb:10.1f}"
        f"{run.search_mb:10.2f}{run.largest_page_kb:10.1f}{run.median_page_kb:10.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="+", type=int)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    header = f"{'build':<12}{'time s':>9}{'peak MB':>10}{'site MB':>10}{'search MB':>10}"
    header += f"{'max KB':>10}{'med KB':>10}"
    times: dict[int, float] = {}
    for size in sorted(args.sizes):
        with tempfile.TemporaryDirectory(prefix=f"openforum-bench-{size}-") as tmp:
            work = Path(tmp)
            records = work / "forum_records"
            generate(size, records)
            ours_dir, theirs_dir = work / "openforum", work / "material"
            ours_dir.mkdir()
            theirs_dir.mkdir()
            ours = openforum_build(ours_dir, records)
            theirs = material_build(theirs_dir, records)
            check = validate_seconds(records)
            shutil.rmtree(ours_dir / "site", ignore_errors=True)
        times[size] = ours.seconds
        print(f"\nN = {size}\n{header}\n{row('openforum', ours)}\n{row('material', theirs)}")
        print(f"ratio openforum/material: {ours.seconds / theirs.seconds:.2f}")
        print(f"openforum validate: {check:.2f} s")
    if len(times) > 1:
        small, large = min(times), max(times)
        growth = times[large] / times[small]
        print(f"\ntime({large}) / time({small}) = {growth:.1f} (linear: {large / small:.1f})")


if __name__ == "__main__":
    main()
