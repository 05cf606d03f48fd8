"""A small forum written in a few lines per case, for the tests of the contract's version 2
additions (records.md): institutions, partial dates, indicators, bodies, votes, ended."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from textwrap import dedent

from openforum.exports import build_exports
from openforum.facts.forum import ForumFacts, derive
from openforum.records import ForumRecords, Problems, load_forum
from openforum.site import SiteOptions, generate_site
from openforum.site.generate import GeneratedSite

SITE = "https://forum.example.org/"


def write(root: Path, relative: str, front: str, body: str = "") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{dedent(front).strip()}\n---\n{dedent(body)}\n", encoding="utf-8")
    return path


def forum(root: Path, extra: str = "") -> Path:
    """forum.md, two plans' worth of rules, three voting members and one plan."""
    write(
        root,
        "forum.md",
        """
        name: Forum of Testland
        country: Testland
        timezone: UTC
        established: {date: 2020-01-01}
        rules:
          decision_rule: simple_majority
          quorum: 1/2
          max_meeting_gap_months: 6
          qualified_threshold: 2/3
        """.replace("\n        ", "\n")
        + dedent(extra),
    )
    for member, sector in (("ana", "government"), ("ben", "civil_society"), ("cai", "academia")):
        write(
            root,
            f"members/{member}.md",
            f"name: {member.title()}\nkind: person\nsector: {sector}\n"
            "seats:\n  - {role: member, from: 2020-01-01}",
        )
    write(
        root,
        "plans/nap1.md",
        "title: First plan\nperiod: {start: 2024-01-01, end: 2027-12-31}\nstatus: implementation",
    )
    return root


def load(root: Path) -> tuple[ForumRecords, Problems]:
    return load_forum(root)


def clean(root: Path) -> ForumRecords:
    records, problems = load_forum(root)
    assert not problems, [f"{p.path.name}:{p.mark.line}: {p.message}" for p in problems]
    return records


def site(records: ForumRecords, today: date) -> GeneratedSite:
    return generate_site(records, SiteOptions(today=today))


def facts(records: ForumRecords, today: date) -> ForumFacts:
    return derive(records, today)


def exports(records: ForumRecords, today: date) -> dict[str, str]:
    return build_exports(records, derive(records, today), SITE, today)
