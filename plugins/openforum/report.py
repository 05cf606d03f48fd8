"""Formats problems for people (one `path:line:col: error: message` per line) and for CI."""

from __future__ import annotations

import os
from pathlib import Path

from .records import ForumRecords, Problem, Problems

FORMATS = ("text", "github")


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies below it, as editors expect."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def format_problem(problem: Problem, style: str = "text") -> str:
    where = display_path(problem.path)
    line, column = problem.mark
    if style == "github":
        # Workflow commands end at a newline and treat % specially: escape as GitHub documents.
        message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={where},line={line},col={column}::{message}"
    return f"{where}:{line}:{column}: error: {problem.message}"


def summary(records: ForumRecords, problems: Problems) -> str:
    counts = records.counts()
    total = sum(counts.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in counts.items() if count)
    found = len(problems)
    verdict = "no problems" if not found else f"{found} problem{'s' if found != 1 else ''}"
    return f"{total} records ({kinds or 'none'}): {verdict}"
