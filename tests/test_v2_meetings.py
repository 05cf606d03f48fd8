"""Bodies, a Forum that ended, and votes that cannot be (records.md, version 2)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from html_tree import parse
from openforum.cli import main
from openforum.i18n.findings import finding_message
from v2_forum import clean, exports, facts, forum, load, site, write

BODIES = """
bodies:
  - {id: plenary, name: Plenary, kind: plenary}
  - {id: data-wg, name: Working group on data, kind: working_group}
  - id: audit
    name: Audit committee
    kind: committee
    rules: {quorum: 1/1, max_meeting_gap_months: 3}
"""


def _meeting(root: Path, key: str, day: str, body: str = "", extra: str = "") -> None:
    lines = [f"title: Meeting {key}", "kind: plenary", "status: held", f"start: {day}T10:00"]
    if body:
        lines.append(f"body: {body}")
    write(root, f"meetings/{key}.md", "\n".join(lines) + "\n" + extra)


def test_quorum_and_cadence_apply_to_plenary_bodies_and_bodies_with_rules(tmp_path: Path) -> None:
    forum(tmp_path, BODIES)
    present = "attendance:\n  present: [ana]\n"
    _meeting(tmp_path, "p1", "2024-01-10", "plenary", present)
    _meeting(tmp_path, "p2", "2024-12-10", "plenary", present)  # 11 months later
    _meeting(tmp_path, "w1", "2024-01-10", "data-wg", present)
    _meeting(tmp_path, "w2", "2024-12-20", "data-wg", present)
    _meeting(tmp_path, "a1", "2024-01-10", "audit", present)
    _meeting(tmp_path, "a2", "2024-05-10", "audit", present)  # 4 months: its own limit is 3
    records = clean(tmp_path)
    found = facts(records, date(2024, 12, 31))
    assert found.meetings["p1"].quorum is not None and not found.meetings["p1"].quorum.met
    assert found.meetings["w1"].quorum is None  # a working group without rules: not counted
    assert found.meetings["a1"].quorum is not None and found.meetings["a1"].quorum.needed == 3
    gaps = sorted(f.subject.id for f in found.findings if f.code == "meeting-gap")
    assert gaps == ["a2", "a2", "p2"]  # audit: the gap, then none since May; no data-wg gap

    index = parse(site(records, date(2024, 12, 31)).pages["meetings/index.md"].html)
    headings = [h.text for h in index.find_all("h2")]
    assert headings[1:] == ["Plenary", "Working group on data", "Audit committee"]
    page = parse(site(records, date(2024, 12, 31)).pages["meetings/w1.md"].html)
    assert "Working group on data" in page.find("p", "of-status").text
    data = json.loads(exports(records, date(2024, 12, 31))["api/meetings/w1.json"])
    assert data["forum_body"] == "data-wg" and data["body"].strip() == ""


def test_a_meeting_naming_an_unknown_body_is_an_error(tmp_path: Path) -> None:
    forum(tmp_path, BODIES)
    _meeting(tmp_path, "m1", "2024-01-10", "data-wgg")
    _, problems = load(tmp_path)
    [problem] = list(problems)
    assert problem.mark.line == 6
    assert "no body 'data-wgg'" in problem.message and "Did you mean 'data-wg'?" in problem.message


def test_nothing_is_counted_or_upcoming_after_the_forum_ended(tmp_path: Path) -> None:
    forum(tmp_path, "ended: 2015-06-30\n")
    _meeting(tmp_path, "m1", "2014-12-10")
    _meeting(tmp_path, "m2", "2015-03-10")
    write(
        tmp_path,
        "meetings/m3.md",
        "title: Never held\nkind: plenary\nstatus: scheduled\nstart: 2015-09-01T10:00",
    )
    records = clean(tmp_path)
    found = facts(records, date(2026, 11, 30))
    gaps = [
        finding_message(f) for f in found.findings if f.code in ("meeting-gap", "assessment-gap")
    ]
    assert gaps == []  # 2015-03 to the end, 2015-06, is within six months
    pages = site(records, date(2026, 11, 30)).pages
    index = parse(pages["meetings/index.md"].html)
    assert "wound up on 30 June 2015" in index.text
    assert "Never held" in index.text  # listed in the record, not as upcoming
    assert "(upcoming)" not in pages["meetings/m3.md"].html


def test_votes_beyond_those_present_or_seated_are_errors(tmp_path: Path) -> None:
    forum(tmp_path)
    decision = (
        "decisions:\n  - id: d1\n    text: Adopt\n    result: adopted\n"
        "    votes: {{for: {0}, against: 1, abstain: 1}}\n"
    )
    _meeting(
        tmp_path,
        "m1",
        "2024-01-10",
        extra="attendance:\n  present: [ana, ben]\n" + decision.format(1),
    )
    _meeting(tmp_path, "m2", "2024-02-10", extra=decision.format(3))  # 5 votes, 3 seats
    _, problems = load(tmp_path)
    messages = {p.path.stem: p.message for p in problems}
    assert (
        "3 votes are recorded but only 2 members holding a vote are listed present"
        in (messages["m1"])
    )
    assert "1 for + 1 against + 1 abstain = 3" in messages["m1"]
    assert (
        "5 votes are recorded but the Forum has only 3 voting seats on 2024-02-10"
        in (messages["m2"])
    )


def test_a_result_the_rule_contradicts_is_published_with_a_warning(tmp_path: Path, capsys) -> None:
    forum(tmp_path)
    _meeting(
        tmp_path,
        "m1",
        "2024-01-10",
        extra="attendance:\n  present: [ana, ben, cai]\n"
        "decisions:\n  - id: d1\n    text: Adopt the plan\n    result: adopted\n"
        "    votes: {for: 1, against: 2}\n",
    )
    records, problems = load(tmp_path)
    assert not problems
    [warning] = problems.warnings
    assert warning.mark.line == 11  # the line of `result`
    assert "recorded as adopted, but the simple majority rule gives rejected" in warning.message
    assert "1 for against 2" in warning.message
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert ":11:" in out and "warning: decision d1" in out and "1 warning" in out
    page = parse(site(records, date(2024, 6, 1)).pages["meetings/m1.md"].html)
    assert "gives rejected" in page.by_id("decision-d1").text
    assert main(["check", str(tmp_path), "--today", "2024-06-01"]) == 0
    assert "result-disagrees" in capsys.readouterr().out
