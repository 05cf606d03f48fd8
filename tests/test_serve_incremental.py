"""Under a real `mkdocs serve`, a saved record rebuilds the pages it touches, not the forum."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_build import write_config
from test_serve_errors import _free_port, _get, _poll

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from shapes import generate


def _rebuilt(log: Path, count: int, seconds: float = 10) -> list[int]:
    """The page counts of the plugin's "N page(s) rebuilt" lines, once there are `count`."""
    start = time.monotonic()
    while True:
        text = log.read_text(encoding="utf-8", errors="replace")
        found = [int(n) for n in re.findall(r"openforum: (\d+) page\(s\) rebuilt", text)]
        if len(found) >= count or time.monotonic() - start > seconds:
            return found
        time.sleep(0.1)


def _serve(tmp_path: Path, records: Path) -> tuple[subprocess.Popen[bytes], str, Path]:
    config = write_config(tmp_path, records)
    log = tmp_path / "serve.log"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return server, f"http://127.0.0.1:{port}/", log


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    records = tmp_path / "forum_records"
    generate("rotating", 60, records)
    server, root, log = _serve(tmp_path, records)
    try:
        yield records, root, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_saved_record_rebuilds_its_pages_only(serving: tuple[Path, str, Path]) -> None:
    records, root, log = serving
    record = records / "commitments/c-00000.md"
    page = root + "commitments/c-00000/"
    _poll(page, 300, lambda body: "<title>" in body)  # the whole first build

    text = record.read_text(encoding="utf-8")
    record.write_text(f"{text.rstrip()}\n\nA sentence saved just now.\n", encoding="utf-8")
    taken, _ = _poll(page, 30, lambda body: "A sentence saved just now." in body)
    # Only the commitment's own page changed: the forum was not built again.
    assert _rebuilt(log, 1) == [1], log.read_text(encoding="utf-8")[-3000:]
    assert taken < 15  # 2 s on a quiet machine at 3,000 records (bench/serve_rebuild.py)

    # A new title shows on the pages that name the commitment: its plan's, the list's.
    plan = re.search(r"^plan: (\S+)$", text, re.M)
    assert plan is not None
    renamed = record.read_text(encoding="utf-8").replace("Commitment 0:", "Renamed commitment:")
    record.write_text(renamed, encoding="utf-8")
    _poll(root + f"plans/{plan[1]}/", 30, lambda body: "Renamed commitment" in body)
    _poll(root + "commitments/", 30, lambda body: "Renamed commitment" in body)
    counts = _rebuilt(log, 2)
    assert len(counts) == 2 and counts[1] >= 3  # its page, its plan's, the list

    # Pages that do not name it were not written again: the member list is as before.
    status, members = _get(root + "members/")
    assert status == 200 and "Renamed commitment" not in members


def test_a_broken_save_is_left_to_the_whole_build(serving: tuple[Path, str, Path]) -> None:
    records, root, log = serving
    page = root + "commitments/c-00001/"
    _poll(page, 300, lambda body: "<title>" in body)
    record = records / "commitments/c-00001.md"
    record.write_text(
        record.read_text(encoding="utf-8").replace("status:", "status: nonsense\nold:", 1),
        encoding="utf-8",
    )
    _poll(page, 60, lambda body: "could not be built" in body)  # the whole build's report
    assert _rebuilt(log, 1, seconds=1) == []


def test_a_forum_in_spanish_is_updated_in_spanish_and_an_alias_builds_all(
    tmp_path: Path,
) -> None:
    records = tmp_path / "forum_records"
    generate("rotating", 60, records)
    forum = records / "forum.md"
    forum.write_text(
        forum.read_text(encoding="utf-8").replace("---\n", "---\nlanguages: [es]\n", 1)
    )
    server, root, log = _serve(tmp_path, records)
    try:
        page = root + "commitments/c-00002/"
        _, before = _poll(page, 300, lambda body: "<title>" in body)
        assert "Compromiso c-00002" in before  # its citation, in the Forum's language

        record = records / "commitments/c-00002.md"
        text = record.read_text(encoding="utf-8")
        record.write_text(f"{text.rstrip()}\n\nUna frase guardada ahora.\n", encoding="utf-8")
        _, after = _poll(page, 30, lambda body: "Una frase guardada ahora." in body)
        assert _rebuilt(log, 1) == [1]  # the update, not the whole build
        assert "Compromiso c-00002" in after and "Commitment c-00002" not in after

        # A new alias answers at the old address: the whole build writes the redirect page.
        aliased = record.read_text(encoding="utf-8").replace("---\n", "---\naliases: [c-old]\n", 1)
        record.write_text(aliased, encoding="utf-8")
        _poll(root + "commitments/c-old/", 120, lambda body: "c-00002" in body)
        assert _rebuilt(log, 2, seconds=1) == [1]  # no update said it rebuilt pages
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_forum_of_two_languages_updates_each_language_s_pages(tmp_path: Path) -> None:
    records = tmp_path / "forum_records"
    generate("rotating", 60, records)
    forum = records / "forum.md"
    forum.write_text(
        forum.read_text(encoding="utf-8").replace("---\n", "---\nlanguages: [en, es]\n", 1)
    )
    (records / "commitments/c-00003.es.md").write_text(
        "---\ntitle: Compromiso traducido\n---\n", encoding="utf-8"
    )
    server, root, log = _serve(tmp_path, records)
    try:
        page, other = root + "commitments/c-00003/", root + "es/commitments/c-00003/"
        _, whole = _poll(other, 300, lambda body: "<title>" in body)  # the first build, both
        built_before = log.read_text(encoding="utf-8").count("building the 'es' site")
        assert '<span lang="en" class="of-untranslated">' in whole  # fields left in English

        record = records / "commitments/c-00003.md"
        text = record.read_text(encoding="utf-8")
        record.write_text(f"{text.rstrip()}\n\nA sentence saved just now.\n", encoding="utf-8")
        _, after = _poll(page, 30, lambda body: "A sentence saved just now." in body)
        assert _rebuilt(log, 1) == [1]  # the default language's site was updated
        # Its selector leads to this page in Spanish, as the whole build's does.
        assert re.search(r'href="[^"]*/es/commitments/c-00003/" hreflang="es"', after)
        # The Spanish page too, updated, not built again: its own title, the body it has
        # no translation of marked as English, as the whole build marks it.
        _, spanish = _poll(other, 30, lambda body: "A sentence saved just now." in body)
        assert "Compromiso traducido" in spanish
        marked = re.search(r'<div lang="en" class="of-untranslated">(.*?)</div>', spanish, re.S)
        assert marked is not None and "A sentence saved just now." in marked[1]
        assert spanish.count("of-untranslated") == whole.count("of-untranslated")
        log_text = log.read_text(encoding="utf-8")
        assert log_text.count("building the 'es' site") == built_before, log_text[-3000:]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
