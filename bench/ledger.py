"""Where one build's CPU time goes, phase by phase, beside plain Material's whole build.

    .venv/bin/python bench/ledger.py N [N ...] [--shapes S ...] [--repeat R] [--keep DIR]

For each shape and N, writes the forum (bench/shapes.py) and its plain Material counterpart
(as shapes_bench.py does), then alternates R times: an OpenForum build in one process with
the CPU time (user and system) taken at each step of the plugin, and a plain Material build.
Prints each phase's least time over the R builds and its share of Material's least time:

  start       Python, the imports and MkDocs' configuration, up to the plugin's first step
  records     reading, checking and deriving the records
  pages       OpenForum's pages, the API and the CSV tables
  framing     MkDocs and Material putting every page in the theme and writing it
  open data   calendars, feeds, Popolo and the rest written after the pages
  scan        the privacy scan of every file written
  other       what is left of the build's own process (navigation, sitemap, waiting)
  index       Pagefind, in its own process

Each phase's least time is taken on its own, so the phases may add up to less than the
least total. This machine's speed drifts within a run: the alternation puts both builds
in the same drift.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale import _tool, plain_docs  # noqa: E402
from shapes import SHAPES, generate  # noqa: E402
from shapes_bench import configs, timed  # noqa: E402

PHASES = ("start", "records", "pages", "framing", "open data", "scan", "other", "index")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _build_with_marks(config: str, site: str, out: str) -> None:
    """`mkdocs build` in this process, the CPU time at each step written to `out` (JSON)."""
    from mkdocs.__main__ import cli

    from openforum import build, generation
    from openforum.adapters.mkdocs.plugin import OpenForumPlugin

    marks: list[tuple[str, float]] = []

    def around(owner: Any, name: str) -> None:
        step: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(step)
        def marked(*args: Any, **kwargs: Any) -> Any:
            marks.append((f"> {name}", _cpu()))
            try:
                return step(*args, **kwargs)
            finally:
                marks.append((f"< {name}", _cpu()))

        setattr(owner, name, marked)

    for name in ("on_config", "on_files", "on_env", "on_post_build"):
        around(OpenForumPlugin, name)
    around(generation.Generation, "finish")
    around(build, "scanned")
    try:
        cli(["build", "-q", "-f", config, "-d", site], standalone_mode=False)
    finally:
        marks.append(("end", _cpu()))
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        index = children.ru_utime + children.ru_stime
        Path(out).write_text(json.dumps({"marks": marks, "index": index}), encoding="utf-8")


def phases(recorded: dict[str, Any]) -> dict[str, float]:
    """The phases' CPU times (seconds) of one build's marks."""
    marks: list[tuple[str, float]] = recorded["marks"]

    def at(label: str, nth: int = 0) -> float:
        return [cpu for name, cpu in marks if name == label][nth]

    def spent(name: str) -> float:
        starts = [cpu for label, cpu in marks if label == f"> {name}"]
        ends = [cpu for label, cpu in marks if label == f"< {name}"]
        return sum(end - start for start, end in zip(starts, ends, strict=True))

    found = {
        "start": at("> on_config"),
        "records": spent("on_config"),
        "pages": spent("on_files"),
        "framing": at("> on_post_build") - at("< on_env"),
        "open data": spent("finish"),
        "scan": spent("scanned"),
    }
    own = at("end")
    found["other"] = own - sum(found.values())
    found["index"] = float(recorded["index"])
    found["total"] = own + found["index"]
    return found


def ledger(shape: str, size: int, work: Path, repeat: int) -> None:
    records = work / "forum_records"
    generate(shape, size, records)
    plain_docs(records, work / "plain-docs")
    made = configs(work)
    (of_config, of_env), (plain_config, plain_env) = made["of-one"], made["material"]
    ours: list[dict[str, float]] = []
    material: list[float] = []
    for attempt in range(repeat):
        out, site = work / f"marks-{attempt}.json", work / f"site-of-one-{attempt}"
        command = [sys.executable, __file__, "--marks", str(of_config), str(site), str(out)]
        timed(command, work, of_env, work / f"of-one-{attempt}.log")
        ours.append(phases(json.loads(out.read_text(encoding="utf-8"))))
        site = work / f"site-material-{attempt}"
        plain = [*_tool("mkdocs"), "build", "-q", "-f", str(plain_config), "-d", str(site)]
        material.append(timed(plain, work, plain_env, work / f"material-{attempt}.log").cpu)
    least = min(material)
    print(f"\n{shape} N={size}: plain Material {least:.2f} s of CPU (least of {repeat})")
    print(f"  {'phase':10} {'CPU s':>6} {'of Material':>12}")
    for phase in (*PHASES, "total"):
        cpu = min(build[phase] for build in ours)
        print(f"  {phase:10} {cpu:6.2f} {cpu / least:11.0%}")


def main() -> None:
    if sys.argv[1:2] == ["--marks"]:  # one OpenForum build, run by `ledger`
        _build_with_marks(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", metavar="N", type=int, nargs="+")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=["rotating"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the work folders under DIR/shape-N/")
    options = parser.parse_args()
    for shape in options.shapes:
        for size in options.sizes:
            if options.keep:
                work = options.keep / f"{shape}-{size}"
                work.mkdir(parents=True, exist_ok=True)
                ledger(shape, size, work, options.repeat)
                continue
            with tempfile.TemporaryDirectory(prefix="openforum-ledger-") as folder:
                ledger(shape, size, Path(folder), options.repeat)


if __name__ == "__main__":
    main()
