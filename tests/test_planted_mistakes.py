"""Twenty mistakes of different kinds, planted in twenty files of the demo forum, are all
reported in one run, each at its own file and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import line_of
from openforum.cli import main


class Plant(NamedTuple):
    folder: str  # where to look for a file to spoil (relative to the forum root)
    pattern: str  # a regex the file must contain; its first match is replaced
    replacement: str  # may use \1 etc.
    at: str  # text on the expected line after the edit (a regex group's output if empty)
    message: str


PLANTS = [
    Plant(
        "meetings",
        r"(?m)^kind: plenary$",
        "kind: plenery",
        "kind: plenery",
        "Did you mean 'plenary'?",
    ),
    Plant(
        "meetings",
        r"(?m)^(title: .*)$",
        r"\1\ntitle: Again",
        "title: Again",
        "duplicate field 'title'",
    ),
    Plant(
        "meetings", r"(?m)^(start: .*)$", r"\1\nstauts: held", "stauts", "Did you mean 'status'?"
    ),
    Plant(
        "meetings",
        r"(?m)^  published: \d{4}-\d\d-\d\d$",
        "  published: 2001-01-01",
        "published: 2001",
        "before the meeting",
    ),
    Plant("meetings", r"(?m)^(  - id: .*)$", r"\1\n    idd: x", "idd: x", "unknown field 'idd'"),
    Plant(
        "meetings", r"(?m)^status: held$", "status: hold", "status: hold", "Did you mean 'held'?"
    ),
    Plant("commitments", r"(?m)^plan: (nap\S+)$", "plan: nap99", "plan: nap99", "no plan 'nap99'"),
    Plant(
        "commitments",
        r"(?m)^    due: \d{4}-\d\d-\d\d$",
        "    due: 31/12/2024",
        "31/12/2024",
        "YYYY-MM-DD",
    ),
    Plant(
        "commitments",
        r"(?m)^(title: .*)$",
        r"\1\nid: not-this-file",
        "id: not-this",
        "differs from the file name",
    ),
    Plant(
        "commitments",
        r"(?m)^supporting: \[",
        "supporting: [nobody-at-all, ",
        "nobody-at-all",
        "no such record 'nobody-at-all'",
    ),
    Plant(
        "members",
        r"(?m)^sector: civil_society$",
        "sector: civil society",
        "sector: civil society",
        "civil_society",
    ),
    Plant("members", r"(?m)^  public: false$", "  public: no", "public: no", "true or false"),
    Plant("members", r"(?m)^kind: person$", "kind: persn", "kind: persn", "Did you mean 'person'?"),
    Plant("plans", r"(?m)^status: (\w+)$", "status: finished", "status: finished", "is not one of"),
    Plant(
        "consultations", r"(?m)^closes: \d{4}", "closes: 1999", "closes: 1999", "before it opens"
    ),
    Plant(
        "consultations/*",
        r"(?m)^  outcome: \w+$",
        "  outcome: accepted",
        "outcome: accepted",
        "is not one of",
    ),
    Plant(
        "consultations/*",
        r"(?m)^  publish_name: (true|false)$",
        "  publish_name: 1",
        "publish_name: 1",
        "true or false",
    ),
    Plant(
        "assessments", r"(?m)^subject: .*$", "subject: nap99", "subject: nap99", "no plan 'nap99'"
    ),
    Plant(
        "partners",
        r"(?m)^kind: multilateral$",
        "kind: multilaterall",
        "multilaterall",
        "Did you mean 'multilateral'?",
    ),
    Plant(
        ".",
        r"(?m)^timezone: (.*)$",
        "timezone: Europe/Atens",
        "Europe/Atens",
        "Did you mean 'Europe/Athens'?",
    ),
]


def test_twenty_planted_mistakes_all_reported_in_one_run(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spoiled: dict[str, tuple[int, str]] = {}
    for plant in PLANTS:
        candidates = sorted(demo_copy.glob(f"{plant.folder}/*.md"))
        for path in candidates:
            relative = path.relative_to(demo_copy).as_posix()
            text = path.read_text(encoding="utf-8")
            if relative in spoiled or not re.search(plant.pattern, text):
                continue
            edited = re.sub(plant.pattern, plant.replacement, text, count=1)
            path.write_text(edited, encoding="utf-8")
            spoiled[relative] = (line_of(edited, plant.at), plant.message)
            break
        else:
            pytest.fail(f"no file in {plant.folder}/ matches {plant.pattern}")
    assert len(spoiled) == 20

    monkeypatch.chdir(demo_copy)
    assert main(["validate", "."]) == 1
    output = capsys.readouterr().out.splitlines()
    reported = {}
    for row in output[:-1]:
        where, line, _column, message = row.split(":", 3)
        reported.setdefault((where, int(line)), []).append(message)
    for relative, (line, message) in spoiled.items():
        messages = reported.get((relative, line), [])
        assert any(message in m for m in messages), (relative, line, message, output)
    assert output[-1].endswith(": 20 problems"), output
