"""Where does one saved record's rebuild under `mkdocs serve` spend its time?

    .venv/bin/python bench/serve_profile.py [N] [--saves 3] [--keep DIR] [--prof FILE]
        [--profiled K]

In one process, as `mkdocs serve` does it (no HTTP server): writes a synthetic forum of N
records (default 3,000), builds it once as serve's first build does, then saves a
commitment `--saves` times, each time running the server's rebuild (the plugin's
incremental update, else MkDocs' whole build) and printing its wall and CPU time and the
update's steps (load, facts, own pages: then served; pages touched). Save K (default 1; 0: none)
runs under cProfile (written to --prof, default ./serve-N.prof; read it with
bench/profile_report.py).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale import ENV, openforum_config  # noqa: E402
from synthetic import generate  # noqa: E402


class _Server:
    """What the plugin's `on_serve` reads and sets of MkDocs' live-reload server."""

    def __init__(self, builder: Any, root: str) -> None:
        self.builder = builder
        self.root = root

    def watch(self, path: str) -> None:
        return None


def main() -> None:
    import os

    os.environ.update(ENV)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=3000)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--prof", type=Path)
    parser.add_argument("--profiled", type=int, default=1, help="which save runs under cProfile")
    args = parser.parse_args()
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.WARNING, format="    %(message)s")
    logging.getLogger("mkdocs.plugins.openforum").setLevel(logging.DEBUG)  # the update's steps

    with tempfile.TemporaryDirectory(prefix="openforum-serve-") as tmp:
        work = args.keep or Path(tmp)
        records = work / "forum_records"
        if not records.exists():
            generate(args.size, records)
        config_file = openforum_config(work)
        site_dir = str(work / "served")

        def get_config() -> Any:
            return load_config(str(config_file), site_dir=site_dir)

        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)

        def builder(config: Any = None) -> None:
            build(config or get_config(), serve_url="http://127.0.0.1:8000/")

        started = time.perf_counter()
        builder(config)
        print(f"N = {args.size}: first build {time.perf_counter() - started:.1f} s")
        server = config.plugins.on_serve(_Server(builder, site_dir), config=config, builder=builder)
        record = sorted(records.glob("commitments/*.md"))[0]
        for save in range(1, args.saves + 1):
            text = record.read_text(encoding="utf-8")
            record.write_text(f"{text.rstrip()}\n\nSaved {save} times.\n", encoding="utf-8")
            profile = cProfile.Profile() if save == args.profiled else None
            wall, cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            server.builder()
            if profile:
                profile.disable()
                out = args.prof or Path(f"serve-{args.size}.prof")
                profile.dump_stats(str(out))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            shown = (Path(site_dir) / "commitments" / record.stem / "index.html").read_text()
            assert f"Saved {save} times." in shown, "the saved page was not rebuilt"
            note = " (profiled)" if profile else ""
            print(f"  save {save}: {wall:.2f} s wall, {cpu:.2f} s CPU{note}")


if __name__ == "__main__":
    main()
