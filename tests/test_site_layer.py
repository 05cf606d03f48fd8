"""The generation layer on its own: no MkDocs, deterministic output, links, escaping, dates."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import MINIMAL
from openforum.facts.forum import derive
from openforum.records import load_forum
from openforum.site import (
    SiteError,
    SiteOptions,
    default_today,
    derived,
    generate_site,
    home_figures,
    labels,
)
from openforum.site.render import Links, shift_headings
from openforum.site.urls import relative, url_of

TODAY = date(2024, 4, 1)


@pytest.fixture(scope="module")
def minimal():
    records, problems = load_forum(MINIMAL)
    assert not problems
    return records


def test_the_generation_layer_imports_no_mkdocs() -> None:
    code = "import sys, openforum.site; print(any(m.startswith('mkdocs') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("here", "there", "anchor", "expected"),
    [
        ("commitments/nap4-03.md", "members/ana.md", None, "../../members/ana/"),
        ("commitments/nap4-03.md", "commitments/index.md", None, "../"),
        ("index.md", "commitments/nap4-03.md", None, "commitments/nap4-03/"),
        ("commitments/index.md", "commitments/nap4-03.md", None, "nap4-03/"),
        ("meetings/m1.md", "meetings/m1.md", "decision-1", "#decision-1"),
        ("meetings/m1.md", "meetings/m1.md", None, "./"),
        ("commitments/old/index.html", "commitments/new.md", None, "../new/"),
        ("timeline/index.md", "index.md", None, "../"),
    ],
)
def test_relative_links(here: str, there: str, anchor: str | None, expected: str) -> None:
    assert relative(here, there, anchor) == expected


def test_urls_follow_the_contract() -> None:
    assert url_of("commitments/nap4-03.md") == "commitments/nap4-03/"
    assert url_of("commitments/index.md") == "commitments/"
    assert url_of("commitments/nap4-3/index.html") == "commitments/nap4-3/"
    assert url_of("index.md") == ""


def test_labels() -> None:
    assert labels.label("co_chair") == "Co-chair"
    assert labels.label("civil_society") == "Civil society"
    assert labels.long_date(date(2024, 3, 2)) == "2 March 2024"
    assert labels.amount(45000) == "45,000"
    assert labels.ngettext("%(num)d day", "%(num)d days", 1) == "1 day"
    assert labels.ngettext("%(num)d day", "%(num)d days", 3) == "3 days"


def test_site_has_a_page_per_record_section_and_alias(minimal) -> None:
    site = generate_site(minimal, SiteOptions(today=TODAY))
    assert "commitments/nap1-01.md" in site.pages
    assert "organizations/index.md" in site.pages  # a page, listed in the nav or not
    assert "meetings/2024-03-12-plenary.md" in site.pages
    assert "commitments/nap1-1/index.html" in site.static  # the alias
    assert set(site.sections) == {
        f"{s}/index.md"
        for s in (
            "forum",
            "commitments",
            "plans",
            "meetings",
            "members",
            "consultations",
            "assessments",
            "partners",
            "timeline",
            "accountability",
        )
    }
    page = site.pages["commitments/nap1-01.md"]
    assert page.source == MINIMAL / "commitments/nap1-01.md"
    assert site.pages["commitments/index.md"].source is None
    assert page.title == "nap1-01: Open the budget"
    assert page.meta["description"].startswith("Status: Limited.")
    # The skip link (the first heading) leads to the status and facts.
    assert [h["id"] for h in page.toc][:3] == ["key-facts", "milestones", "progress-timeline"]
    # The search knows the record by its id and title, not by its whole text.
    assert [(e.title, e.anchor) for e in page.search] == [("nap1-01: Open the budget", None)]


def test_generation_is_deterministic(minimal) -> None:
    options = SiteOptions(today=TODAY)
    first, second = generate_site(minimal, options), generate_site(minimal, options)
    assert first.pages == second.pages and first.static == second.static


def test_today_decides_what_is_upcoming(minimal) -> None:
    before = generate_site(minimal, SiteOptions(today=date(2024, 4, 1))).pages
    after = generate_site(minimal, SiteOptions(today=date(2024, 6, 1))).pages
    upcoming = '<h2 id="2024">'
    assert "Plenary session 5" in before["meetings/index.md"].html.split(upcoming)[0]
    assert "Plenary session 5" not in after["meetings/index.md"].html.split(upcoming)[0]
    home = home_figures(minimal, SiteOptions(today=date(2024, 4, 1)))
    assert 'href="meetings/2024-05-02-plenary/"' in home


def test_default_today_uses_source_date_epoch() -> None:
    assert default_today(None, {"SOURCE_DATE_EPOCH": "1795392000"}) == date(2026, 11, 23)
    with pytest.raises(ValueError):
        default_today(None, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_edit_urls_point_into_the_repository(tmp_path: Path) -> None:
    options = SiteOptions(today=TODAY, edit_base="https://x.example/edit/main", repo_root=tmp_path)
    record = tmp_path / "forum_records" / "members" / "a.md"
    assert options.source_url(record) == "https://x.example/edit/main/forum_records/members/a.md"
    assert options.source_url(Path("/elsewhere/a.md")) is None
    assert SiteOptions(today=TODAY).source_url(record) is None


def test_edit_urls_follow_links_to_the_file_they_lead_to(tmp_path: Path) -> None:
    options = SiteOptions(today=TODAY, edit_base="https://x.example/edit/main", repo_root=tmp_path)
    kept = tmp_path / "kept" / "members"
    kept.mkdir(parents=True)
    (kept / "a.md").write_text("a", "utf-8")
    (kept / "b.md").write_text("b", "utf-8")
    (tmp_path / "forum_records").mkdir()
    (tmp_path / "forum_records" / "members").symlink_to(kept)  # a linked folder
    (kept / "c.md").symlink_to(kept / "b.md")  # a linked file
    base = "https://x.example/edit/main/kept/members/"
    linked = tmp_path / "forum_records" / "members"
    for _ in range(2):  # the second time from the folder resolved the first
        assert options.source_url(linked / "a.md") == base + "a.md"
        assert options.source_url(linked / "c.md") == base + "b.md"


def test_withheld_author_names_stay_out(minimal) -> None:
    site = generate_site(minimal, SiteOptions(today=TODAY))
    text = "\n".join(page.html for page in site.pages.values())
    assert "Jane Citizen" not in text
    assert "Name withheld" in site.pages["consultations/c1.md"].html


def test_reserved_id_is_refused(minimal_copy: Path) -> None:
    old = minimal_copy / "members" / "cleo-dan.md"
    old.rename(old.with_name("index.md"))
    records, _ = load_forum(minimal_copy)
    with pytest.raises(SiteError, match="'index' is reserved"):
        generate_site(records, SiteOptions(today=TODAY))


def test_free_text_and_names_are_escaped(minimal) -> None:
    links = Links(minimal, "commitments/nap1-01.md")
    assert str(links.member("Bureau <of> Things & Co")) == "Bureau &lt;of&gt; Things &amp; Co"
    assert str(links.member("ana-ruiz")).startswith('<a href="../../members/ana-ruiz/">')


def test_record_bodies_sit_under_the_page_headings() -> None:
    body = "# Top\n\ntext\n\n```md\n# not a heading\n```\n\n## Sub"
    out = shift_headings(body, levels=1)
    assert "## Top" in out and "### Sub" in out and "\n# not a heading\n" in out


def test_derived_facts(minimal) -> None:
    commitment = minimal.commitments["nap1-01"]
    progress = derived.progress(derive(minimal, TODAY), commitment)
    assert (progress.done, progress.total, progress.share) == (1, 2, 0.5)
    assert not derived.commitment_overdue(commitment, TODAY)
    assert derived.commitment_overdue(commitment, date(2025, 7, 1))  # milestone 2 is late
    assert not derived.commitment_overdue(commitment, date(2025, 7, 1), closed=True)
    assert [e.status for e in derived.status_changes(commitment)] == ["not_started", "limited"]
    upcoming = derived.next_meeting(minimal, TODAY)
    assert upcoming is not None and upcoming.stem == "2024-05-02-plenary"
    plan = derived.current_plan(minimal, TODAY)
    assert plan is not None and plan.stem == "nap1"
    mentions = derived.mentions(minimal)["nap1-01"]
    assert [s.key for s in mentions.submissions] == ["c1/s01"]


def test_relative_paths_agree_with_posixpath() -> None:
    import posixpath
    from itertools import product

    from openforum.site.urls import relpath

    paths = ["", "a/", "a/b/", "a/c/", "b/", "a/b/c/", "a/b/x.json", "data/t.csv", "ab/", "a"]
    for path, start in product(paths, paths):
        if start.endswith((".json", ".csv")) or start == "a":
            continue  # pages are folders
        assert relpath(path, start) == posixpath.relpath(path or ".", start or "."), (path, start)


@pytest.mark.parametrize("src", ["meetings/m1.md", "members/somebody.md", "index.md"])
def test_attendance_links_are_each_members_link(src: str) -> None:
    records, _ = load_forum(MINIMAL)
    links = Links(records, src)
    ids = [*records.members, *records.organizations, "ministry-of-finance"]
    listed = str(links.members(_Stem(key) for key in ids)).split(", ")
    assert len(listed) == len(ids) > 2
    for key, html in zip(ids, listed, strict=True):
        kind = "members" if key in records.members else "organizations"
        found = records.of_kind(kind).get(key)
        if found is None:  # an institution named in words: no page to link to
            assert html == key == str(links.member(key))
            continue
        href = relative(src, f"{kind}/{key}.md")
        assert html == f'<a href="{href}">{found.name}</a>' == str(links.member(key))


class _Stem:
    def __init__(self, stem: str) -> None:
        self.stem = stem
