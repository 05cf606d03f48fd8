"""The `openforum import` command: its arguments and what it prints."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..facts.calendar import default_today
from .ogp import ImportError_, forum_file, import_ogp
from .write import move_in


def add_import_parser(commands: Any) -> None:
    importer = commands.add_parser(
        "import",
        help="make records from another system's export (ogp: the OGP's commitments export)",
        description="Make records from another system's export.",
    )
    sources = importer.add_subparsers(dest="source", required=True, metavar="SOURCE")
    ogp = sources.add_parser(
        "ogp",
        help="plans and commitments of one country from the OGP's commitments export (CSV)",
        description="Write plans/<id>.md and commitments/<id>.md for the rows of one country "
        "(and one action plan with --plan). Rows that cannot be read are listed and "
        "skipped; the exit status is then 1. Running it again changes nothing.",
    )
    ogp.add_argument("csv", type=Path, metavar="CSV", help="the export, as CSV")
    ogp.add_argument("--country", required=True, help="the country as the export spells it")
    ogp.add_argument(
        "--plan",
        default=None,
        metavar="ID",
        help="only this action plan (its id in the export or the plan id it becomes, e.g. nap5)",
    )
    ogp.add_argument(
        "--out",
        type=Path,
        default=Path("forum_records"),
        metavar="RECORDS_DIR",
        help="the records folder to write into (default: forum_records)",
    )
    ogp.add_argument(
        "--replace",
        action="store_true",
        help="replace records that differ from the import (edited since): they are kept else",
    )


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.csv
    if not path.is_file():
        print(f"{path}: no such file: give the CSV of the OGP's commitments export")
        return 1
    try:
        imported = import_ogp(path, args.country, args.plan, default_today(None))
    except ImportError_ as error:
        print(error)
        return 1
    except OSError as error:
        print(f"{path}: cannot read the file ({error.strerror})")
        return 1
    files = dict(imported.files)
    if not (args.out / "forum.md").is_file():
        files["forum.md"] = forum_file(args.country)
    for line in [*imported.errors, *imported.notes]:
        print(line)
    try:
        written = move_in(files, args.out, args.replace)
    except OSError as error:
        print(f"{args.out}: cannot write the records ({error.strerror}); nothing was moved in")
        return 1
    for relative in written.kept:
        print(
            f"{args.out / relative}: differs from the import and is kept: give --replace to "
            "replace it"
        )
    print(
        f"{imported.commitments} commitments and {imported.plans} plans of {args.country}: "
        f"{len(written.created)} files created, {len(written.replaced)} replaced, "
        f"{len(written.unchanged)} unchanged, {len(written.kept)} kept"
        + (f"; {len(imported.errors)} rows could not be read" if imported.errors else "")
    )
    sys.stdout.flush()
    return 1 if imported.errors else 0
