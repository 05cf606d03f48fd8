"""The `openforum` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .records import load_forum
from .report import FORMATS, format_problem, summary

DEFAULT_RECORDS = Path("forum_records")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="openforum", description="Publish an Open Government Forum's records."
    )
    parser.add_argument("--version", action="version", version=f"openforum {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check every record and report all problems",
        description="Check every record under PATH; print each problem as "
        "path:line:col: error: message. Exit status 1 when there are problems.",
    )
    validate.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_RECORDS,
        help="the folder holding forum.md (default: forum_records)",
    )
    validate.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default) or github: GitHub Actions annotations on the pull request",
    )
    args = parser.parse_args(argv)
    try:
        return run_validate(args.path, args.format)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 1


def run_validate(path: Path, style: str) -> int:
    records, problems = load_forum(path)
    for problem in problems:
        print(format_problem(problem, style))
    print(summary(records, problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
