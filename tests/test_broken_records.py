"""Each broken record is reported once, at the exact line of the key or value at fault."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import found, line_of


class Edit(NamedTuple):
    """Replace `old` by `new` (first occurrence) in `file`; expect `message` on the line of `at`."""

    file: str
    old: str
    new: str
    at: str  # text on the line where the problem must be reported, in the edited file
    message: str


M = "meetings/2024-03-12-plenary.md"
C = "commitments/nap1-01.md"

EDITS = [
    # vocabularies
    Edit(
        "forum.md",
        "instrument: law",
        "instrument: statute",
        "instrument:",
        "'statute' is not one of",
    ),
    Edit("forum.md", "mandate: decision_making", "mandate: advisory", "mandate:", "consultative"),
    Edit(
        "forum.md",
        "decision_rule: consensus",
        "decision_rule: unanimity",
        "decision_rule",
        "simple_majority",
    ),
    Edit("members/ana-ruiz.md", "kind: person", "kind: human", "kind:", "'human' is not one of"),
    Edit(
        "members/ana-ruiz.md",
        "sector: civil_society",
        "sector: civil society",
        "sector:",
        "Did you mean 'civil_society'?",
    ),
    Edit(
        "members/ana-ruiz.md",
        "role: member",
        "role: chairperson",
        "role:",
        "'chairperson' is not one of",
    ),
    Edit(M, "kind: plenary", "kind: plenery", "kind:", "Did you mean 'plenary'?"),
    Edit(M, "status: held", "status: done", "status: done", "'done' is not one of"),
    Edit(M, "result: adopted", "result: passed", "result: passed", "'passed' is not one of"),
    Edit(M, "status: approved", "status: final", "status: final", "approved, draft"),
    Edit(M, "kind: paper", "kind: slides", "kind: slides", "presentation"),
    Edit(
        "plans/nap1.md",
        "status: implementation",
        "status: ongoing",
        "status:",
        "'ongoing' is not one of",
    ),
    Edit("plans/nap1.md", "phase: development", "phase: drafting", "drafting", "follow_up"),
    Edit(C, "status: limited", "status: partial", "status: partial", "'partial' is not one of"),
    Edit(C, "status: in_progress", "status: started", "status: started", "in_progress"),
    Edit(
        C,
        "public_accountability]",
        "accountability]",
        "ogp_values",
        "Did you mean 'public_accountability'?",
    ),
    Edit(C, "potential: substantial", "potential: high", "potential: high", "modest"),
    Edit(C, "early_results: marginal", "early_results: some", "early_results", "outstanding"),
    Edit("consultations/c1.md", "in_person]", "radio]", "channels", "'radio' is not one of"),
    Edit(
        "consultations/c1/s01.md",
        "outcome: partly_adopted",
        "outcome: partial",
        "outcome",
        "partly_adopted",
    ),
    Edit(
        "consultations/c1/s01.md",
        "sector: civil_society",
        "sector: ngo",
        "sector",
        "'ngo' is not one of",
    ),
    Edit(
        "partners/devbank.md", "kind: multilateral", "kind: bank", "kind:", "'bank' is not one of"
    ),
    Edit(
        "partners/devbank.md",
        "implementation]",
        "monitoring]",
        "phases",
        "'monitoring' is not one of",
    ),
    # references
    Edit("assessments/2024-h1.md", "subject: forum", "subject: nap9", "subject", "no plan 'nap9'"),
    Edit(
        M,
        "present: [ana-ruiz, ben-tal]",
        "present: [ana-ruiz, ben-tall]",
        "present",
        "no member 'ben-tall'",
    ),
    Edit(
        M,
        "approved_in: 2024-05-02-plenary",
        "approved_in: 2024-05-03-plenary",
        "approved_in",
        "no meeting '2024-05-03-plenary'",
    ),
    Edit(C, "plan: nap1", "plan: nap2", "plan:", "no plan 'nap2'"),
    Edit(
        M,
        "commitments: [nap1-01]\n    documents",
        "commitments: [nap1-02]\n    documents",
        "nap1-02",
        "no commitment 'nap1-02'",
    ),
    Edit(
        "consultations/c1/s01.md",
        "commitments: [nap1-01]",
        "commitments: [nap1-09]",
        "nap1-09",
        "no commitment 'nap1-09'",
    ),
    Edit(
        "plans/nap1.md",
        "consultation: c1",
        "consultation: c2",
        "consultation",
        "no consultation 'c2'",
    ),
    Edit("consultations/c1.md", "plan: nap1", "plan: nap0", "plan:", "no plan 'nap0'"),
    Edit(
        "forum.md",
        "secretariat: [sec-office]",
        "secretariat: [sec-ofice]",
        "secretariat",
        "Did you mean 'sec-office'?",
    ),
    Edit(
        "members/cleo-dan.md",
        "substitute_for: ben-tal",
        "substitute_for: ben-taal",
        "substitute_for",
        "no member 'ben-taal'",
    ),
    Edit(
        C, "supporting: [ana-ruiz]", "supporting: [ana-ruis]", "supporting", "no such record 'ana-ruis'"
    ),
    Edit(
        C,
        "lead: ministry-of-reform",
        "lead: ministry-of-reforms",
        "lead",
        "Did you mean 'ministry-of-reform'?",
    ),
    Edit(
        M,
        "commitments: [nap1-01]\n    documents",
        "commitments: [nap1-1]\n    documents",
        "nap1-1]",
        "old id of commitments/nap1-01.md",
    ),
    Edit(
        "members/ben-tal.md",
        "organization: ministry-of-reform",
        "organization: Ministry-Of-Reform",
        "",
        "",
    ),
    # incoherent dates and rules
    Edit(
        "plans/nap1.md",
        "end: 2025-12-31}\nstatus",
        "end: 2023-12-31}\nstatus",
        "period",
        "period ends (2023-12-31) before it starts",
    ),
    Edit(
        "members/ana-ruiz.md",
        "to: 2023-12-31",
        "to: 2022-12-31",
        "to:",
        "seat ends (2022-12-31) before it starts",
    ),
    Edit(
        "members/ana-ruiz.md",
        "from: 2024-01-01",
        "from: 2023-06-01",
        "from: 2023-06-01",
        "overlaps the seat from 2023-01-01",
    ),
    Edit(M, "published: 2024-03-20", "published: 2024-03-01", "published", "before the meeting"),
    Edit(C, "date: 2024-03-30", "date: 2024-07-30", "date: 2024-06-30", "oldest first"),
    Edit(
        C,
        "status: limited",
        "status: substantial",
        "status: substantial",
        "the last progress entry",
    ),
    Edit(
        M,
        "end: 2024-03-12T13:00",
        "end: 2024-03-12T09:00",
        "end:",
        "ends (2024-03-12 09:00) before",
    ),
    Edit(
        "consultations/c1.md",
        "closes: 2023-04-15",
        "closes: 2023-02-15",
        "closes",
        "closes (2023-02-15) before it opens",
    ),
    Edit(
        M, "announced: 2024-02-26", "announced: 2024-03-26", "announced", "after the meeting itself"
    ),
    Edit(
        M,
        "approved_in: 2024-05-02-plenary",
        "approved_in: 2024-03-12-plenary",
        "approved_in",
        "not after this meeting",
    ),
    Edit(
        M,
        "result: adopted\n    commitments",
        "votes: {for: 2, against: 0}\n    result: adopted\n    commitments",
        "votes:",
        "taken by consensus",
    ),
    Edit(
        "members/cleo-dan.md",
        "    substitute_for: ben-tal\n",
        "",
        "role: substitute",
        "add 'substitute_for",
    ),
    Edit(
        C,
        "status: in_progress",
        "status: in_progress\n    done: 2025-01-01",
        "done: 2025",
        "set 'status: complete'",
    ),
    Edit(M, "apologies: []", "apologies: [ben-tal]", "present:", "both present and in apologies"),
    Edit(
        "meetings/2024-05-02-plenary.md",
        "start: 2024-05-02T10:00",
        "start: 2024-05-02T10:00\ndecisions: [{id: x1, text: t, result: adopted}]",
        "decisions",
        "a scheduled meeting has no decisions",
    ),
    Edit(
        "partners/devbank.md",
        "sent: 2019-02-01",
        "sent: 2019-05-01",
        "letter_of_intent",
        "accepted (2019-04-20) before it was sent",
    ),
    Edit(
        "forum.md",
        "timezone: Europe/Lisbon",
        "timezone: Europe/Lisbn",
        "timezone",
        "Did you mean 'Europe/Lisbon'?",
    ),
    # structure and strict reading
    Edit(
        M,
        "kind: plenary",
        "kind: plenary\ntitle: Again",
        "title: Again",
        "duplicate field 'title' (first written on line 2)",
    ),
    Edit(M, "status: held", "stauts: held", "stauts", "Did you mean 'status'?"),
    Edit(
        "meetings/2024-05-02-plenary.md",
        "title: Plenary session 5",
        "title: Plenary session 5\nid: plenary-5",
        "id:",
        "differs from the file name",
    ),
    Edit(
        M,
        "present: [ana-ruiz, ben-tal]\n  apologies: []",
        "present: &p [ana-ruiz, ben-tal]\n  apologies: *p",
        "*p",
        "aliases are not allowed",
    ),
    Edit(
        M,
        "title: Plenary session 4",
        "title: !!str Plenary session 4",
        "title:",
        "tags are not allowed",
    ),
    Edit("forum.md", "parity: true", "parity: yes", "parity", "'yes' is not true or false"),
    Edit(
        "forum.md",
        "notice_days: 14",
        "notice_days: 1:30",
        "notice_days",
        "'1:30' is not a whole number",
    ),
    Edit("plans/nap1.md", "number: 1", "number: 1.0", "number", "not a whole number"),
    Edit(
        M, "published: 2024-03-20", "published: 20/03/2024", "published", "write it as YYYY-MM-DD"
    ),
    Edit(
        M,
        "published: 2024-03-20",
        "published: 2024-02-30",
        "published",
        "not a date in the calendar",
    ),
    Edit(
        M, "start: 2024-03-12T10:00", "start: 2024-03-12 10:00", "start:", "write YYYY-MM-DDTHH:MM"
    ),
    Edit("forum.md", "amount: 12000", 'amount: "12000"', "amount", "found the quoted text '12000'"),
    Edit("forum.md", "quorum: 1/2", "quorum: 3/2", "quorum", "between 0 and 1"),
    Edit(
        "plans/nap1.md",
        "url: https://gov.lanmark.example/nap1.pdf",
        "url: gov.lanmark.example/nap1.pdf",
        "url:",
        "not a web address",
    ),
    Edit(M, "present: [ana-ruiz, ben-tal]", "present: ana-ruiz", "present", "expected a list"),
    Edit(
        "plans/nap1.md",
        "title: First National Action Plan 2024-2025\n",
        "",
        "number",
        "missing field 'title' in plan",
    ),
    Edit(
        M,
        "rule: qualified_majority",
        "rule: qualified_majority\n    rule: consensus",
        "rule: consensus",
        "duplicate field 'rule'",
    ),
    Edit(
        C, "  - id: 2\n", "  - id: 1\n", "id: 1\n    title: Train", "milestone id '1' is used twice"
    ),
    Edit(M, "location: {name:", "location: {nmae:", "location", "Did you mean 'name'?"),
    Edit(
        M, "  - title: Approval", "\t- title: Approval", "\t- title", "indent with spaces, not tabs"
    ),
    Edit(
        "members/ana-ruiz.md",
        "name: Ana Ruiz",
        "name: Ana: Ruiz",
        "name:",
        "put quotes around a value",
    ),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: f"{e.file}:{e.new[:30]}")
def test_broken_record_is_reported_at_its_line(minimal_copy: Path, edit: Edit) -> None:
    target = minimal_copy / edit.file
    text = target.read_text(encoding="utf-8")
    assert edit.old in text, f"fixture no longer contains {edit.old!r}"
    edited = text.replace(edit.old, edit.new, 1)
    target.write_text(edited, encoding="utf-8")

    _, problems = found(minimal_copy)

    if not edit.message:  # an edit that must stay valid
        assert problems == []
        return
    expected_line = line_of(edited, edit.at) if edit.at else 1
    assert [(p[0], p[1]) for p in problems] == [(edit.file, expected_line)], problems
    assert edit.message in problems[0][3]


class BadFile(NamedTuple):
    file: str
    content: bytes
    line: int
    message: str


BAD_FILES = [
    BadFile("plans/nap2.md", b"title: A plan\nstatus: closed\n", 1, "missing front matter"),
    BadFile("plans/nap2.md", b"---\ntitle: A plan\nstatus: closed\n", 1, "never closed"),
    BadFile("plans/nap2.md", b"---\n- title\n- status\n---\n", 2, "not a list"),
    BadFile("plans/nap2.md", b"---\njust words\n---\n", 2, "not a single value"),
    BadFile("plans/nap2.md", b"---\ntitle: Caf\xe9 plan\n---\n", 2, "not UTF-8"),
    BadFile("plans/nap2.md", b"\x00\x01\x02\xff\xfe binary", 1, "not UTF-8"),
    BadFile("plans/nap2.md", b"", 1, "missing front matter"),
    BadFile("plans/Nap 2.md", b"---\n---\n", 1, "rename it to 'nap-2.md'"),
    BadFile("plans/nap2.yml", b"title: x\n", 1, "records are named <id>.md"),
    BadFile("meeting/2024-01-01.md", b"---\n---\n", 1, "Did you mean 'meetings'?"),
    BadFile("notes.md", b"hello\n", 1, "only forum.md sits at the top"),
    BadFile(
        "consultations/c9/s01.md", b"---\nsubmitted: 2023-03-14\n---\n", 1, "has no consultation"
    ),
    BadFile("plans/nap2.md", b"---\ntitle: [unclosed\n---\n", 2, "YAML syntax error"),
    BadFile(
        "plans/nap2.md",
        b"---\n" + b"a:\n" + b"".join(b"  " * i + b"- x:\n" for i in range(1, 15)) + b"---\n",
        8,
        "nested more than",
    ),
]


@pytest.mark.parametrize("bad", BAD_FILES, ids=lambda b: f"{b.file}:{b.message}")
def test_malformed_file_is_reported(minimal_copy: Path, bad: BadFile) -> None:
    target = minimal_copy / bad.file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bad.content)

    _, problems = found(minimal_copy)

    mine = [p for p in problems if p[0] == bad.file or bad.file.startswith(p[0] + "/")]
    assert mine, problems
    assert mine[0][1] == bad.line, mine
    assert bad.message in mine[0][3], mine


def test_byte_order_mark_is_tolerated(minimal_copy: Path) -> None:
    target = minimal_copy / "plans/nap1.md"
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
    records, problems = found(minimal_copy)
    assert problems == []
    assert records.plans["nap1"].title == "First National Action Plan 2024-2025"


def test_values_are_read_as_written(minimal_copy: Path) -> None:
    target = minimal_copy / "commitments/nap1-01.md"
    text = (
        target.read_text()
        .replace("ogp_id: LM0001", "ogp_id: 012")
        .replace("theme: Fiscal openness", "theme: NO")
    )
    target.write_text(text)
    records, problems = found(minimal_copy)
    assert problems == []
    commitment = records.commitments["nap1-01"]
    assert (commitment.ogp_id, commitment.theme) == ("012", "NO")


def test_every_problem_of_a_file_is_reported_in_one_run(minimal_copy: Path) -> None:
    target = minimal_copy / "meetings/2024-03-12-plenary.md"
    text = target.read_text()
    for old, new in [
        ("kind: plenary", "kind: plenery"),
        ("status: held", "stauts: held"),
        ("announced: 2024-02-26", "announced: 26 Feb"),
        ("result: adopted", "result: passed"),
    ]:
        text = text.replace(old, new, 1)
    target.write_text(text)
    _, problems = found(minimal_copy)
    lines = sorted(p[1] for p in problems)
    expected = [line_of(text, n) for n in ("kind: plenery", "stauts", "announced", "passed")]
    assert lines == sorted(expected), problems


@pytest.mark.parametrize("body", ["[" * 20000, "[" * 40 + "a" + "]" * 40, "![" * 5000])
def test_markdown_that_would_stall_the_renderer_is_refused(minimal_copy: Path, body: str) -> None:
    target = minimal_copy / "plans/nap1.md"
    text = target.read_text(encoding="utf-8") + "Intro line\n" + body + "\n"
    target.write_text(text, encoding="utf-8")
    _, problems = found(minimal_copy)
    assert [(p[0], p[1]) for p in problems] == [("plans/nap1.md", line_of(text, body[:10]))]
    assert "more than 32 '['" in problems[0][3]


def test_many_ordinary_links_are_fine(minimal_copy: Path) -> None:
    target = minimal_copy / "plans/nap1.md"
    target.write_text(target.read_text() + "[a](https://x.example) " * 3000, encoding="utf-8")
    assert found(minimal_copy)[1] == []


def test_problems_say_where_in_words_and_point_at_the_value(minimal_copy: Path) -> None:
    meeting = minimal_copy / "meetings/2024-03-12-plenary.md"
    names = ", ".join(["ana-ruiz"] * 12 + ["Ana Ruiz"])
    text = meeting.read_text().replace("present: [ana-ruiz, ben-tal]", f"present: [{names}]")
    text = text.replace("votes: {for: 2,", "votes: {for: two,")
    meeting.write_text(text)
    commitment = minimal_copy / "commitments/nap1-01.md"
    plan_text = commitment.read_text().replace(
        "    status: in_progress", "    status: in_progress\n    colour: red"
    )
    plan_text = plan_text.replace("due: 2024-06-30", "due: 30 June")
    commitment.write_text(plan_text)

    _, problems = found(minimal_copy)
    by_message = {p[3].split(":")[0]: p for p in problems}
    assert set(by_message) == {
        "the 13th name under `attendance.present`",
        "`votes.for` in the 2nd item of `decisions`",
        "unknown field 'colour' in the 2nd item of `milestones`. Known fields",
        "`due` in the 1st item of `milestones`",
    }, problems
    # The column is where the value at fault starts, not where its key does.
    present = by_message["the 13th name under `attendance.present`"]
    line = text.splitlines()[present[1] - 1]
    assert line[present[2] - 1 :].startswith("Ana Ruiz]")
    votes = by_message["`votes.for` in the 2nd item of `decisions`"]
    assert text.splitlines()[votes[1] - 1][votes[2] - 1 :].startswith("two,")
    due = by_message["`due` in the 1st item of `milestones`"]
    assert plan_text.splitlines()[due[1] - 1][due[2] - 1 :] == "30 June"
    unknown = by_message["unknown field 'colour' in the 2nd item of `milestones`. Known fields"]
    assert plan_text.splitlines()[unknown[1] - 1][unknown[2] - 1 :] == "colour: red"
