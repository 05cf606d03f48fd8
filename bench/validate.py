"""How long `openforum validate` takes on a forum: its own work, and the whole command.

    .venv/bin/python bench/validate.py [PATH] [--runs N]

Prints the load-and-check time in process (best and median of N runs, imports excluded)
and the wall time of the command line, interpreter start-up included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from openforum.records import load_forum


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=Path("forum_records"))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    records, problems = load_forum(args.path)
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        load_forum(args.path)
        timings.append(time.perf_counter() - started)
    count = len(records.all_records())
    best, median = min(timings), statistics.median(timings)
    print(f"records: {count}, problems: {len(problems)}")
    print(f"load and check: best {best * 1000:.1f} ms, median {median * 1000:.1f} ms")
    print(f"per record: {median / max(count, 1) * 1e6:.0f} µs")

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "openforum", "validate", str(args.path)],
        capture_output=True,
        check=False,
    )
    print(f"whole command (interpreter start-up included): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
