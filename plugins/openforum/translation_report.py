"""How far each of the Forum's languages is translated, for `openforum check`.

Per language other than the default: the records translated, stale (the original has a
later Git commit than its translation) and missing. Stale translations are listed as
`path:line:col: warning: ...` with what to do, like every other problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .records import ForumRecords
from .records.problems import START, Problem
from .records.translated import STATES, RecordState, counts, translation_status
from .report import display_path, format_problem
from .site.citation import git_versions

Status = dict[str, list[RecordState]]


def status_of(records: ForumRecords) -> Status:
    """The state of every record's translation into each language but the default."""
    if records.forum is None or len(records.forum.languages) < 2:
        return {}
    return translation_status(records, git_versions(records.root))


def stale_problems(status: Status) -> list[Problem]:
    problems = []
    for language, states in status.items():
        for state in states:
            if state.state != "stale" or state.translation is None:
                continue
            problems.append(
                Problem(
                    state.translation,
                    START,
                    f"stale translation into '{language}': {display_path(state.original)} "
                    "has changed since this file was last committed; bring the translation "
                    "up to date with it and commit both",
                    "warning",
                )
            )
    return problems


def status_text(status: Status) -> str:
    if not status:
        return ""
    lines = ["", "Translations:"]
    for language, states in status.items():
        figures = counts(states)
        lines.append(
            f"  {language}: {figures['translated']} translated, {figures['stale']} stale, "
            f"{figures['missing']} missing, of {len(states)} records with text"
        )
    lines.extend(format_problem(problem) for problem in stale_problems(status))
    return "\n".join(lines)


def status_data(status: Status) -> dict[str, Any]:
    """Per language: the counts, then each state's records (`kind/key` and files)."""
    data: dict[str, Any] = {}
    for language, states in status.items():
        entry: dict[str, Any] = {state: n for state, n in counts(states).items()}
        for state in STATES:
            entry[f"{state}_records"] = [
                {
                    "record": _name(s),
                    "file": _path(s.original),
                    **({"translation": _path(s.translation)} if s.translation else {}),
                }
                for s in states
                if s.state == state
            ]
        data[language] = entry
    return data


def with_status(findings: str, status: Status) -> str:
    """`openforum check --format json`'s document with the translations' state added."""
    document = json.loads(findings)
    document["translations"] = status_data(status)
    return json.dumps(document, indent=2, ensure_ascii=False)


def _name(state: RecordState) -> str:
    return "forum" if state.kind == "forum" else f"{state.kind}/{state.key}"


def _path(path: Path) -> str:
    return Path(display_path(path)).as_posix()
