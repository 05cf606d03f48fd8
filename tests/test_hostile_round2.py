"""Hostile input, round two: every export read back by its standard's parser after a build
of hostile records, the privacy scan against disguised values, and the build's own log.

Written apart from the first round (test_hostile_records.py): formulas in CSV cells,
characters XML forbids, ids in bodies, a submission of 200,000 `<`, private values in
capitals, with non-breaking or zero-width spaces, wrapped across lines, as entities,
escapes or percent-encoding.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import xml.dom.minidom
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from conftest import MINIMAL
from openforum.exports import build_exports
from openforum.facts.forum import derive
from openforum.records import load_forum
from openforum.safety.normalise import normalise
from openforum.safety.privacy import find_leaks, private_values, redacted
from site_build import write_config

FORMULAS = (
    '=HYPERLINK("https://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\uff1d1+1",
)
LIVE = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
SUBMISSION = "forum_records/consultations/nap4-cocreation/s05.md"
MEETING = "forum_records/meetings/2024-06-25-plenary.md"


def run(*args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("openforum")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "openforum"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "NO_MKDOCS_2_WARNING": "1"},
        timeout=timeout,
        check=False,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def quoted(value: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(value)


def set_field(text: str, field: str, value: str) -> str:
    """The first line `field: ...` (at any indent) given `value`, double-quoted."""
    pattern = re.compile(rf"^(\s*(?:- )?{field}: ).*$", re.M)
    assert pattern.search(text), f"no {field} to change"
    return pattern.sub(lambda m: m[1] + quoted(value), text, count=1)


@dataclass
class Built:
    root: Path
    log: str
    returncode: int


@cache
def hostile_build(workdir: Path) -> Built:
    """The demo forum with formulas in every kind of text cell, ids in a body, and a
    submission of 200,000 `<`; built with `openforum build`."""
    write_config(workdir)
    meeting = workdir / MEETING
    edit(meeting, "title: Plenary session 8", f"title: {quoted(FORMULAS[0])}")
    meeting.write_text(set_field(meeting.read_text(encoding="utf-8"), "text", FORMULAS[2]))
    meeting.write_text(
        meeting.read_text(encoding="utf-8")
        + "\n## Background\n\nSee [the background](#background) and [the decision]"
        "(#decision-2024-06-25-1).\n\n"
        '<a id="__md_scope" name="submission-s01">shadow</a> <span id="decision-2024-06-25-2">'
        "x</span>\n",
        encoding="utf-8",
    )
    commitment = workdir / "forum_records/commitments/nap3-01.md"
    text = commitment.read_text(encoding="utf-8")
    text = set_field(text, "title", FORMULAS[1])
    text = set_field(text, "theme", FORMULAS[7])
    text = set_field(text, "note", FORMULAS[3])
    commitment.write_text(text, encoding="utf-8")
    submission = workdir / SUBMISSION
    text = submission.read_text(encoding="utf-8")
    text = set_field(text, "reason", FORMULAS[4])
    submission.write_text(text + "\n" + "<" * 200_000 + "\n", encoding="utf-8")
    forum = workdir / "forum_records/forum.md"
    text = forum.read_text(encoding="utf-8")
    text = set_field(text, "purpose", FORMULAS[5])
    text = set_field(text, "source", FORMULAS[6])
    forum.write_text(text, encoding="utf-8")
    result = run("build", "--config", str(workdir / "mkdocs.yml"), cwd=workdir)
    return Built(workdir / "site", result.stdout + result.stderr, result.returncode)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = hostile_build(tmp_path_factory.mktemp("hostile"))
    assert site.returncode == 0, site.log[-3000:]
    return site


def test_the_hostile_build_succeeds_without_a_traceback_or_a_staging_folder(built: Built) -> None:
    assert "Traceback" not in built.log
    assert [p.name for p in built.root.parent.iterdir() if "-building-" in p.name] == []
    assert [p.name for p in built.root.parent.iterdir() if p.name.endswith("-old")] == []


def test_no_csv_cell_starts_a_formula(built: Built) -> None:
    tables = sorted((built.root / "data").glob("*.csv"))
    assert len(tables) >= 5
    cells = [
        (table.name, cell)
        for table in tables
        for row in csv.reader(table.open(encoding="utf-8", newline=""))
        for cell in row
    ]
    assert [c for c in cells if c[1][:1] in LIVE or c[1].lstrip(" \n")[:1] in LIVE] == []
    # Each planted formula is still there, as text after a single quote.
    found = {cell for _, cell in cells}
    for formula in FORMULAS:
        assert "'" + formula in found, formula


def test_every_feed_and_xml_file_is_well_formed(built: Built) -> None:
    files = [*built.root.rglob("*.atom"), *built.root.rglob("*.xml")]
    assert len(files) > 10
    for path in files:
        data = path.read_bytes()
        ET.fromstring(data)
        xml.dom.minidom.parseString(data)


def _strict_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def test_every_json_file_parses_strictly(built: Built) -> None:
    files = list(built.root.rglob("*.json"))
    assert len(files) > 50
    for path in files:
        json.loads(path.read_bytes().decode("utf-8"), parse_constant=_strict_constant)


def test_body_ids_cannot_shadow_the_page_or_the_theme(built: Built) -> None:
    page = (built.root / "meetings/2024-06-25-plenary/index.html").read_text(encoding="utf-8")
    assert 'id="user-content-__md_scope"' in page and 'id="__md_scope"' not in page
    assert 'name="user-content-submission-s01"' in page
    # The page's own decision anchor exists once; the body's copy is prefixed.
    assert page.count('id="decision-2024-06-25-2"') == 1
    assert 'id="user-content-decision-2024-06-25-2"' in page
    # A link to the body's own heading follows it; a link to the page's anchor is kept.
    assert 'href="#user-content-background"' in page and 'id="user-content-background"' in page
    assert 'href="#decision-2024-06-25-1"' in page


def test_a_submission_of_200000_angle_brackets_is_published_as_typed(built: Built) -> None:
    page = (built.root / "consultations/nap4-cocreation/index.html").read_text(encoding="utf-8")
    assert "&lt;" * 1000 in page
    assert "<" * 10 not in page


def test_the_log_and_the_site_hold_no_private_value(built: Built) -> None:
    records, _ = load_forum(built.root.parent / "forum_records")
    private = private_values(records)
    assert len(private) >= 5
    assert find_leaks(built.root, private) == []
    log = normalise(built.log)
    assert [origin for value, origin in private.items() if normalise(value) in log] == []


# -- the privacy scan against disguised values ----------------------------------------------

NAME, EMAIL = "Ilse Marvon", "canary.person@hidden.example"
DISGUISES = [
    ("capitals.html", "<p>ILSE MARVON spoke</p>"),
    ("nbsp.html", "<p>Ilse&nbsp;Marvon spoke</p>"),
    ("nbsp-raw.html", "<p>Ilse\u00a0Marvon spoke</p>"),
    ("wrapped.html", "<p>Submitted by Ilse\n    Marvon.</p>"),
    ("zero-width.html", "<p>Ilse\u200bMarvon</p>"),
    ("soft-hyphen.html", "<p>Il\u00adse Mar\u00advon</p>"),
    ("full-width.html", "<p>\uff29\uff4c\uff53\uff45 \uff2d\uff41\uff52\uff56\uff4f\uff4e</p>"),
    ("entities.html", "<p>&#73;lse &#x4d;arvon</p>"),
    ("tags.html", "<p>Ilse <em>Marvon</em></p>"),
    ("json-escape.json", '{"a": "Ilse\\nMarvon"}'),
    ("json-unicode.json", '{"a": "\\u0049lse \\u004darvon"}'),
    ("calendar.ics", "DESCRIPTION:by Ilse Mar\r\n von\r\n"),
    ("email-capitals.html", "<p>CANARY.PERSON@HIDDEN.EXAMPLE</p>"),
    ("email-percent.html", '<a href="mailto:canary.person%40hidden.example">write</a>'),
    ("email-entity.xml", "<a>canary.person&#64;hidden.example</a>"),
]


@pytest.mark.parametrize(("name", "text"), DISGUISES, ids=[d[0] for d in DISGUISES])
def test_a_disguised_private_value_is_found(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    private = {NAME: "consultations/c/s.md, field author.name", EMAIL: "members/m.md"}
    assert len(find_leaks(tmp_path, private)) == 1


def test_the_values_are_folded_as_the_text_is(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>Ilse Marvon</p>", encoding="utf-8")
    assert len(find_leaks(tmp_path, {"ILSE  MARVON": "x"})) == 1
    assert len(find_leaks(tmp_path, {"Ilse\u00a0Marvon": "x"})) == 1


def test_longer_words_are_not_the_value(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<p>Ilse Marvons, Ilse Marvonia, Ilse Marvon-Smith, XIlse Marvon</p>", encoding="utf-8"
    )
    assert find_leaks(tmp_path, {NAME: "x"}) == []


def _leaking_forum(workdir: Path) -> None:
    write_config(workdir)
    member = workdir / "forum_records/members/lidia-kerr.md"
    text = member.read_text(encoding="utf-8")
    if "contact:" in text:
        text = text.replace("  public: true", "  public: false")
    else:
        text = text.replace("\n---\n", f"\ncontact:\n  email: {EMAIL}\n  public: false\n---\n", 1)
    member.write_text(text, encoding="utf-8")
    email = re.search(r"email: (\S+)", text)
    assert email is not None
    meeting = workdir / MEETING
    meeting.write_text(
        meeting.read_text(encoding="utf-8")
        + f"\nThe point was raised by ILSE\u00a0MARVON, whose\nsubmission was read out "
        f"(Ilse\n   Marvon). Write to {email[1].upper()}.\n",
        encoding="utf-8",
    )


def test_a_disguised_leak_fails_the_build_naming_record_and_field_never_the_value(
    tmp_path: Path,
) -> None:
    _leaking_forum(tmp_path)
    result = run("build", "--config", str(tmp_path / "mkdocs.yml"), cwd=tmp_path)
    log = result.stdout + result.stderr
    assert result.returncode == 1, log[-3000:]
    assert "Traceback" not in log
    assert "consultations/nap4-cocreation/s05.md, field author.name" in log
    assert "members/lidia-kerr.md, field contact.email" in log
    assert "meetings/2024-06-25-plenary/index.html" in log
    records, _ = load_forum(tmp_path / "forum_records")
    folded = normalise(log)
    assert [o for v, o in private_values(records).items() if normalise(v) in folded] == []
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if "-building-" in p.name] == []


# -- exports written from records that got past validation ------------------------------


def test_exports_drop_characters_xml_forbids_even_past_validation() -> None:
    records, problems = load_forum(MINIMAL)
    assert not problems
    meeting = next(iter(records.meetings.values()))
    meeting.title = "Plenary\x0b\x01\ufffe\uffff\x7f end"
    decision = meeting.decisions[0] if meeting.decisions else None
    if decision is not None:
        decision.text = "Adopt\x1b the plan"
    today = date(2026, 11, 23)
    files = build_exports(records, derive(records, today), "https://forum.example.org/", today)
    feeds = [text for path, text in files.items() if path.endswith(".atom")]
    assert feeds and any("Plenary end" in feed for feed in feeds)
    for feed in feeds:
        ET.fromstring(feed.encode("utf-8"))
        xml.dom.minidom.parseString(feed.encode("utf-8"))
    for path, text in files.items():
        if path.endswith(".json"):
            json.loads(text, parse_constant=_strict_constant)


def test_a_log_line_never_shows_a_link_holding_a_private_value() -> None:
    private = {NAME: "consultations/c/s.md, field author.name"}
    assert "marvon" not in redacted("../ILSE%20MARVON/", private).casefold()
    assert redacted("../../members/ana-ruiz/", private) == "../../members/ana-ruiz/"
