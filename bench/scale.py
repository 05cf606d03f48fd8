"""Scale benchmark (issue 7): OpenForum against plain Material on the same N and the same text.

    .venv/bin/python bench/scale.py N [N ...] [--repeat R] [--keep DIR] [--profile]

For each N:

(a) writes a synthetic forum of N records (bench/synthetic.py) and builds it with OpenForum:
    the project's mkdocs.yml with docs_dir = content/, the synthetic
    records, a fixed `today`, the site in the work folder;
(b) writes N plain Markdown pages, one per record, each its title and the record's body
    text, plus a home page and five section index pages that make up the whole nav, and
    builds them with the same Material theme settings and search plugin, no openforum;
(c) times `openforum validate` on the synthetic forum (whole command, 3 runs, median);
(d) with `node` on PATH, asks Material's search worker for commitment ids, titles and
    member names on the OpenForum site (bench/search_rank.py).

Each `mkdocs build` runs in its own process, reaped with os.wait4 so that wall time, CPU
time and peak resident memory are that build's alone (CPU time includes OpenForum's forked
worker; peak memory is the larger of the two processes, not their sum). Printed per build:
wall and CPU time, peak RSS, output size, search payload (search/search_index.json plus
every other file the search fetches before it can show a first result: the search worker
script, and the lunr language files when the site's language is not English; raw and
gzip-compressed),
and the size of record pages (site/<kind>/<id>/index.html for every record that has a
page: largest and median). Then the ratio (a)/(b), and a summary table with the issue's
thresholds checked.

--repeat R  builds each site R times (alternating a, b) and keeps the fastest wall time;
            the machine may be shared, so single timings are noisy: CPU time is printed
            too, and is less disturbed by other load than wall time.
--keep DIR  keeps forums, configs, sites and build logs under DIR/N/ (default: a temp dir
            removed afterwards).
--profile   also builds the OpenForum site once more under cProfile (not timed) and writes
            DIR/N/openforum.prof (with --keep) or ./openforum-N.prof; prints its top lines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))
from search_rank import Ranking, rank  # noqa: E402
from synthetic import generate  # noqa: E402

TODAY = date(2026, 11, 23)
EDIT_BASE = "https://github.com/openforum/openforum/edit/main/"
BIN = Path(sys.executable).parent
# Material's end-of-life banner off; a fixed build date for anything that reads the clock.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795392000"}
MB = 1_000_000

# The plain site's nav: home plus one index page per section (a "small nav").
PLAIN_SECTIONS = ("commitments", "meetings", "members", "consultations", "plans")


def _tool(name: str) -> list[str]:
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


# ------------------------------------------------------------------------------ processes


@dataclass
class Proc:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process (and any children it waited for)
    peak_mb: float  # peak resident set size, MiB
    log: str


def run(command: list[str], cwd: Path, log_file: Path) -> Proc:
    """Run `command`, its output into `log_file`; fail loudly if it fails."""
    with log_file.open("wb") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log_file.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n{text[-4000:]}")
    # ru_maxrss is in KiB on Linux, bytes on macOS; peak_mb is in MiB (2 GB = 2048).
    peak = usage.ru_maxrss / (1024**2 if sys.platform == "darwin" else 1024)
    return Proc(wall, usage.ru_utime + usage.ru_stime, peak, text)


# ------------------------------------------------------------------------------ the sites


def openforum_config(work: Path) -> Path:
    """The project's mkdocs.yml, pointed at work/forum_records; as tests/site_build.py."""
    raw = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw["docs_dir"] = str(PROJECT / "content")
    raw["site_dir"] = str(work / "openforum-site")
    for index, plugin in enumerate(raw["plugins"]):
        if isinstance(plugin, dict) and "openforum" in plugin:
            options = plugin["openforum"] or {}
            options.update(records="forum_records", today=TODAY, repo_edit_base=EDIT_BASE)
            raw["plugins"][index] = {"openforum": options}
    config = work / "openforum.yml"
    config.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return config


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_TITLE = re.compile(r"^(?:title|name): *(.+)$", re.MULTILINE)


def plain_docs(records: Path, docs: Path) -> int:
    """One page per record (title + body text) in the same folders; returns the count."""
    if docs.exists():
        shutil.rmtree(docs)
    count = 0
    for path in sorted(records.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = _FRONT.match(text)
        body = text[front.end() :].strip() if front else text.strip()
        found = _TITLE.search(front.group(1)) if front else None
        title = found.group(1).strip().strip("\"'") if found else f"Record {path.stem}"
        target = docs / path.relative_to(records)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        count += 1
    (docs / "index.md").write_text("# Home\n\nA plain Material site.\n", encoding="utf-8")
    for section in PLAIN_SECTIONS:
        page = docs / section / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# {section.title()}\n\nThe {section} of the forum.\n", encoding="utf-8")
    return count


def plain_config(work: Path) -> Path:
    """Material with the project's theme settings (no custom_dir) and search; small nav."""
    project = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {k: v for k, v in project["theme"].items() if k != "custom_dir"}
    raw = {
        "site_name": "Plain Material",
        "site_url": project.get("site_url", "https://example.org/"),
        "docs_dir": str(work / "plain-docs"),
        "site_dir": str(work / "plain-site"),
        "use_directory_urls": True,
        "theme": theme,
        "plugins": ["search"],
        # Record pages are built but not listed, as OpenForum's record pages are.
        "not_in_nav": "*.md\n!/index.md\n!/*/index.md\n",
        "nav": [{"Home": "index.md"}]
        + [{section.title(): f"{section}/index.md"} for section in PLAIN_SECTIONS],
    }
    config = work / "plain.yml"
    config.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return config


# ------------------------------------------------------------------------------ measuring


@dataclass
class Site:
    pages: int  # HTML files
    site_mb: float
    search_mb: float
    search_gz_mb: float
    search_files: list[str]
    record_pages: int
    record_max_kb: float
    record_median_kb: float
    record_max_page: str


def search_payload(site: Path) -> list[Path]:
    """The files the search fetches before its first result (Material 9.x)."""
    index = site / "search" / "search_index.json"
    files = [index] if index.exists() else []
    home = (site / "index.html").read_text(encoding="utf-8")
    worker = re.search(r'"search":\s*"([^"]+)"', home)  # in the __config JSON of every page
    if worker:
        files.append(site / worker.group(1).lstrip("./"))
    if index.exists():
        lang = json.loads(index.read_text(encoding="utf-8"))["config"].get("lang", ["en"])
        others = [code for code in lang if code != "en"]
        if others:  # the worker importScripts these before indexing
            lunr = site / "assets" / "javascripts" / "lunr"
            files.append(lunr / "min" / "lunr.stemmer.support.min.js")
            files += [lunr / "min" / f"lunr.{code}.min.js" for code in others]
            files += [lunr / "tinyseg.js"] if "ja" in others else []
            files += [lunr / "wordcut.js"] if "th" in others else []
            files += [lunr / "min" / "lunr.multi.min.js"] if len(lang) > 1 else []
    return [f for f in files if f.exists()]


def record_pages(records: Path, site: Path) -> list[Path]:
    """site/<kind>/<id>/index.html of every record file <kind>/<id>.md that has a page."""
    pages = (site / p.parent.name / p.stem / "index.html" for p in records.glob("*/*.md"))
    return [page for page in pages if page.exists()]


def measure(site: Path, records: Path) -> Site:
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    payload = search_payload(site)
    raw = [p.read_bytes() for p in payload]
    pages = record_pages(records, site)
    sizes = {p: p.stat().st_size / 1024 for p in pages}
    largest = max(sizes, key=sizes.__getitem__) if sizes else None
    return Site(
        pages=sum(1 for _ in site.rglob("*.html")),
        site_mb=size / MB,
        search_mb=sum(map(len, raw)) / MB,
        search_gz_mb=sum(len(gzip.compress(data, 6)) for data in raw) / MB,
        search_files=[str(p.relative_to(site)) for p in payload],
        record_pages=len(pages),
        record_max_kb=sizes[largest] if largest else 0.0,
        record_median_kb=statistics.median(sizes.values()) if sizes else 0.0,
        record_max_page=str(largest.relative_to(site)) if largest else "-",
    )


@dataclass
class Build:
    name: str
    proc: Proc  # the fastest of the repeats
    site: Site
    warnings: int


def build(name: str, config: Path, work: Path, runs: list[Proc]) -> None:
    """One timed `mkdocs build`; appends its Proc to `runs`."""
    site_dir = Path(yaml.safe_load(config.read_text(encoding="utf-8"))["site_dir"])
    shutil.rmtree(site_dir, ignore_errors=True)  # not timed: MkDocs would clean it first
    log = work / f"{name}-build-{len(runs) + 1}.log"
    runs.append(run([*_tool("mkdocs"), "build", "-f", str(config)], work, log))


def warnings_in(log: str) -> int:
    return sum(1 for line in log.splitlines() if line.startswith("WARNING"))


def profile(config: Path, work: Path, out: Path) -> None:
    command = [sys.executable, "-m", "cProfile", "-o", str(out), *_tool("mkdocs")]
    if command[-1] == "mkdocs":  # `python -m mkdocs` cannot follow -m cProfile
        command[-3:] = ["-m", "mkdocs"]
    run([*command, "build", "-q", "-f", str(config)], work, work / "profile.log")

    for key in ("cumulative", "tottime"):
        print(f"\n--- cProfile of the OpenForum build, top 25 by {key} ({out}) ---")
        stats = pstats.Stats(str(out), stream=sys.stdout)
        stats.strip_dirs().sort_stats(key).print_stats(25)


# ------------------------------------------------------------------------------ reporting

HEADER = (
    f"{'build':<10}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}{'pages':>7}{'site MB':>9}"
    f"{'search MB':>10}{'gz MB':>7}{'rec max KB':>11}{'rec med KB':>11}{'warn':>5}"
)


def line(build: Build) -> str:
    p, s = build.proc, build.site
    return (
        f"{build.name:<10}{p.wall:8.1f}{p.cpu:8.1f}{p.peak_mb:9.0f}{s.pages:7d}{s.site_mb:9.1f}"
        f"{s.search_mb:10.2f}{s.search_gz_mb:7.2f}{s.record_max_kb:11.1f}"
        f"{s.record_median_kb:11.1f}{build.warnings:5d}"
    )


@dataclass
class Result:
    size: int
    records: int
    ours: Build
    theirs: Build
    validate: list[float]
    search: list[Ranking] | None  # None without Node


def bench_one(size: int, work: Path, repeat: int, with_profile: bool) -> Result:
    records = work / "forum_records"
    started = time.perf_counter()
    counts = generate(size, records)
    count = sum(counts.values()) + 1
    plain_docs(records, work / "plain-docs")
    print(f"\nN = {size}: {count} records written in {time.perf_counter() - started:.1f} s")
    ours_config, theirs_config = openforum_config(work), plain_config(work)
    ours_runs: list[Proc] = []
    theirs_runs: list[Proc] = []
    for _ in range(repeat):  # alternate, so that both see the same background load
        build("openforum", ours_config, work, ours_runs)
        print(f"  openforum build: {ours_runs[-1].wall:.1f} s", flush=True)
        build("material", theirs_config, work, theirs_runs)
        print(f"  material build:  {theirs_runs[-1].wall:.1f} s", flush=True)
    ours = min(ours_runs, key=lambda p: p.wall)
    theirs = min(theirs_runs, key=lambda p: p.wall)
    result = Result(
        size,
        count,
        Build("openforum", ours, measure(work / "openforum-site", records), warnings_in(ours.log)),
        Build("material", theirs, measure(work / "plain-site", records), warnings_in(theirs.log)),
        [
            run([*_tool("openforum"), "validate", str(records)], work, work / "validate.log").wall
            for _ in range(3)
        ],
        None,
    )
    ranked = rank(work / "openforum-site", records)
    if ranked is not None:
        setup, result.search = ranked
        print(f"  search (Material's worker in Node): index built in {setup:.1f} s;", end="")
        print("; ".join(f" {r.what} first {r.first}/{r.asked}" for r in result.search))
    print(HEADER)
    print(line(result.ours))
    print(line(result.theirs))
    print(f"  search payload files: {', '.join(result.ours.site.search_files)}")
    print(f"  largest record page: {result.ours.site.record_max_page}")
    print(
        f"  ratio openforum/material: wall {ours.wall / theirs.wall:.2f}, cpu "
        f"{ours.cpu / theirs.cpu:.2f}"
    )
    print(f"  openforum validate: {statistics.median(result.validate):.2f} s (median of 3)")
    if with_profile:
        profile(ours_config, work, work / "openforum.prof")
    return result


def verdict(ok: bool) -> str:
    return "ok" if ok else "FAIL"


def summary(results: list[Result]) -> None:
    print(f"\n=== summary (cores: {os.cpu_count()}; wall times on a shared machine are noisy) ===")
    print(
        f"{'N':>6}{'records':>8}{'OF s':>7}{'MkM s':>7}{'ratio':>7}{'cpu ratio':>10}"
        f"{'OF MB':>7}{'MkM MB':>7}{'OF site':>8}{'MkM site':>9}{'OF search':>10}"
        f"{'MkM search':>11}{'rec max KB':>11}{'validate s':>11}"
    )
    for r in results:
        o, t = r.ours, r.theirs
        print(
            f"{r.size:6d}{r.records:8d}{o.proc.wall:7.1f}{t.proc.wall:7.1f}"
            f"{o.proc.wall / t.proc.wall:7.2f}{o.proc.cpu / t.proc.cpu:10.2f}"
            f"{o.proc.peak_mb:7.0f}{t.proc.peak_mb:7.0f}{o.site.site_mb:8.1f}{t.site.site_mb:9.1f}"
            f"{o.site.search_mb:10.2f}{t.site.search_mb:11.2f}{o.site.record_max_kb:11.1f}"
            f"{statistics.median(r.validate):11.2f}"
        )
    print(
        "(OF = OpenForum, MkM = plain Material; sizes in MB; search = raw bytes fetched "
        "before the first result)"
    )
    print("\nissue 7 thresholds:")
    for r in results:
        ratio = r.ours.proc.wall / r.theirs.proc.wall
        print(
            f"  N={r.size}: time ratio {ratio:.2f} <= 1.0 {verdict(ratio <= 1.0)}, "
            f"<= 1.25 {verdict(ratio <= 1.25)}; record page {r.ours.site.record_max_kb:.0f} KB "
            f"<= 60 {verdict(r.ours.site.record_max_kb <= 60)}"
        )
    by_size = {r.size: r for r in results}
    sizes = sorted(by_size)
    if len(sizes) > 1:
        small, large = by_size[sizes[0]], by_size[sizes[-1]]
        growth = large.ours.proc.wall / small.ours.proc.wall
        linear = large.size / small.size
        limit = 1.1 * linear  # the issue: time(10,000)/time(1,000) <= 11, i.e. 10% over
        print(
            f"  time({large.size})/time({small.size}) = {growth:.1f} (linear {linear:.1f}; "
            f"allowed {limit:.1f}) {verdict(growth <= limit)}"
        )
    for r in results:
        found = next((x for x in r.search or [] if x.what == "commitment id"), None)
        if found is not None:
            ok = found.first == found.asked
            print(
                f"  N={r.size}: a commitment's id finds it first {found.first}/{found.asked} "
                f"{verdict(ok)}"
            )
    if 10000 in by_size:
        r = by_size[10000]
        print(
            f"  N=10000: validate {statistics.median(r.validate):.2f} s <= 3 "
            f"{verdict(statistics.median(r.validate) <= 3)}; peak {r.ours.proc.peak_mb:.0f} MB "
            f"<= 2048 {verdict(r.ours.proc.peak_mb <= 2048)}; search {r.ours.site.search_mb:.2f}"
            f" MB <= 2 {verdict(r.ours.site.search_mb <= 2)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="+", type=int, metavar="N")
    parser.add_argument("--repeat", type=int, default=1, help="builds per site; fastest kept")
    parser.add_argument("--keep", type=Path, help="keep the work folders under DIR/N/")
    parser.add_argument("--profile", action="store_true", help="also cProfile the OF build")
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        if args.keep:
            work = args.keep.resolve() / str(size)
            work.mkdir(parents=True, exist_ok=True)
            results.append(bench_one(size, work, args.repeat, args.profile))
        else:
            with tempfile.TemporaryDirectory(prefix=f"openforum-scale-{size}-") as tmp:
                results.append(bench_one(size, Path(tmp), args.repeat, args.profile))
    summary(results)


if __name__ == "__main__":
    main()
