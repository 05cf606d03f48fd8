"""How long after saving a record does `mkdocs serve` show the rebuilt page?

    .venv/bin/python bench/serve_rebuild.py [N] [--saves 3] [--parallel auto|true|false]
                                            [--languages en,es] [--shape SHAPE]
                                            [--kinds commitments members meetings ...]

Writes a synthetic forum of N records (default 1,000; bench/synthetic.py, or one of
bench/shapes.py's shapes with --shape), starts `mkdocs serve` on it, and after the first
build adds a sentence to a record of each kind several times: each time it measures from
the write to the moment the served page carries the new sentence (a saved record rebuilds
the pages it touches: plugins/openforum/incremental.py), and prints the plugin's line
saying how many pages it rebuilt. Prints each and the median per kind (the target: 2 s).
A member of a forum where every member attends every meeting is named by every meeting.
With --languages, the forum publishes in those languages (the first the default, whose
page is the one timed).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale import ENV, _tool, openforum_config  # noqa: E402
from shapes import SHAPES  # noqa: E402
from shapes import generate as generate_shape  # noqa: E402
from synthetic import generate  # noqa: E402

SYNTHETIC = "synthetic"  # bench/synthetic.py's forum, the one the other benches build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, marker: str, limit: float, log: Path | None = None) -> float:
    """Seconds until the page at `url` contains `marker` (polled every 20 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        page = fetch(url)
        if page is not None and marker in page:
            return time.perf_counter() - started
        time.sleep(0.02)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log else ""
    raise SystemExit(f"{url} did not show '{marker}' within {limit:.0f} s\n{tail}")


def _told(log: Path, count: int, seconds: float = 30) -> str | None:
    """The plugin's `count`-th "page(s) rebuilt" line, once written (the update goes on
    after the saved page is served: it rebuilds the pages that list the record)."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        text = log.read_text(encoding="utf-8", errors="replace")
        told = [line.strip() for line in text.splitlines() if "rebuilt for" in line]
        if len(told) >= count:
            return told[count - 1]
        if text.count("Building documentation") > count:  # a whole build instead
            return None
        time.sleep(0.05)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument(
        "--parallel",
        choices=("auto", "true", "false"),
        default="auto",
        help="the plugin's parallel option (auto: unset)",
    )
    parser.add_argument("--languages", help="forum.md's languages, comma-separated")
    parser.add_argument("--shape", choices=(SYNTHETIC, *SHAPES), default=SYNTHETIC)
    parser.add_argument(
        "--kinds", nargs="+", default=["commitments"], help="the kinds of record saved, in turn"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="openforum-serve-") as tmp:
        work = Path(tmp)
        records = work / "forum_records"
        if args.shape == SYNTHETIC:
            generate(args.size, records)
        else:
            generate_shape(args.shape, args.size, records)
        if args.languages:
            forum = records / "forum.md"
            line = f"languages: [{args.languages}]\n"
            forum.write_text(forum.read_text(encoding="utf-8").replace("---\n", f"---\n{line}", 1))
        config = openforum_config(work)
        if args.parallel != "auto":
            raw = yaml.safe_load(config.read_text(encoding="utf-8"))
            for plugin in raw["plugins"]:
                if isinstance(plugin, dict) and "openforum" in plugin:
                    plugin["openforum"]["parallel"] = args.parallel == "true"
            config.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
        port = free_port()
        server = subprocess.Popen(
            [*_tool("mkdocs"), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=work,
            env=ENV,
            stdout=(work / "serve.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            first = wait_for(f"{base}/", "<title>", 300)
            print(
                f"N = {args.size} ({args.shape}): first build served after {first:.1f} s "
                f"(cores: {os.cpu_count()})"
            )
            saves = 0
            for kind in args.kinds:
                record = sorted(records.glob(f"{kind}/*.md"))[0]
                url = f"{base}/{kind}/{record.stem}/"
                wait_for(url, "<title>", 60)
                times = []
                for save in range(1, args.saves + 1):
                    saves += 1
                    marker = f"Saved{saves}x{os.getpid()}"
                    text = record.read_text(encoding="utf-8")
                    record.write_text(f"{text.rstrip()}\n\n{marker} was added.\n", encoding="utf-8")
                    times.append(wait_for(url, marker, 120, work / "serve.log"))
                    print(f"  {kind} save {save}: rebuilt page served after {times[-1]:.2f} s")
                    told = _told(work / "serve.log", saves)
                    print(f"    {told or 'the whole site was built again'}")
                    time.sleep(1.0)  # let the server settle before the next save
                print(f"{kind}: median {statistics.median(times):.2f} s (target: 2 s)")
            if "commitments" not in args.kinds:
                return
            # A new title shows on the pages that list the record: served once rebuilt.
            record = sorted(records.glob("commitments/*.md"))[0]
            text = record.read_text(encoding="utf-8")
            title = f"Renamed{os.getpid()}"
            quote = '"' if 'title: "' in text else ""
            renamed = text.replace(f"title: {quote}", f"title: {quote}{title} ", 1)
            record.write_text(renamed, encoding="utf-8")
            listed = wait_for(f"{base}/commitments/", title, 120)
            print(f"renamed: the list of commitments showed the new title after {listed:.2f} s")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
