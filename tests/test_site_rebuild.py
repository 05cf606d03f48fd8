"""Rebuilding the site after a record changes, broken records, and the real `mkdocs build`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from conftest import DEMO, PROJECT
from git_repo import git
from html_tree import Element, content, parse
from openforum.records import load_forum
from openforum.report import format_problem
from openforum.site import derived, labels
from site_build import TODAY, build_site, one_language

TITLE = 'Open contracting <b>now</b> & "forever"'


def _legend(element: Element) -> dict[str, int]:
    items = element.find("ul", class_="of-legend").find_all("li")
    return {i.text.rsplit(":", 1)[0]: int(i.text.rsplit(":", 1)[1]) for i in items}


def _complete(path: Path) -> None:
    """Mark a commitment complete: a new progress entry and the status that matches it."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^status: \w+$", "status: complete", text, count=1)
    text = re.sub(r"(?m)^title: .*$", "title: '" + TITLE.replace("'", "''") + "'", text, count=1)
    entry = "  - date: 2026-11-20\n    status: complete\n    note: All municipalities publish.\n"
    text = text.replace("\nirm:", "\n" + entry + "irm:", 1) if "\nirm:" in text else text
    if entry not in text:
        front, body = text.split("\n---\n", 1)
        text = front + "\n" + entry.rstrip("\n") + "\n---\n" + body
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("changed")
    records = work / "forum_records"
    shutil.copytree(DEMO, records)
    one_language(records)  # about statuses, not languages (those: test_languages)
    _complete(records / "commitments/nap4-03.md")
    return build_site(work, records)


def test_a_status_change_reaches_every_page(changed) -> None:
    before, _ = load_forum(DEMO)
    old = before.commitments["nap4-03"]
    assert old.status != "complete", "the demo's nap4-03 is not complete yet"
    records = changed.records
    assert records.commitments["nap4-03"].status == "complete"
    label_old, label_new = labels.label(old.status), labels.label("complete")

    page = content(changed.page("commitments/nap4-03/"))
    status = page.find(class_="of-status").find("span", class_="of-badge")
    assert "of-badge--complete" in status.classes and status.text == label_new

    table = content(changed.page("commitments/")).by_id("commitments-table")
    row = next(
        r for r in table.find_all("tr") if r.attrs.get("data-status") and "nap4-03" in r.text
    )
    assert row.attrs["data-status"] == "complete"

    expected = derived.status_counts(derived.commitments_of(before, "nap4"))
    expected[old.status] -= 1
    expected["complete"] += 1
    plan = _legend(content(changed.page("plans/nap4/")))
    assert plan == {labels.label(s): n for s, n in expected.items()}
    assert (
        plan[label_new]
        == derived.status_counts(derived.commitments_of(before, "nap4"))["complete"] + 1
    )
    assert plan[label_old] == expected[old.status]

    home = content(changed.page("")).find("section", aria_labelledby="home-commitments")
    assert _legend(home) == plan

    events = content(changed.page("timeline/")).find_all("li", class_="of-event")
    new = [e for e in events if e.find("time").attrs["datetime"] == "2026-11-20"]
    assert any("nap4-03" in e.text and "of-badge--complete" in str(_classes(e)) for e in new)


def _classes(element: Element) -> list[str]:
    return [c for e in element.iter() for c in e.classes]


def test_record_text_is_escaped(changed) -> None:
    html = changed.page("commitments/nap4-03/").read_text(encoding="utf-8")
    assert "<b>now</b>" not in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html
    heading = parse(changed.page("commitments/nap4-03/")).find("h1")
    assert heading.text == f"nap4-03: {TITLE}"
    table = changed.page("commitments/").read_text(encoding="utf-8")
    assert "<b>now</b>" not in table
    # The sanitizer may re-encode the quote; either entity shows the same text.
    quoted = ("&#34;forever&#34;", "&quot;forever&quot;", '"forever"')
    assert any(f"&lt;b&gt;now&lt;/b&gt; &amp; {q}" in table for q in quoted)


def test_invalid_records_stop_the_build_with_validate_messages(tmp_path: Path) -> None:
    records = tmp_path / "forum_records"
    shutil.copytree(DEMO, records)
    path = records / "commitments/nap4-03.md"
    path.write_text(path.read_text(encoding="utf-8").replace("plan: nap4", "plan: nap9"), "utf-8")
    meeting = records / "meetings/2024-06-25-plenary.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("kind: plenary", "kind: party"))
    _, problems = load_forum(records)
    assert len(problems) == 2
    # MkDocs reports the plugin's error and aborts the build with it.
    with pytest.raises(Abort) as raised:
        build_site(tmp_path, records)
    error = raised.value.__context__
    assert isinstance(error, PluginError)
    for problem in problems:
        assert format_problem(problem) in str(error)
    assert not (tmp_path / "site" / "index.html").exists()


def test_mkdocs_build_strict_of_the_project_has_no_warning(tmp_path: Path) -> None:
    """What `make build` runs, on the project's own mkdocs.yml; it changes no tracked file
    of the project (a build of a forum of its own: test_url_history)."""
    before = git(PROJECT, "status", "--porcelain")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795392000"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert f"pages are written for {TODAY}" in result.stderr
    assert (tmp_path / "site" / "commitments" / "nap4-03" / "index.html").is_file()
    assert git(PROJECT, "status", "--porcelain") == before
    assert not (PROJECT / "published-urls.txt").exists()


def test_a_bad_today_option_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: x\ndocs_dir: {PROJECT / 'content'}\n"
        f"plugins:\n  - openforum:\n      records: {DEMO}\n      today: yesterday\n",
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        load_config(str(config))
    assert "option 'today': 'yesterday' is not a date: write it as YYYY-MM-DD" in caplog.text


def test_a_content_page_in_the_way_of_a_generated_one_stops_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    shutil.copytree(PROJECT / "content", docs)
    (docs / "commitments").mkdir()
    (docs / "commitments" / "index.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(Abort) as raised:
        build_site(tmp_path, DEMO, docs=docs)
    assert "commitments/index.md is in the way of a generated page" in str(raised.value.__context__)
