"""Reads cProfile output of a site build and says where the time goes, by origin.

    .venv/bin/python bench/profile_report.py SMALL.prof [LARGE.prof --scale K] [--top T]

Prints the time spent in each origin (our plugin, MkDocs, Material, Python-Markdown,
Jinja2, the standard library, ...), the top functions by own time and, for our code, by
cumulative time. Given two profiles of the same build at two sizes (LARGE = K times the
records of SMALL), lists the functions whose own time grew faster than K: the ones that
will not scale linearly.

`bench/scale.py --profile --keep DIR` writes DIR/N/openforum.prof.
"""

from __future__ import annotations

import argparse
import pstats
from collections import defaultdict
from pathlib import Path

# (marker in the file path, origin); the first match wins.
ORIGINS = (
    ("/plugins/openforum/", "openforum"),
    ("/mkdocs/", "mkdocs"),
    ("/material/", "material"),
    ("/pymdownx/", "pymdownx"),
    ("/markdown/", "markdown"),
    ("/jinja2/", "jinja2"),
    ("/markupsafe/", "markupsafe"),
    ("/yaml/", "pyyaml"),
    ("/frictionless/", "frictionless"),
    ("/icalendar/", "icalendar"),
    ("/site-packages/", "other packages"),
    ("main.html", "templates"),
    (".html", "templates"),
    ("/lib/python3", "stdlib"),
    ("~", "builtins"),
)

Key = tuple[str, int, str]


def origin(key: Key) -> str:
    filename = key[0]
    for marker, name in ORIGINS:
        if marker in filename:
            return name
    return "other"


def label(key: Key) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    for marker in ("/plugins/openforum/", "/site-packages/", "/lib/python3.11/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


def load(path: Path) -> dict[Key, tuple[int, float, float]]:
    """function -> (calls, own seconds, cumulative seconds)."""
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    return {key: (nc, tt, ct) for key, (cc, nc, tt, ct, _callers) in stats.items()}


def by_origin(stats: dict[Key, tuple[int, float, float]]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for key, (_calls, own, _cum) in stats.items():
        totals[origin(key)] += own
    return totals


def report(path: Path, top: int) -> dict[Key, tuple[int, float, float]]:
    stats = load(path)
    total = sum(own for _, own, _ in stats.values())
    print(f"== {path}: {total:.1f} s of own time in all")
    for name, seconds in sorted(by_origin(stats).items(), key=lambda kv: -kv[1]):
        print(f"  {name:<16}{seconds:8.2f} s {seconds / total:6.1%}")
    print(f"\n  top {top} by own time:")
    print(f"  {'calls':>10}{'own s':>8}{'cum s':>8}  origin        function")
    for key, (calls, own, cum) in sorted(stats.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"  {calls:10d}{own:8.2f}{cum:8.2f}  {origin(key):<14}{label(key)}")
    ours = [(k, v) for k, v in stats.items() if origin(k) == "openforum"]
    print(f"\n  our code, top {top} by cumulative time:")
    for key, (calls, own, cum) in sorted(ours, key=lambda kv: -kv[1][2])[:top]:
        print(f"  {calls:10d}{own:8.2f}{cum:8.2f}  {label(key)}")
    print()
    return stats


def compare(small: dict, large: dict, scale: float, top: int) -> None:
    print(f"== growth from the small to the large build (records x{scale:g})")
    totals = sum(v[1] for v in large.values()) / sum(v[1] for v in small.values())
    print(f"  all own time: x{totals:.2f}")
    small_o, large_o = by_origin(small), by_origin(large)
    for name in sorted(large_o, key=lambda n: -large_o[n]):
        if large_o[name] > 0.2:
            grew = large_o[name] / small_o[name] if small_o.get(name) else float("inf")
            before = small_o.get(name, 0.0)
            print(f"  {name:<16}{before:8.2f} s -> {large_o[name]:8.2f} s  x{grew:.2f}")
    rows = []
    for key, (calls, own, cum) in large.items():
        before = small.get(key)
        if before is None or before[1] <= 0.01:
            continue
        excess = own - before[1] * scale  # seconds above linear growth
        rows.append((excess, key, before, (calls, own, cum)))
    rows.sort(key=lambda row: -row[0])
    print(f"\n  top {top} functions by own time above linear growth (cum for context):")
    print(
        f"  {'own small':>10}{'own large':>10}{'growth':>8}{'calls small':>12}{'calls large':>12}"
    )
    for excess, key, before, after in rows[:top]:
        if excess <= 0:
            break
        print(
            f"  {before[1]:10.2f}{after[1]:10.2f}{after[1] / before[1]:8.1f}"
            f"{before[0]:12d}{after[0]:12d}  {origin(key):<12}{label(key)}"
        )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("small", type=Path)
    parser.add_argument("large", type=Path, nargs="?")
    parser.add_argument("--scale", type=float, help="records of LARGE / records of SMALL")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    small = report(args.small, args.top)
    if args.large:
        if not args.scale:
            parser.error("--scale is needed with two profiles")
        large = report(args.large, args.top)
        compare(small, large, args.scale, args.top)


if __name__ == "__main__":
    main()
