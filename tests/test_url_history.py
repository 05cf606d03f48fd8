"""Permanent URLs from the Git history: a build writes nothing tracked, lost URLs are real."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINIMAL, PROJECT
from git_repo import git
from openforum import url_history
from openforum.cli import main
from site_build import EDIT_BASE, write_config


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small forum and the demo's pages in a Git repository of their own, one commit."""
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    write_config(tmp_path, records=MINIMAL, docs=tmp_path / "content")
    (tmp_path / ".gitignore").write_text("/site/\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "The Forum")
    return tmp_path


def _build(folder: Path) -> int:
    return main(["build", "--config", str(folder / "mkdocs.yml")])


def test_a_build_changes_no_tracked_file_here(repo: Path) -> None:
    """The project's own build is checked alike in test_site_rebuild."""
    assert _build(repo) == 0
    assert git(repo, "status", "--porcelain") == ""
    # The citation names the record's version and links to the file at that commit, in the
    # repository the edit links open.
    commit = git(repo, "log", "-1", "--format=%h").strip()
    page = (repo / "site/commitments/nap1-01/index.html").read_text(encoding="utf-8")
    source = f"{EDIT_BASE.replace('/edit/main/', '/blob/' + commit + '/')}"
    assert f'class="of-source" href="{source}forum_records/commitments/nap1-01.md"' in page


def test_a_deleted_record_is_a_lost_url_named_at_its_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _build(repo) == 0
    git(repo, "rm", "-q", "forum_records/partners/devbank.md")
    git(repo, "commit", "-q", "-m", "Remove a partner")
    capsys.readouterr()
    assert main(["validate", str(repo / "forum_records")]) == 1
    out = capsys.readouterr().out
    assert "forum_records/partners/devbank.md:1:1: error: " in out
    assert "/partners/devbank/ was published" in out
    assert "aliases: [devbank]" in out and "retired-urls.txt" in out
    assert _build(repo) == 1
    assert "/partners/devbank/ was published" in capsys.readouterr().out
    assert (repo / "site/partners/devbank/index.html").is_file()  # kept

    retired = "# withdrawn on purpose\n/partners/devbank/  # a note\n"
    (repo / "retired-urls.txt").write_text(retired)
    assert main(["validate", str(repo / "forum_records")]) == 0
    assert _build(repo) == 0


def test_an_uncommitted_rename_with_its_alias_keeps_the_url(repo: Path) -> None:
    old = repo / "forum_records/partners/devbank.md"
    text = old.read_text(encoding="utf-8").replace("---\n", "---\naliases: [devbank]\n", 1)
    (old.parent / "development-bank.md").write_text(text, encoding="utf-8")
    old.unlink()
    assert main(["validate", str(repo / "forum_records")]) == 0
    assert _build(repo) == 0
    redirect = (repo / "site/partners/devbank/index.html").read_text()
    assert "../development-bank/" in redirect


def test_a_tab_in_a_record_brings_one_error_not_a_second_about_its_url(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = repo / "forum_records/commitments/nap1-01.md"
    record.write_text(record.read_text().replace("\n  ", "\n\t", 1))  # a tab indents
    capsys.readouterr()
    assert main(["validate", str(repo / "forum_records")]) == 1
    out = capsys.readouterr().out
    assert "nap1-01.md" in out and "was published" not in out
    assert "1 problem" in out.splitlines()[-1]


def test_a_hand_written_page_deleted_is_lost_unless_retired(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "content/take-part.md").unlink()
    for page in (repo / "content").glob("*.md"):  # links to it now lead to another page
        page.write_text(page.read_text().replace("take-part.md", "about.md"))
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text().replace("- How to take part: take-part.md\n", ""))
    assert _build(repo) == 1
    assert "/take-part/ was published (from content/take-part.md" in capsys.readouterr().out
    (repo / "retired-urls.txt").write_text("/take-part/\n")
    assert _build(repo) == 0


def test_names_a_branch_dropped_before_its_merge_were_never_published(repo: Path) -> None:
    git(repo, "switch", "-q", "-c", "draft")
    draft = repo / "forum_records/partners/draft-partner.md"
    shutil.copy(repo / "forum_records/partners/devbank.md", draft)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft")
    draft.rename(draft.with_name("second-partner.md"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Better id")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge", "draft")
    history = url_history.read_history(repo, repo / "forum_records")
    assert history is not None
    urls = url_history.record_page_urls(history, repo / "forum_records")
    assert "/partners/second-partner/" in urls and "/partners/draft-partner/" not in urls


def test_without_git_there_is_no_guard_and_one_info_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_config(tmp_path, records=MINIMAL)
    with caplog.at_level(logging.INFO):
        assert _build(tmp_path) == 0
    notes = [r.getMessage() for r in caplog.records if "Git repository" in r.getMessage()]
    assert len(notes) == 1 and "not checked" in notes[0]


def test_the_history_is_read_with_one_git_log(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return real(command, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(url_history.subprocess, "run", counting)
    history = url_history.read_history(repo, repo / "forum_records", repo / "content")
    assert history is not None and len(calls) == 2  # rev-parse, then one log
    assert sum("log" in command for command in calls) == 1
    records = sorted((repo / "forum_records").glob("*/*.md"))  # submissions lie deeper
    urls = url_history.record_page_urls(history, repo / "forum_records")
    assert sorted(urls) == sorted(f"/{p.parent.name}/{p.stem}/" for p in records)


def test_urls_lists_what_was_published_and_update_explains_the_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(repo / "mkdocs.yml")
    assert main(["urls", "--config", config]) == 0
    assert "0 lost" in capsys.readouterr().out
    (repo / "forum_records/partners/devbank.md").unlink()
    assert main(["urls", "--config", config]) == 1
    assert "/partners/devbank/ was published" in capsys.readouterr().out
    assert main(["urls", "--update"]) == 1
    assert "retired-urls.txt" in capsys.readouterr().out
