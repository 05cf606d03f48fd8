"""The `new`, `schema` and `reference` commands of `openforum` (registered by cli.py)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..facts.calendar import default_today
from .new import NewRecordError, find_kind, new_record

DEFAULT_RECORDS = Path("forum_records")


def add_authoring_commands(commands: Any) -> None:
    """Add the commands to `openforum`'s subparsers; each names its handler as `run`."""
    new = commands.add_parser(
        "new",
        help="write a new record with every field of its kind, commented",
        description="Write a new record of KIND (meeting, member, commitment, forum, ...) with "
        "every field of its kind: required ones with a <placeholder> to replace, optional "
        "ones commented out. The id defaults to the meeting's date and kind, the plan and "
        "a number for a commitment (--set plan=nap5), the next number for a submission. "
        "A submission names its consultation: openforum new submission CONSULTATION [ID]. "
        "Never overwrites a file; prints the path written.",
    )
    new.add_argument("kind", metavar="KIND")
    new.add_argument("ids", nargs="*", metavar="ID", help="the new record's id")
    new.add_argument(
        "--records",
        type=Path,
        default=DEFAULT_RECORDS,
        help="the folder holding forum.md (default: forum_records)",
    )
    new.add_argument(
        "--set",
        dest="preset",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="write this value for a top-level field (repeatable), e.g. --set kind=working_group",
    )
    new.add_argument(
        "--lang",
        metavar="LANG",
        help="write the translation into LANG (one of forum.md's languages) of the existing "
        "record KIND ID: <id>.<LANG>.md with its text to translate",
    )
    new.set_defaults(run=run_new)

    for name, target, summary, description in (
        (
            "schema",
            "DIR",
            "write a JSON Schema of each record kind, for editors",
            "Write one JSON Schema (draft 2020-12) per record kind into DIR, made from the "
            "model: an editor with a YAML language server completes and checks fields.",
        ),
        (
            "reference",
            "FILE",
            "write the field reference for secretariats (Markdown)",
            "Write every field of every record kind, its values and their meaning, into FILE "
            "(the project keeps it in docs/field-reference.md).",
        ),
    ):
        writer = commands.add_parser(name, help=summary, description=description)
        writer.add_argument("target", type=Path, metavar=target)
        writer.set_defaults(run=run_writer)


def run_new(args: argparse.Namespace) -> int:
    preset: dict[str, str] = {}
    for item in args.preset:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            print(f"--set {item}: write FIELD=VALUE, e.g. --set kind=plenary", file=sys.stderr)
            return 2
        preset[key.strip()] = value.strip()
    try:
        kind = find_kind(args.kind)
        if args.lang is not None:
            from .new_translation import new_translation

            written = new_translation(args.records, kind, list(args.ids), args.lang)
        else:
            written = new_record(args.records, kind, list(args.ids), preset, _today(args.records))
    except NewRecordError as error:
        print(f"openforum new: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"openforum new: cannot write: {error.strerror} ({error.filename})", file=sys.stderr)
        return 1
    print(os.path.relpath(written.path))
    return 0


def _today(records: Path) -> date:
    """Today in the Forum's timezone when forum.md says which (SOURCE_DATE_EPOCH wins)."""
    from ..records.model import Forum
    from ..records.problems import Problems
    from ..records.schema import Reading, build
    from ..records.yamlread import read_record

    path = records / "forum.md"
    problems = Problems()
    text = read_record(path, problems) if path.is_file() else None
    forum = build(Forum, text.front, Reading(path, problems), "forum.md") if text else None
    return default_today(forum if forum is not None and forum.timezone else None)


def run_writer(args: argparse.Namespace) -> int:
    """`schema DIR` and `reference FILE`: write, then print each path written."""
    from .reference import write_reference
    from .schemas import write_schemas

    try:
        if args.command == "schema":
            written = write_schemas(args.target)
        else:
            written = [write_reference(args.target)]
    except OSError as error:
        print(f"openforum {args.command}: cannot write: {error.strerror} ({error.filename})")
        return 1
    for path in written:
        print(os.path.relpath(path))
    return 0
