"""Warnings for e-mail addresses and phone numbers in fields that are published."""

from __future__ import annotations

from pathlib import Path

from openforum.cli import main
from openforum.records.personal_data import contact_kind
from v2_forum import forum, load, write


def test_contact_details_in_published_fields_are_warned_at_their_line(
    tmp_path: Path, capsys
) -> None:
    forum(tmp_path)
    write(
        tmp_path,
        "commitments/nap1-01.md",
        "title: Open budgets\nplan: nap1\nstatus: limited\n"
        "lead: Budget Office (call +44 20 7946 0958)\n"
        "supporting: [Press Association, j.doe@press.example]\n"
        "theme: Budget 2024-2025, decree 114/2016",
    )
    write(
        tmp_path,
        "members/dee.md",
        "name: Dee\nkind: person\nsector: government\n"
        "contact: {email: dee@gov.example, phone: +44 20 7946 0000, public: true}\n"
        "seats:\n  - {role: observer, from: 2020-01-01}",
    )
    write(
        tmp_path,
        "members/eve.md",
        "name: Eve\nkind: person\nsector: government\n"
        "contact: {email: eve@gov.example, public: false}\n"
        "seats:\n  - {role: observer, from: 2020-01-01}",
    )
    _, problems = load(tmp_path)
    assert not problems
    warned = sorted((p.path.name, p.mark.line, p.message) for p in problems.warnings)
    assert [(name, line) for name, line, _ in warned] == [("nap1-01.md", 5), ("nap1-01.md", 6)]
    assert warned[0][2].startswith("lead holds what looks like a phone number")
    assert warned[1][2].startswith("supporting[2] holds what looks like an e-mail address")
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "nap1-01.md:6:" in out and "warning:" in out
    assert "j.doe@press.example" not in out and "7946" not in out  # the value is never shown


def test_what_counts_as_contact_details() -> None:
    assert contact_kind("Write to info@ministry.example.org") == "an e-mail address"
    assert contact_kind("Tel: 555 0143 22") == "a phone number"
    assert contact_kind("(202) 555-0143") == "a phone number"
    assert contact_kind("+34 91 123 45 67") == "a phone number"
    for text in (
        "Plan 2023-2025",
        "Decree 114/2016 of 2016-05-10",
        "Budget of 45 000 000 EUR",
        "https://example.org/a@b.cd/page",
        "ISO 27001:2013",
    ):
        assert contact_kind(text) is None, text
