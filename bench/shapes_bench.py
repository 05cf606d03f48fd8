"""OpenForum against plain Material on forums of several shapes (issue 16).

    .venv/bin/python bench/shapes_bench.py N [N ...] [--shapes S ...] [--repeat R] [--keep DIR]
        [--rebuild]
        [--forum RECORDS ...]

For each shape (bench/shapes.py, and "restyled": the rotating forum as restyle.py writes it
again) and each N, writes the forum, then builds, alternating (a forum given with --forum,
written by others, is built the same way as one more shape):

  of-one      OpenForum in one process (`parallel: false`, OPENFORUM_START_METHOD=none)
  of-default  OpenForum with default settings (a second process on a multi-core machine)
  material    plain Material with its own search plugin, one Markdown page per record
              (its title and body), as bench/scale.py writes them
  material-pf the same pages with Pagefind in place of Material's search, run as OpenForum
              runs it (bench/pagefind_hook.py): the baseline with the same search engine

Each build is one `mkdocs build` process. CPU time is user + system time of that process and
of every process it waited for (Pagefind, the worker), read as the growth of this script's
RUSAGE_CHILDREN, its system part printed apart (file creation, whose cost swings with
how many files were removed in the last minutes on some file systems); peak memory is the
largest resident set of any of them (wait4's ru_maxrss).
Printed: wall, CPU, peak, the ratios to Material, the largest page of the OpenForum site,
the time of `openforum validate` on the forum (whole command, median of 3), and per shape
time(largest N) / time(smallest N) against linear x 1.1 (the issue's 11 for 1,000 -> 10,000).
--repeat keeps the fastest wall and the smallest CPU of R builds. --rebuild builds each round
into the folder of the last (the first into empty ones): a Forum's rebuild of its site; the
figures are then those of the rounds after the first.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from restyle import restyle  # noqa: E402
from scale import ENV, _tool, openforum_config, plain_config, plain_docs  # noqa: E402
from shapes import SHAPES, generate  # noqa: E402

BUILDS = ("of-one", "of-default", "material", "material-pf")
# The rotating forum written again as another team's program might (restyle.py).
RESTYLED = "restyled"
PF_HOOK = HERE / "pagefind_hook.py"
MiB = 1024 * 1024


@dataclass
class Run:
    wall: float
    cpu: float  # seconds, children included
    system: float  # of which system time: file creation, which this machine's state swings
    peak: float  # MiB


def timed(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if os.waitstatus_to_exitcode(status) != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"failed: {' '.join(command)}\n{tail}")
    system = after.ru_stime - before.ru_stime
    cpu = (after.ru_utime - before.ru_utime) + system
    return Run(wall, cpu, system, usage.ru_maxrss / 1024)


def configs(work: Path) -> dict[str, tuple[Path, dict[str, str]]]:
    """The builds' config files and environments."""
    base = yaml.safe_load(openforum_config(work).read_text(encoding="utf-8"))
    made: dict[str, tuple[Path, dict[str, str]]] = {}
    for name, parallel in (("of-one", False), ("of-default", None)):
        raw = dict(base, site_dir=str(work / f"site-{name}"))
        for plugin in raw["plugins"]:
            if isinstance(plugin, dict) and "openforum" in plugin:
                plugin["openforum"].pop("parallel", None)
                if parallel is not None:
                    plugin["openforum"]["parallel"] = parallel
        path = work / f"{name}.yml"
        path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
        env = dict(ENV, OPENFORUM_START_METHOD="none") if name == "of-one" else dict(ENV)
        made[name] = (path, env)
    made["material"] = (plain_config(work), dict(ENV))
    raw = yaml.safe_load(made["material"][0].read_text(encoding="utf-8"))
    raw.update(site_dir=str(work / "site-material-pf"), plugins=[], hooks=[str(PF_HOOK)])
    path = work / "material-pf.yml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    made["material-pf"] = (path, dict(ENV))
    return made


def largest_page(site: Path) -> tuple[str, float]:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    size, page = max(pages)
    return str(page.parent.relative_to(site)), size / 1024


def bench(
    shape: str,
    size: int,
    work: Path,
    repeat: int,
    builds: list[str],
    given: Path | None = None,
    rebuild: bool = False,
) -> dict[str, Run]:
    """`given`: a forum's records folder to build instead of the shape's generated forum.
    `rebuild`: each build goes into the folder of its last (see --rebuild)."""
    records = work / "forum_records"
    if shape == RESTYLED:
        generate("rotating", size, work / "rotating-records")
        restyle(work / "rotating-records", records)
    elif given is None:
        generate(shape, size, records)
    else:
        shutil.rmtree(records, ignore_errors=True)
        shutil.copytree(given, records)
    files = [p for p in records.rglob("*.md") if p.name.count(".") == 1]  # not translations
    input_mb = sum(p.stat().st_size for p in files) / 1e6
    plain_docs(records, work / "plain-docs")
    print(f"\n{shape} N={size}: {len(files)} records, {input_mb:.1f} MB", flush=True)
    runs: dict[str, list[Run]] = {name: [] for name in builds}
    chosen = {name: made for name, made in configs(work).items() if name in builds}
    # Builds take turns, each into a folder of its own, none removed before the last: on
    # some file systems (ext4 without a journal) making files soon after many were removed
    # costs several times the system time, which falls on whichever build comes next. The
    # turns are reversed every other round, so that no build is always the one after.
    for attempt in range(repeat):
        turns = list(chosen.items())
        for name, (config, env) in turns[::-1] if attempt % 2 else turns:
            site = work / f"site-{name}-{0 if rebuild else attempt}"
            if not (rebuild and attempt):  # from an earlier run kept with --keep
                shutil.rmtree(site, ignore_errors=True)
            (work / "published-urls.txt").unlink(missing_ok=True)
            command = [*_tool("mkdocs"), "build", "-q", "-f", str(config), "-d", str(site)]
            runs[name].append(timed(command, work, env, work / f"{name}-{attempt}.log"))
            done = runs[name][-1]
            print(
                f"  {name:10} wall {done.wall:6.1f} s  cpu {done.cpu:6.1f} s "
                f"(system {done.system:4.1f})  "
                f"peak {done.peak:6.0f} MiB",
                flush=True,
            )
    for name in ("of-one", "of-default"):
        if name in builds:
            where, kb = largest_page(work / f"site-{name}-0")
            print(f"  largest OpenForum page: {where}/ {kb:.0f} KB")
            break
    checks = [
        timed([*_tool("openforum"), "validate", str(records)], work, ENV, work / "validate.log")
        for _ in range(3)
    ]
    checks.sort(key=lambda r: r.wall)
    print(
        f"  openforum validate (whole command, median of 3): wall {checks[1].wall:.2f} s, "
        f"cpu {checks[1].cpu:.2f} s"
    )
    # With --rebuild the figures are the rebuilds', where there are any: not the first round.
    counted = {name: done[1:] if rebuild and len(done) > 1 else done for name, done in runs.items()}
    return {
        name: Run(
            min(r.wall for r in done),
            min(r.cpu for r in done),
            min(done, key=lambda r: r.cpu).system,
            max(r.peak for r in done),
        )
        for name, done in counted.items()
    }


def table(results: dict[tuple[str, int], dict[str, Run]]) -> None:
    print(f"\n=== figures (cores: {os.cpu_count()}; CPU includes Pagefind and the worker) ===")
    print("(user/Mat: CPU less system time, which swings with the file system's state;")
    print(" cpu/M+PF: CPU against Material with Pagefind as its search, the same engine)")
    print(
        f"{'shape':<17}{'N':>6}  {'build':<11}{'wall s':>7}{'cpu s':>7}{'sys s':>6}"
        f"{'peak MiB':>9}{'wall/Mat':>9}{'cpu/Mat':>8}{'user/Mat':>9}{'cpu/M+PF':>9}"
    )
    for (shape, size), runs in results.items():
        nothing = Run(float("nan"), float("nan"), 0, 0)
        theirs = runs.get("material", nothing)
        same_engine = runs.get("material-pf", nothing)
        for name, run in runs.items():
            print(
                f"{shape:<17}{size:6d}  {name:<11}{run.wall:7.1f}{run.cpu:7.1f}{run.system:6.1f}"
                f"{run.peak:9.0f}"
                f"{run.wall / theirs.wall:9.2f}{run.cpu / theirs.cpu:8.2f}"
                f"{(run.cpu - run.system) / (theirs.cpu - theirs.system):9.2f}"
                f"{run.cpu / same_engine.cpu:9.2f}"
            )
    shapes = sorted({shape for shape, _ in results})
    print("\ngrowth time(largest N) / time(smallest N), CPU (wall):")
    for shape in shapes:
        sizes = sorted(size for s, size in results if s == shape)
        if len(sizes) < 2:
            continue
        small, large = results[(shape, sizes[0])], results[(shape, sizes[-1])]
        allowed = 1.1 * sizes[-1] / sizes[0]
        parts = []
        for name in BUILDS:
            if name not in small or name not in large:
                continue
            cpu = large[name].cpu / small[name].cpu
            wall = large[name].wall / small[name].wall
            mark = "ok" if name.startswith("material") or cpu <= allowed else "OVER"
            parts.append(f"{name} {cpu:.1f} ({wall:.1f}) {mark}")
        print(f"  {shape:<17}{sizes[-1]}/{sizes[0]} allowed {allowed:.1f}: " + "; ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, metavar="N")
    every = [*SHAPES, RESTYLED]
    parser.add_argument("--shapes", nargs="*", choices=every, default=every)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--builds", nargs="+", choices=BUILDS, default=list(BUILDS), help="default: all four"
    )
    parser.add_argument("--keep", type=Path, help="keep the work folders under DIR/shape-N/")
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="each build into the folder of its last, as a Forum rebuilds its site (the first "
        "round builds into empty folders; MkDocs empties the folder, OpenForum writes over "
        "its record pages and open data)",
    )
    parser.add_argument(
        "--forum",
        type=Path,
        action="append",
        default=[],
        help="also build this records folder (a forum written by others), as a shape of its own",
    )
    args = parser.parse_args()
    results: dict[tuple[str, int], dict[str, Run]] = {}
    # One folder for every shape, removed at the end only: removing a shape's sites before
    # the next shape's builds would slow the first of them (see `bench`).
    with tempfile.TemporaryDirectory(prefix="openforum-shapes-") as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp)
        for shape in args.shapes:
            for size in args.sizes:
                work = root / f"{shape}-{size}"
                work.mkdir(parents=True, exist_ok=True)
                results[(shape, size)] = bench(
                    shape, size, work, args.repeat, args.builds, rebuild=args.rebuild
                )
        for given in args.forum:
            size = sum(1 for p in given.rglob("*.md") if p.name.count(".") == 1)
            work = root / f"forum-{given.resolve().parent.name}-{given.name}"
            work.mkdir(parents=True, exist_ok=True)
            label = given.resolve().parent.name
            results[(label, size)] = bench(
                label, size, work, args.repeat, args.builds, given, args.rebuild
            )
        table(results)


if __name__ == "__main__":
    main()
