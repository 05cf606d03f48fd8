"""Pagefind reads each page cut to its head and indexed element (fulltext.py): the index is
the one it makes of the whole pages, byte for byte where Pagefind is deterministic."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from openforum import fulltext
from openforum.fulltext import (
    BODY_END,
    GLOB,
    NO_STEMMING,
    SKIP_END,
    SKIP_START,
    index_site,
    indexed_part,
    pagefind_program,
)
from site_build import demo_site

# The theme's head: what Pagefind is not given of it.
THEME_HEAD = (
    '<meta charset="utf-8"><meta name="description" content="Minutes of the budget meeting">'
    '<link rel="stylesheet" href="../assets/main.css"><script>__md_scope=new URL("..")</script>'
)
FRAMED = (
    f'<!doctype html><html lang="en"><head><title>Budget | Forum</title>{THEME_HEAD}</head><body>'
    "<header>Skip to content</header><nav>Meetings Members Plans</nav><article>"
    "<div data-pagefind-body><h1>Budget</h1><p>Open budget minutes</p></div>"
    f"{BODY_END}</article><footer>Made with Material</footer></body></html>"
)


def _bundle_files(bundle: Path) -> set[str]:
    """The fragment and index chunk files: their names are hashes of their contents. (The
    filter and meta files list pages in the order Pagefind's threads met them.)"""
    return {
        path.relative_to(bundle).as_posix()
        for folder in ("fragment", "index")
        for path in (bundle / folder).iterdir()
    }


def _index_whole_pages(site: Path, into: Path) -> Path:
    """Pagefind run as before the cut: over the default language's pages as built.

    Pagefind numbers pages in the order their folder lists them, which is the file system's:
    the copy is made where the build cuts its pages, in the order it does (`_cut_pages`)."""
    with tempfile.TemporaryDirectory(dir=fulltext.work_root()) as work:
        pages = Path(work) / "pages"
        for folder, _, names in os.walk(site):
            for name in names:
                relative = Path(folder, name).relative_to(site)
                if name.endswith(".html") and relative.parts[0] not in {"es", "pagefind"}:
                    (pages / relative).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(site / relative, pages / relative)
        subprocess.run(
            [str(pagefind_program()), "--site", str(pages), "--glob", GLOB,
             "--output-path", str(into / "bundle"), "--force-language", NO_STEMMING],
            check=True, capture_output=True,
        )  # fmt: skip
    return into / "bundle"


def test_the_index_of_cut_pages_is_the_index_of_whole_pages(tmp_path: Path) -> None:
    site = demo_site()
    built = _bundle_files(site.root / "pagefind")
    assert sum(name.startswith("fragment/") for name in built) > 50
    assert built == _bundle_files(_index_whole_pages(site.root, tmp_path))


def test_a_page_is_cut_to_its_head_and_indexed_element() -> None:
    kept = indexed_part(FRAMED)
    assert kept is not None
    assert kept.startswith(
        '<!doctype html><html lang="en"><head><title>Budget | Forum</title></head><body>'
    )
    assert "<h1>Budget</h1><p>Open budget minutes</p>" in kept
    for frame in ("Skip to content", "Meetings Members", "Made with Material", THEME_HEAD):
        assert frame not in kept


def test_a_head_that_tells_pagefind_something_is_given_whole() -> None:
    meta = '<meta data-pagefind-meta="image[content]" content="/budget.png">'
    with_meta = FRAMED.replace(THEME_HEAD, THEME_HEAD + meta)
    # A title may hold a bare "<": where it is not read for sure, nothing is left out.
    bare = FRAMED.replace("Budget | Forum", "Budget < 2025 | Forum")
    for page in (with_meta, bare):
        kept = indexed_part(page)
        assert kept is not None and kept.startswith(page[: page.find("<body")])


def test_a_page_with_no_indexed_element_is_not_given() -> None:
    assert indexed_part(FRAMED.replace(" data-pagefind-body", "")) is None


def test_a_page_whose_element_cannot_be_told_for_sure_is_given_whole() -> None:
    no_end = FRAMED.replace(BODY_END, "")
    two = FRAMED.replace("<p>Open", "<section data-pagefind-body><p>Open")
    in_text = FRAMED.replace("<div data-pagefind-body>", "<div><code>data-pagefind-body</code>")
    for page in (no_end, two, in_text):
        assert indexed_part(page) == page


def test_a_site_with_no_indexed_element_is_indexed_whole(tmp_path: Path) -> None:
    for name, words in (("a", "budget hearing"), ("b", "water board")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f"<html lang='en'><body><main><h1>{name}</h1><p>{words}</p></main></body></html>",
            encoding="utf-8",
        )
    assert index_site(tmp_path).pages == 2
    assert len(list((tmp_path / "pagefind" / "fragment").iterdir())) == 2


def test_a_meetings_attendance_is_left_out_of_what_pagefind_reads() -> None:
    site = demo_site()
    cut = 0
    for key in site.records.meetings:
        page = site.page(f"meetings/{key}/").read_text("utf-8")
        if "Attendance by sector" not in page:
            continue
        kept = indexed_part(page)
        assert kept is not None and "Attendance by sector" not in kept
        assert site.records.meetings[key].title in kept
        cut += 1
    assert cut > 3  # and test_the_index_of_cut_pages_is_the_index_of_whole_pages holds


def test_a_marked_element_pagefind_reads_something_of_is_kept() -> None:
    def marked(element: str) -> str:
        return FRAMED.replace("</p>", f"</p>{SKIP_START}{element}{SKIP_END}")

    dropped = '<table data-pagefind-ignore><tr><td><a href="../x/">Ana</a></td></tr></table>'
    assert "Ana" not in (indexed_part(marked(dropped)) or "")
    for element in (
        '<div data-pagefind-ignore><span data-pagefind-filter="kind">plan</span></div>',
        '<div data-pagefind-ignore><h2 id="cite">Cite</h2></div>',
        '<div data-pagefind-ignore="all">Ana</div>',
        "<div>Ana, not ignored</div>",
    ):
        assert element in (indexed_part(marked(element)) or "")


def _fake_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    program = tmp_path / "pagefind"
    program.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(fulltext, "pagefind_program", lambda: program)
    own = tmp_path / "tmp"  # this test's temporary folders only: tests run side by side
    own.mkdir()
    monkeypatch.setenv("TMPDIR", str(own))
    monkeypatch.setattr(tempfile, "tempdir", str(own))
    site = tmp_path / "site"
    (site / "budget").mkdir(parents=True)
    (site / "budget" / "index.html").write_text(FRAMED, "utf-8")
    return site


def _search_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(fulltext.CUT_PREFIX + "*"))


def test_a_failing_indexer_is_told_and_leaves_no_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _fake_pagefind(tmp_path, monkeypatch, "echo 'Error: the index is broken' >&2; exit 3")
    with pytest.raises(fulltext.SearchIndexError, match="the index is broken"):
        fulltext.index_site(site)
    assert _search_folders() == set()


def test_an_indexer_stopped_while_it_runs_is_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _fake_pagefind(tmp_path, monkeypatch, "exec sleep 60")
    started = time.monotonic()
    indexing = fulltext.Indexing(site)
    indexing.stop()
    assert time.monotonic() - started < 30
    assert indexing._process.returncode is not None
    assert _search_folders() == set()


def test_a_build_in_one_process_runs_the_indexer_on_one_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fake indexer reports the threads it was given as its count of pages.
    script = 'echo "Indexed ${TOKIO_WORKER_THREADS:-0}${RAYON_NUM_THREADS:-0} pages"'
    site = _fake_pagefind(tmp_path, monkeypatch, script)
    for name in fulltext.ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    assert fulltext.index_site(site, one_thread=True).pages == 11
    assert fulltext.index_site(site).pages == 0


def test_the_cut_pages_go_to_memory_unless_tmpdir_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in fulltext.TEMPORARY_FOLDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER", tmp_path)
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER_FREE", 1)
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert fulltext.work_root() == str(tmp_path)
    # The temporary folder found by default and remembered (a library asked for it first,
    # as Jinja's bytecode cache does in every build) is no choice of the user's.
    tempfile.gettempdir()
    assert fulltext.work_root() == str(tmp_path)
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER_FREE", 1 << 62)  # not room enough
    assert fulltext.work_root() is None
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER_FREE", 1)
    for name in fulltext.TEMPORARY_FOLDER_VARIABLES:
        monkeypatch.setenv(name, str(tmp_path))
        assert fulltext.work_root() is None
        monkeypatch.delenv(name)
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER", tmp_path / "none")
    assert fulltext.work_root() is None


def test_a_full_memory_folder_leaves_the_cut_to_the_usual_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory, usual = tmp_path / "memory", tmp_path / "usual"
    memory.mkdir()
    usual.mkdir()
    monkeypatch.setattr(fulltext, "work_root", lambda: str(memory))
    monkeypatch.setattr(tempfile, "tempdir", str(usual))
    cut = fulltext._cut_pages
    used: list[Path] = []

    def filling(site: Path, into: Path) -> bool:
        used.append(into.parent.parent)
        if into.is_relative_to(memory):
            raise OSError(28, "No space left on device")
        return cut(site, into)

    monkeypatch.setattr(fulltext, "_cut_pages", filling)
    site = tmp_path / "site"
    (site / "budget").mkdir(parents=True)
    (site / "budget" / "index.html").write_text(FRAMED, "utf-8")
    assert index_site(site).pages == 1
    assert used == [memory, usual]
    assert list(memory.iterdir()) == [] and list(usual.iterdir()) == []
