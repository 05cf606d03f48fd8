"""Formats problems for people (one `path:line:col: error: message` per line) and for CI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .records import ForumRecords, Problem, Problems

# `validate` prints problems only: the facts, their words and Babel are imported by the
# functions that print findings (a fifth of a second of `validate`'s start-up).
if TYPE_CHECKING:
    from .facts.forum import ForumFacts

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
        return f"::{problem.severity} file={where},line={line},col={column}::{message}"
    return f"{where}:{line}:{column}: {problem.severity}: {problem.message}"


def summary(records: ForumRecords, problems: Problems) -> str:
    counts = records.counts()
    total = sum(counts.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in counts.items() if count)
    found = len(problems)
    verdict = "no problems" if not found else f"{found} problem{'s' if found != 1 else ''}"
    warned = len(problems.warnings)
    if warned:
        verdict += f", {warned} warning{'s' if warned != 1 else ''}"
    return f"{total} records ({kinds or 'none'}): {verdict}"


VERDICT_LABELS = {
    "met": "met",
    "not_met": "NOT MET",
    "not_verifiable": "NOT VERIFIABLE",
    "not_applicable": "n/a",
}
PARTS = {
    "ogp": "OGP Participation and Co-Creation Standards (2022), minimum requirements",
    "rules": "The Forum's own rules and the handbook's good practice (not OGP requirements)",
}


def findings_text(facts: ForumFacts) -> str:
    """The verdicts (the OGP's minimum requirements, then the Forum's own rules), then every
    finding, one per line with its code."""
    from . import verdict_words as words
    from .i18n.findings import finding_message

    lines = [f"Verdicts as of {facts.today}:"]
    part = ""
    for judgement in facts.requirements:
        if judgement.part != part:
            part = judgement.part
            lines.append(f"{PARTS[part]}:")
        label = VERDICT_LABELS[judgement.verdict]
        lines.append(
            f"  [{label:>14}] {judgement.code:<22} {words.title(judgement)}: "
            f"{words.figure(judgement)}"
        )
        for item in judgement.shortfalls:
            fill = words.fill(item)
            lines.append(
                f"{'':20}- /{item.subject.url}  {words.shortfall(item)}"
                + (f" ({fill})" if fill else "")
            )
    lines.append("")
    lines.append(f"Findings ({len(facts.findings)}):")
    for finding in facts.findings:
        lines.append(
            f"  {finding.level:<7} {finding.code:<24} /{finding.subject.url}  "
            + finding_message(finding)
        )
    return "\n".join(lines)


def findings_json(facts: ForumFacts) -> str:
    from . import verdict_words as words
    from .i18n.findings import finding_data

    document = {
        "today": facts.today.isoformat(),
        "standards": words.OGP_STANDARDS_URL,
        "requirements": [words.judgement_data(j) for j in facts.requirements],
        "findings": [finding_data(f) for f in facts.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
