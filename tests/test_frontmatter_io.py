"""Record files split and written through python-frontmatter with the strict reader."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import frontmatter
import pytest

from conftest import DEMO, MINIMAL
from openforum.exports import build_exports
from openforum.facts.forum import derive
from openforum.records import Problems, load_forum
from openforum.records.frontmatter_io import RecordError, read_post, record_text, write_record
from openforum.records.yamlread import split_front_matter


def _open_data(root: Path) -> dict[str, str]:
    records, problems = load_forum(root)
    assert not problems
    return build_exports(
        records, derive(records, date(2026, 11, 23)), "https://x.example/", date(2026, 11, 23)
    )


@pytest.mark.parametrize("forum", [MINIMAL, DEMO], ids=["minimal", "demo"])
def test_every_record_rewritten_through_it_reads_back_the_same(forum: Path, tmp_path: Path) -> None:
    copy = tmp_path / "forum_records"
    shutil.copytree(forum, copy)
    rewritten = 0
    for path in sorted(copy.rglob("*.md")):
        post = read_post(path)
        write_record(path, post.metadata, post.content)
        rewritten += 1
        assert path.read_text(encoding="utf-8").startswith("---\n")
    assert rewritten > 10
    assert _open_data(copy) == _open_data(forum)


def test_values_stay_the_text_written_and_are_written_so(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(
        "---\nname: NO\ncode: 012\nwhen: 2024-01-02\nok: true\n---\nBody\n", encoding="utf-8"
    )
    post = read_post(path)
    assert post.metadata == {"name": "NO", "code": "012", "when": "2024-01-02", "ok": "true"}
    assert frontmatter.loads(path.read_text(encoding="utf-8"))["name"] is False  # its default
    text = record_text({"name": "NO", "code": "012", "when": date(2024, 1, 2), "ok": True}, "Body")
    assert text == "---\nname: 'NO'\ncode: '012'\nwhen: 2024-01-02\nok: true\n---\n\nBody\n"


@pytest.mark.parametrize(
    ("front", "line", "column", "words"),
    [
        ("name: a\nname: b\n", 3, 1, "duplicate field 'name'"),
        ("base: &x a\nname: *x\n", 3, 7, "YAML aliases are not allowed"),
        ("name: !!str a\n", 2, 7, "YAML tags are not allowed"),
    ],
)
def test_what_the_loader_refuses_is_refused_with_its_line(
    tmp_path: Path, front: str, line: int, column: int, words: str
) -> None:
    path = tmp_path / "x.md"
    path.write_text(f"---\n{front}---\nBody\n", encoding="utf-8")
    with pytest.raises(RecordError) as raised:
        read_post(path)
    assert f"{path}:{line}:{column}: {words}" in str(raised.value)
    problems = Problems()
    split_front_matter(path, path.read_text(encoding="utf-8"), problems)  # as the loader
    assert [(p.mark.line, p.mark.column) for p in problems] == [(line, column)]


def test_a_file_without_its_closing_fence_is_an_error_not_an_empty_record(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    text = "---\nname: a\nBody\n"
    path.write_text(text, encoding="utf-8")
    assert frontmatter.loads(text).metadata == {}  # python-frontmatter's own reading
    with pytest.raises(RecordError, match="never closed"):
        read_post(path)


def test_a_value_that_would_not_read_back_is_refused() -> None:
    with pytest.raises(RecordError, match="does not read back"):
        record_text({"share": 1e20}, "")  # YAML writes 1.0e+20
    with pytest.raises(RecordError, match="YAML tags are not allowed"):
        record_text({"ids": {"a", "b"}}, "")  # a set is written with a tag
