"""Institutions named in words or by id; the organizations kind (records.md, version 2)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from html_tree import parse
from v2_forum import clean, exports, forum, load, site, write

TODAY = date(2025, 1, 15)


def _commitment(root: Path, lead: str, supporting: str = "[]") -> Path:
    return write(
        root,
        "commitments/nap1-01.md",
        f"title: Open budgets\nplan: nap1\nlead: {lead}\nsupporting: {supporting}\nstatus: limited",
    )


def test_an_id_shaped_institution_must_resolve_and_the_message_shows_both_fixes(
    tmp_path: Path,
) -> None:
    forum(tmp_path)
    path = _commitment(tmp_path, "media", "[Budget Office, ministry-of-finanse]")
    _, problems = load(tmp_path)
    found = {(p.mark.line, p.message) for p in problems}
    assert len(found) == 2
    lead = next(m for line, m in found if line == 4)
    assert "no such record 'media'" in lead
    assert "write the institution's name as it is spelled, e.g. 'Media'" in lead
    assert "add organizations/media.md" in lead
    supporting = next(m for line, m in found if line == 5)
    assert supporting.startswith(
        "the 2nd name under `supporting`: no such record 'ministry-of-finanse'"
    )
    assert path.name == "nap1-01.md"


def test_institutions_in_words_and_organizations_resolve(tmp_path: Path) -> None:
    forum(tmp_path)
    write(
        tmp_path,
        "organizations/central-procurement.md",
        "name: Central Procurement Authority\nsector: government\nparent: treasury\n"
        "url: https://cpa.example.org/\naliases: [cpa]",
        "Runs tenders.",
    )
    write(tmp_path, "organizations/treasury.md", "name: The Treasury\nsector: government")
    _commitment(tmp_path, "central-procurement", "[ben, Media Council, treasury]")
    write(
        tmp_path,
        "members/dee.md",
        "name: Dee\nkind: person\nsector: government\norganization: treasury\n"
        "seats:\n  - {role: observer, from: 2020-01-01}",
    )
    records = clean(tmp_path)
    pages = site(records, TODAY).pages

    page = parse(pages["organizations/central-procurement.md"].html)
    assert "Open budgets" in page.text
    assert any(a.attrs.get("href") == "../treasury/" for a in page.find_all("a"))  # its parent
    commitment = parse(pages["commitments/nap1-01.md"].html)
    hrefs = {a.text: a.attrs.get("href") for a in commitment.find_all("a")}
    assert hrefs["Central Procurement Authority"] == "../../organizations/central-procurement/"
    assert hrefs["The Treasury"] == "../../organizations/treasury/"
    assert "Media Council" in commitment.text and "Media Council" not in hrefs
    members = pages["members/index.md"].html
    assert "Media Council" not in members and "Central Procurement" not in members
    member = parse(pages["members/dee.md"].html)
    assert {a.text: a.attrs.get("href") for a in member.find_all("a")}["The Treasury"] == (
        "../../organizations/treasury/"
    )
    index = pages["organizations/index.md"].html
    assert "Central Procurement Authority" in index and "The Treasury" in index

    files = exports(records, TODAY)
    rows = list(csv.DictReader(io.StringIO(files["data/organizations.csv"])))
    assert [(r["id"], r["parent"], r["leads"], r["supports"]) for r in rows] == [
        ("central-procurement", "treasury", "1", "0"),
        ("treasury", "", "0", "1"),
    ]
    data = json.loads(files["api/organizations/central-procurement.json"])
    assert data["name"] == "Central Procurement Authority" and data["collection"] == "organizations"
    assert json.loads(files["api/organizations/cpa.json"]) == data  # the alias answers
    popolo = json.loads(files["api/popolo.json"])
    found = {o["id"]: o for o in popolo["organizations"]}
    assert found["organizations/central-procurement"]["parent_id"] == "organizations/treasury"
    dee = next(m for m in popolo["memberships"] if m["id"].startswith("members/dee/"))
    assert dee["on_behalf_of_id"] == "organizations/treasury"
    commitments = list(csv.DictReader(io.StringIO(files["data/commitments.csv"])))
    assert commitments[0]["supporting"] == "ben; Media Council; treasury"
