"""What a second process saves and costs: OpenForum builds of N synthetic records, each in
one process and in two.

    .venv/bin/python bench/processes.py N [N ...] [--repeat R] [--methods fork spawn]

For each N, writes a synthetic forum (bench/synthetic.py) and builds it with the project's
mkdocs.yml (as bench/scale.py does), alternating: `parallel: false` (one process), then
`parallel: true` with the worker started by each of --methods (OPENFORUM_START_METHOD).
Each build runs in its own process, reaped with os.wait4: CPU time includes the worker's.
Prints the fastest wall time and the median CPU time of each, and what the second process
saves in wall time and costs in CPU time against one process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale import ENV, Proc, _tool, openforum_config, run  # noqa: E402
from synthetic import generate  # noqa: E402

ONE = "one"


def config_for(work: Path, name: str) -> Path:
    """The benchmark's config with `parallel` set for `name` and its own site folder."""
    raw = yaml.safe_load(openforum_config(work).read_text(encoding="utf-8"))
    raw["site_dir"] = str(work / f"site-{name}")
    for plugin in raw["plugins"]:
        if isinstance(plugin, dict) and "openforum" in plugin:
            plugin["openforum"]["parallel"] = name != ONE
    config = work / f"{name}.yml"
    config.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return config


def build(work: Path, name: str, runs: list[Proc]) -> None:
    config = config_for(work, name)
    shutil.rmtree(work / f"site-{name}", ignore_errors=True)
    (work / "published-urls.txt").unlink(missing_ok=True)
    if name != ONE:
        ENV["OPENFORUM_START_METHOD"] = name  # scale.run starts every build with ENV
    try:
        log = work / f"{name}-{len(runs) + 1}.log"
        runs.append(run([*_tool("mkdocs"), "build", "-f", str(config)], work, log))
    finally:
        ENV.pop("OPENFORUM_START_METHOD", None)


def bench(size: int, work: Path, repeat: int, methods: list[str]) -> None:
    generate(size, work / "forum_records")
    runs: dict[str, list[Proc]] = {name: [] for name in [ONE, *methods]}
    for _ in range(repeat):  # alternating, so that each sees the same background load
        for name, done in runs.items():
            build(work, name, done)
            print(f"  N={size} {name}: {done[-1].wall:.2f} s wall, {done[-1].cpu:.2f} s cpu")
    one_wall = min(p.wall for p in runs[ONE])
    one_cpu = statistics.median(p.cpu for p in runs[ONE])
    print(f"N={size} (cores: {os.cpu_count()}, {repeat} builds each; wall: fastest, cpu: median)")
    for name, done in runs.items():
        wall = min(p.wall for p in done)
        cpu = statistics.median(p.cpu for p in done)
        peak = max(p.peak_mb for p in done)
        line = f"  {name:6} wall {wall:6.2f} s  cpu {cpu:6.2f} s  peak {peak:5.0f} MiB"
        if name != ONE:
            line += f"  saves {one_wall - wall:+.2f} s wall, costs {cpu - one_cpu:+.2f} s cpu"
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="+", type=int, metavar="N")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind")
    parser.add_argument(
        "--methods", nargs="+", default=["fork"], choices=["fork", "spawn", "forkserver"]
    )
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"openforum-processes-{size}-") as tmp:
            bench(size, Path(tmp), args.repeat, args.methods)


if __name__ == "__main__":
    main()
