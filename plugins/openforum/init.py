"""`openforum init DIR`: a new Forum's repository, ready to validate, build and publish.

Everything written comes from the templates in `scaffold/` (shipped in the package); the
answers (name, country, addresses, language, timezone) are asked for only when missing and
someone is at the keyboard, so that `init` with flags runs unattended in scripts and CI.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2

from .install_source import install_requirement

SCAFFOLD = Path(__file__).parent / "scaffold"
PAGE_LANGUAGES = ("en", "es", "fr", "pt", "ar")  # the languages of the home and about templates
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class Answers:
    name: str
    country: str
    url: str  # the site's public address, ending in "/"
    repo: str  # the Forum's repository, "" when not known yet
    language: str
    timezone: str


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    prompt: str
    check: Callable[[str], str]  # the value cleaned, or ValueError with the fix
    default: str | None = None  # None: required


def _text(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("write at least one word")
    return value


def _address(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username:
        raise ValueError("write a full address such as https://forum.example.org/")
    return value.strip().rstrip("/") + "/"


def _repository(value: str) -> str:
    return _address(value).rstrip("/") if value.strip() else ""


def _language(value: str) -> str:
    value = value.strip()
    if not _LANGUAGE.fullmatch(value):
        raise ValueError("write a language code such as en, es, fr or pt-BR")
    return value


def _timezone(value: str) -> str:
    value = value.strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("write an IANA timezone such as Europe/Lisbon or America/Bogota") from None
    return value


QUESTIONS = (
    Question("name", "The Forum's name", _text),
    Question("country", "Its country", _text),
    Question("url", "The site's public address (https://...)", _address),
    Question("repo", "The Forum's repository (https://...), or empty", _repository, ""),
    Question("language", "Its main language (a code: en, es, fr, pt...)", _language, "en"),
    Question("timezone", "Its timezone (e.g. Europe/Lisbon)", _timezone, "UTC"),
)


def add_init_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser(
        "init",
        help="write a new Forum's repository: settings, forum.md, pages, CI and README",
        description="Write a new Forum's repository into DIR (new or empty). Values not "
        "given as options are asked for when run in a terminal; with options only, init "
        "never asks. It validates and builds as written.",
    )
    init.add_argument("dir", type=Path, metavar="DIR")
    init.add_argument("--name", help="the Forum's name, e.g. 'Open Government Forum of X'")
    init.add_argument("--country", help="the Forum's country")
    init.add_argument("--url", help="the site's public address, e.g. https://forum.example.org/")
    init.add_argument("--repo", help="the Forum's repository, e.g. https://github.com/org/forum")
    init.add_argument("--language", help="the main language's code (default: en)")
    init.add_argument("--timezone", help="an IANA timezone (default: UTC)")
    init.add_argument("--no-git", action="store_true", help="do not make DIR a Git repository")


def run_init(args: argparse.Namespace) -> int:
    target: Path = args.dir
    taken = _taken(target)
    if taken:
        print(f"{target}: {taken}; give a new or empty folder", file=sys.stderr)
        return 1
    try:
        answers = ask(args, interactive=sys.stdin.isatty())
    except ValueError as error:
        print(f"openforum init: {error}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nopenforum init: stopped; nothing was written", file=sys.stderr)
        return 1
    written = write_forum(target, answers)
    git = "" if args.no_git else _git_init(target)
    print(f"wrote a new Forum's repository in {target}:")
    print("".join(f"  {path}\n" for path in written), end="")
    if answers.language.split("-")[0] not in PAGE_LANGUAGES:
        print(f"the home and about pages are in English: translate them ({answers.language})")
    if git:
        print(git)
    print(
        f"next: cd {target}; pip install -r requirements.txt; openforum validate; "
        "openforum build (or mkdocs serve); then commit and push (README.md says how)"
    )
    return 0


def _taken(target: Path) -> str:
    if target.exists() and not target.is_dir():
        return "is a file"
    if target.is_dir() and any(target.iterdir()):
        return "is not empty"
    return ""


def ask(args: argparse.Namespace, interactive: bool) -> Answers:
    """Each answer from its option, else from the person at the terminal, else its default."""
    values: dict[str, str] = {}
    missing: list[str] = []
    for question in QUESTIONS:
        given = getattr(args, question.key)
        if given is not None:
            try:
                values[question.key] = question.check(given)
            except ValueError as error:
                raise ValueError(f"--{question.key} '{given}': {error}") from None
        elif interactive:
            values[question.key] = _prompt(question)
        elif question.default is not None:
            values[question.key] = question.check(question.default) if question.default else ""
        else:
            missing.append(f"--{question.key}")
    if missing:
        raise ValueError(f"give {', '.join(missing)} (not run in a terminal, init never asks)")
    return Answers(**values)


def _prompt(question: Question) -> str:
    shown = f" [{question.default}]" if question.default else ""
    while True:
        reply = input(f"{question.prompt}{shown}: ").strip()
        if not reply and question.default is not None:
            reply = question.default
            if not reply:
                return ""
        try:
            return question.check(reply)
        except ValueError as error:
            print(f"  {error}")


def write_forum(target: Path, answers: Answers) -> list[str]:
    """Write every file of the new repository; return their paths, relative to `target`."""
    files = render_files(answers)
    for relative, text in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(files)


def render_files(answers: Answers) -> dict[str, str]:
    """Path in the new repository -> its text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SCAFFOLD),
        # [[ ]] and [% %]: the templates are YAML and CI files full of {{ }} and ${{ }}.
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # A value inside YAML is written as a JSON string, which YAML reads back as written.
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    pages = answers.language.split("-")[0]
    pages = pages if pages in PAGE_LANGUAGES else "en"
    context = {
        **{field: getattr(answers, field) for field in Answers.__dataclass_fields__},
        "edit_uri": _edit_uri(answers.repo),
        "requirement": install_requirement(),
        "pages_language": pages,
    }
    files = {
        "mkdocs.yml": "mkdocs.yml.j2",
        "forum_records/forum.md": "forum.md.j2",
        "content/index.md": f"pages/{pages}/index.md.j2",
        "content/about.md": f"pages/{pages}/about.md.j2",
        "requirements.txt": "requirements.txt.j2",
        "README.md": "README.md.j2",
        "PUBLISHING.md": "PUBLISHING.md",
        ".gitignore": "gitignore",
        ".github/workflows/openforum.yml": "github-workflow.yml",
        ".gitlab-ci.yml": "gitlab-ci.yml",
    }
    rendered = {path: env.get_template(name).render(context) for path, name in files.items()}
    rendered.update(editor_settings(answers))
    return rendered


def editor_settings(answers: Answers) -> dict[str, str]:
    """The JSON Schemas of the records, under schemas/, for editors and tools that check
    front matter against a schema (the secretariat's README says how to use them)."""
    from .authoring.schemas import schema_file_name, schema_text
    from .authoring.shape import kinds

    return {f"schemas/{schema_file_name(kind)}": schema_text(kind) for kind in kinds()}


def _edit_uri(repo: str) -> str:
    host = (urlsplit(repo).hostname or "").lower()
    if host == "github.com":
        return "edit/main/content/"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return "-/edit/main/content/"
    return ""


def _git_init(target: Path) -> str:
    """Make `target` a Git repository on `main` unless it already lies in one: the URL guard
    and the citations read the history. Without Git, a line saying so."""
    try:
        inside = subprocess.run(
            ["git", "-C", str(target), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
        )
        if inside.returncode == 0:
            return "DIR is inside a Git repository already: commit the new files there"
        subprocess.run(
            ["git", "init", "--quiet", "--initial-branch=main", str(target)],
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "git is not available: make the folder a Git repository before publishing"
    return "made it a Git repository (branch main): git add -A; git commit"
