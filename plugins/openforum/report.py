"""Formats problems for people (one `path:line:col: error: message` per line) and for CI."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .facts.forum import ForumFacts
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


VERDICT_LABELS = {"met": "met", "not_met": "NOT MET", "not_applicable": "n/a"}


def findings_text(facts: ForumFacts) -> str:
    """The OGP requirements first, then every finding, one per line with its code."""
    lines = [f"OGP requirements as of {facts.today}:"]
    for requirement in facts.requirements:
        label = VERDICT_LABELS[requirement.verdict]
        lines.append(f"  [{label:>7}] {requirement.title}: {requirement.figure}")
    lines.append("")
    lines.append(f"Findings ({len(facts.findings)}):")
    for finding in facts.findings:
        lines.append(
            f"  {finding.level:<7} {finding.code:<24} /{finding.subject.url}  {finding.message}"
        )
    return "\n".join(lines)


def findings_json(facts: ForumFacts) -> str:
    document = {
        "today": facts.today.isoformat(),
        "requirements": [
            {
                "key": r.key,
                "title": r.title,
                "verdict": r.verdict,
                "figure": r.figure,
                "evidence": [e.url for e in r.evidence],
                "findings": [f.code for f in r.findings],
            }
            for r in facts.requirements
        ],
        "findings": [f.as_dict() for f in facts.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
