"""The `openforum` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from . import __version__

DEFAULT_RECORDS = Path("forum_records")
# `validate` runs on every save in editors and CI: it imports only the records' reader and
# its report, never the site, the exports or MkDocs (a third of its time at 10,000 records).


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["validate"] and not {"-h", "--help"} & set(words):
        return _validate_command(words[1:])
    from . import export_cmd, stage
    from .authoring.commands import add_authoring_commands
    from .facts.findings import CODES
    from .importers.command import add_import_parser, run_import
    from .init import add_init_command, run_init
    from .verdict_words import REQUIREMENTS

    parser = argparse.ArgumentParser(
        prog="openforum", description="Publish an Open Government Forum's records."
    )
    parser.add_argument("--version", action="version", version=f"openforum {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _validate_arguments(
        commands.add_parser(
            "validate",
            help="check every record and report all problems",
            description=VALIDATE,
        )
    )

    check = commands.add_parser(
        "check",
        help="report how the Forum conducts itself: quorum, notice, minutes, cadence...",
        description="Compute the accountability findings from the records. Findings never "
        "fail the command unless named in --fail-on.",
    )
    check.add_argument("path", nargs="?", type=Path, default=DEFAULT_RECORDS)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--fail-on",
        default="",
        metavar="CODES",
        help="comma-separated codes that make the exit status 1: finding codes (or 'any' "
        "finding), and requirement codes, which fail when not met (ogp-1.1, ogp-3.1 for "
        f"every plan, ogp-3.1:nap5 for one); codes: {', '.join([*CODES, *REQUIREMENTS])}",
    )
    check.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="judge as of this date (YYYY-MM-DD); default: today or SOURCE_DATE_EPOCH",
    )
    build = commands.add_parser(
        "build",
        help="build the site all or nothing: a failed build leaves the old site untouched",
        description="Build the site with MkDocs in strict mode into a fresh folder and "
        "replace the site folder only when the build succeeds without a warning.",
    )
    build.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--site-dir", "-d", type=Path, default=None)

    urls = commands.add_parser(
        "urls",
        help="list the URLs the Git history shows were published, and any that are lost",
        description="Every record file and hand-written page that ever existed in the Git "
        "history gave the site a URL; a build fails when one no longer answers (give a "
        "renamed record its old id in aliases:, or list a URL withdrawn on purpose in "
        "retired-urls.txt). Exit status 1 when a URL is lost.",
    )
    urls.add_argument("--update", action="store_true", help=argparse.SUPPRESS)
    urls.add_argument("--config", "-f", type=Path, default=Path("mkdocs.yml"))
    add_init_command(commands)
    add_authoring_commands(commands)  # new, schema, reference
    # Commands that run without MkDocs, each in its own module: `run` is set by it.
    export_cmd.add_parser(commands)
    stage.add_parser(commands)

    add_import_parser(commands)

    args = parser.parse_args(argv)
    _printable_output()

    def dispatch() -> int:
        if args.command == "import":
            return run_import(args)
        if args.command == "init":
            return run_init(args)
        if hasattr(args, "run"):  # a command that names its own handler
            result: int = args.run(args)
            return result
        if args.command in ("build", "urls"):
            return run_publish(args.command, args)
        if args.command == "check":
            fail_on = {code.strip() for code in args.fail_on.split(",") if code.strip()}
            unknown = {c for c in fail_on if c.split(":")[0] not in {*CODES, *REQUIREMENTS}}
            unknown -= {"any"}
            if unknown:
                parser.error(f"unknown code(s) for --fail-on: {', '.join(sorted(unknown))}")
            return run_check(args.path, args.format, fail_on, args.today)
        return run_validate(args.path, args.format)

    return _guarded(dispatch)


def _guarded(command: Callable[[], int]) -> int:
    """Run `command`; what the machine's state causes gets a message, never a traceback."""
    try:
        return command()
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 1
    except OSError as error:
        from .staging import explain

        print(explain(error), file=sys.stderr)
        return 1
    except MemoryError:
        print("ran out of memory: close other programs and try again", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


VALIDATE = (
    "Check every record under PATH; print each problem as path:line:col: error: message. "
    "Exit status 1 when there are problems."
)


def _validate_arguments(validate: argparse.ArgumentParser) -> None:
    from .report import FORMATS

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


def _validate_command(words: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="openforum validate", description=VALIDATE)
    _validate_arguments(parser)
    args = parser.parse_args(words)
    _printable_output()
    return _guarded(lambda: run_validate(args.path, args.format))


def _printable_output() -> None:
    for stream in (sys.stdout, sys.stderr):  # a record's text never fails to print
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def run_validate(path: Path, style: str) -> int:
    import gc

    from .records import load_forum
    from .report import format_problem, summary
    from .urls_report import validate_urls

    # Every object made lives until the command ends: the cyclic collector's passes (and
    # the last one, at exit) would walk all the records for nothing.
    gc.disable()
    gc.freeze()
    records, problems = load_forum(path)
    if not problems:  # a record that fails to load is not a lost URL
        problems.extend(validate_urls(path, records))
    for problem in sorted([*problems, *problems.warnings], key=lambda p: p.sort_key()):
        print(format_problem(problem, style))
    print(summary(records, problems))
    gc.freeze()
    return 1 if problems else 0


def run_publish(command: str, args: argparse.Namespace) -> int:
    # MkDocs is imported here, not at start-up: `validate` and `check` do not need it.
    from .adapters.mkdocs.publish import build_atomically
    from .urls_report import RETIRED_LIST_FILE, urls_report

    if command == "urls" and args.update:
        print(RETIRED_LIST_FILE)
        return 1
    if not args.config.is_file():
        print(f"{args.config}: no such file: give the site's mkdocs.yml with --config")
        return 1
    if command == "build":
        ok, message = build_atomically(args.config, args.site_dir)
    else:
        ok, message = urls_report(args.config)
    print(message)
    return 0 if ok else 1


def run_check(path: Path, style: str, fail_on: set[str], today: date | None) -> int:
    from .facts.calendar import default_today
    from .facts.forum import derive
    from .records import load_forum
    from .report import findings_json, findings_text, format_problem, summary
    from .translation_report import status_of, status_text, with_status

    records, problems = load_forum(path)
    if problems:
        for problem in problems:
            print(format_problem(problem))
        print(summary(records, problems))
        print("the records have problems: fix them, then check again", file=sys.stderr)
        return 1
    try:
        today = today or default_today(records.forum)
    except ValueError:
        print(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970: fix it or unset it",
            file=sys.stderr,
        )
        return 1
    facts = derive(records, today)
    translations = status_of(records)  # stale ones are listed, and fail nothing
    if style == "json":
        print(with_status(findings_json(facts), translations))
    else:
        print(findings_text(facts) + status_text(translations))
    failing = [f for f in facts.findings if "any" in fail_on or f.code in fail_on]
    unmet = [
        j
        for j in facts.requirements
        if j.verdict == "not_met" and (j.code in fail_on or j.requirement in fail_on)
    ]
    return 1 if failing or unmet else 0


if __name__ == "__main__":
    sys.exit(main())
