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

from .build import BuildContext, BuildError, Loaded, build, context, load, scan
from .folders import replace_folder
from .records import ForumRecords
from .site.html import MarkdownRenderer
from .site_config import ConfigError, SiteConfig, markdown_settings, read_site_config
from .stage_config import record_edit_base

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
    """The records and the one build context a command publishes them with."""

    loaded: Loaded
    ctx: BuildContext
    config: SiteConfig | None

    @property
    def records(self) -> ForumRecords:
        return self.loaded.records


def read_source(args: argparse.Namespace, *, pages: bool = False) -> Source:
    """Records, date and address from the options, then mkdocs.yml, then the defaults;
    with `pages`, what rendering them needs from mkdocs.yml too."""
    config: SiteConfig | None = None
    if args.config.is_file():
        try:
            config = read_site_config(args.config)
        except ConfigError as error:
            raise CommandError(str(error)) from None
    elif args.config != DEFAULT_CONFIG:
        raise CommandError(f"{args.config}: no such file: give the site's mkdocs.yml")
    records_dir = args.records or (config.records if config else DEFAULT_RECORDS)
    try:
        loaded = load(records_dir, outcome="written")
    except BuildError as error:
        raise CommandError(str(error)) from None
    site_url = args.site_url or (config.site_url if config else None)
    today = args.today or (config.today if config else None)
    settings = config_settings(config) if pages and config else {}
    try:
        ctx = context(loaded.records, today=today, site_url=site_url, **settings)
    except BuildError as error:
        raise CommandError(str(error)) from None
    return Source(loaded, ctx, config)


def config_settings(config: SiteConfig) -> dict[str, Any]:
    """What the plugin settles from mkdocs.yml for a build: where records are edited, and
    the record bodies rendered with the site's Markdown extensions."""
    try:
        extensions, configs = markdown_settings(config.raw)
        renderer = MarkdownRenderer(extensions, configs)
    except (ImportError, AttributeError, ValueError, TypeError) as error:
        raise CommandError(
            f"{config.root / 'mkdocs.yml'}: markdown_extensions: {error}; install the "
            "extension (and what its settings name) where this command runs"
        ) from None
    return {"edit_base": record_edit_base(config), "repo_root": config.root, "markdown": renderer}


def refuse_private(source: Source, folder: Path, subject: str) -> None:
    """The same scan a build makes: no private value, nothing loaded from other hosts."""
    try:
        scan(folder, source.records, source.ctx.site_url, subject=subject)
    except BuildError as error:
        raise CommandError(str(error)) from None


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
            try:
                written = build(source.loaded, source.ctx, folder, pages=False)
            except BuildError as error:
                raise CommandError(str(error)) from None
            refuse_private(source, folder, "the open data")
    except CommandError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {len(written.data_files)} open data files into {args.out}")
    return 0
