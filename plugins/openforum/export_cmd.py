"""`openforum export OUT`: the Forum's whole open data (JSON, CSV and Data Package, Popolo,
feeds, calendars) written from the records, on a machine where MkDocs cannot be imported.

The files are those a build puts in the site folder, byte for byte, for the same records,
site address and date. `published-urls.txt` is not among them: it lists the site's pages,
which only a build (or `openforum stage`) makes. OUT is replaced whole, and only when
everything was written and no private value was found in it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .exports import ExportError, data_exports, export_context
from .facts.calendar import default_today
from .facts.forum import ForumFacts, derive
from .folders import replace_folder
from .generation import write_open_data
from .records import ForumRecords, load_forum
from .report import format_problem, summary
from .safety.privacy import private_values, scan_site
from .site_config import ConfigError, SiteConfig, read_site_config

DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_RECORDS = Path("forum_records")


class CommandError(Exception):
    """What the user must fix; printed without a traceback."""


def add_parser(commands: Any) -> None:
    add_command(
        commands,
        "export",
        "write the open data (JSON, CSV, Data Package, Popolo, feeds, calendars) into a "
        "folder, without MkDocs",
        "Write every open data file a build publishes into OUT, from the records and the "
        "site's settings (mkdocs.yml when present, or the options).",
        run_export,
    )


def add_command(
    commands: Any, name: str, summary: str, description: str, run: Callable[..., int]
) -> None:
    """A command that writes a folder (its one argument, named in `description` as it
    starts: OUT or DIR) from the records and the site's settings."""
    parser = commands.add_parser(name, help=summary, description=description)
    folder = "DIR" if "DIR" in description else "OUT"
    parser.add_argument("out", type=Path, metavar=folder, help="the folder to write (replaced)")
    add_source_options(parser)
    parser.set_defaults(run=run)


def add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        "-f",
        type=Path,
        default=DEFAULT_CONFIG,
        help="the site's mkdocs.yml, read for site_url, docs_dir and the openforum plugin's "
        "records and today (default: mkdocs.yml, when there is one)",
    )
    parser.add_argument("--records", type=Path, default=None, help="the folder holding forum.md")
    parser.add_argument(
        "--site-url", default=None, help="the site's public address, e.g. https://forum.org/"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="the date the data is written for (YYYY-MM-DD); default: the config's today, "
        "SOURCE_DATE_EPOCH, or today in the Forum's timezone",
    )


@dataclass(frozen=True, slots=True)
class Source:
    """The records and the settings a command publishes them with."""

    records: ForumRecords
    facts: ForumFacts
    site_url: str
    config: SiteConfig | None


def read_source(args: argparse.Namespace) -> Source:
    """Records, date and address from the options, then mkdocs.yml, then the defaults."""
    config: SiteConfig | None = None
    if args.config.is_file():
        try:
            config = read_site_config(args.config)
        except ConfigError as error:
            raise CommandError(str(error)) from None
    elif args.config != DEFAULT_CONFIG:
        raise CommandError(f"{args.config}: no such file: give the site's mkdocs.yml")
    records_dir = args.records or (config.records if config else DEFAULT_RECORDS)
    records, problems = load_forum(records_dir)
    if problems:
        listing = "\n".join(format_problem(p) for p in problems)
        raise CommandError(f"{listing}\n{summary(records, problems)}\nnothing was written")
    site_url = args.site_url or (config.site_url if config else None)
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(
            "the open data needs the site's public address (ids, links and calendar UIDs "
            "are built from it): give --site-url https://forum.example.org/ or set site_url "
            "in mkdocs.yml"
        )
    try:
        today = args.today or (config.today if config else None) or default_today(records.forum)
    except ValueError:
        raise CommandError(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970"
        ) from None
    return Source(records, derive(records, today), str(site_url), config)


def write_export(source: Source, folder: Path) -> list[str]:
    """The open data files written into `folder`; their site paths."""
    try:
        exports = export_context(source.records, source.facts, source.site_url, source.facts.today)
        return write_open_data(exports, data_exports(exports), folder).paths
    except ExportError as error:
        raise CommandError(str(error)) from None


def refuse_private(source: Source, folder: Path) -> None:
    """The same scan a build makes: no private value, nothing loaded from other hosts."""
    own_host = urlsplit(source.site_url).hostname
    leaks, requests = scan_site(folder, private_values(source.records), own_host)
    lines = [f"{leak.file}: '{leak.value}' ({leak.origin})" for leak in leaks[:50]]
    lines += [f"{r.file}: loads {r.url} from another host" for r in requests[:50]]
    if lines:
        raise CommandError(
            "the files would publish what they must not:\n" + "\n".join(lines) + "\n"
            "Private values appear only with contact.public or publish_name: true."
        )


@contextmanager
def replacing(out: Path, made_here: str) -> Iterator[Path]:
    """A fresh folder beside `out` to write into; `out` is replaced by it when the block
    ends without an error, else left as it was. `out` must be missing, empty, or an
    earlier output of the same command (holding `made_here`)."""
    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise CommandError(f"{out} is a file: give a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / made_here).exists():
        raise CommandError(
            f"{out} holds other files: give a new or empty folder (it is replaced whole)"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-writing-", dir=out.parent))
    try:
        yield fresh
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    replace_folder(fresh, out)


def run_export(args: argparse.Namespace) -> int:
    try:
        source = read_source(args)
        with replacing(args.out, "api/index.json") as folder:
            paths = write_export(source, folder)
            refuse_private(source, folder)
    except CommandError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {len(paths)} open data files into {args.out}")
    return 0
