"""docs/field-reference.md is current, and covers every field and value of every kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT
from openforum.authoring.reference import reference_text
from openforum.authoring.shape import Choice, Fields, FieldShape, ListOf, fields_of, kinds
from openforum.cli import main
from openforum.records.descriptions import KINDS, field_text, value_meanings

REFERENCE = PROJECT / "docs" / "field-reference.md"


def test_the_field_reference_is_current() -> None:
    current = reference_text()
    if not REFERENCE.is_file() or REFERENCE.read_text(encoding="utf-8") != current:
        REFERENCE.parent.mkdir(exist_ok=True)
        REFERENCE.write_text(current, encoding="utf-8")
        pytest.fail(
            "docs/field-reference.md was out of date and is regenerated: commit it "
            "(openforum reference docs/field-reference.md)"
        )


def test_openforum_reference_writes_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "docs" / "fields.md"
    assert main(["reference", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == reference_text()


def every_field() -> list[tuple[str, FieldShape]]:
    found: list[tuple[str, FieldShape]] = []

    def walk(fields: Fields, prefix: str) -> None:
        for field in fields.fields:
            found.append((prefix + field.key, field))
            shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
            if isinstance(shape, Fields):
                walk(shape, f"{prefix}{field.key}.")

    for kind in kinds():
        walk(fields_of(kind.cls), f"{kind.name}:")
    return found


def test_every_kind_field_and_value_is_described_in_words() -> None:
    missing = [kind.name for kind in kinds() if kind.name not in KINDS]
    missing += sorted({f.qualified for _, f in every_field() if field_text(f.qualified) is None})
    for _, field in every_field():
        shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        if isinstance(shape, Choice):
            meanings = value_meanings(shape.values)
            missing += [f"{field.qualified} = {v}" for v in shape.values if v not in meanings]
    assert not missing, (
        "describe these in plugins/openforum/records/descriptions.py (fields, kinds) or "
        f"vocabularies.py (values): {sorted(set(missing))}"
    )


def test_every_field_and_value_is_in_the_reference() -> None:
    text = reference_text()
    sections = re.split(r'\n<a id="kind-', text)[1:]
    by_kind = {section.split('"')[0]: section for section in sections}
    assert set(by_kind) == {kind.name for kind in kinds()}
    for where, field in every_field():
        kind, path = where.split(":")
        row = re.search(rf"^\| `{re.escape(path)}` \| (yes|no)[^|]*\|.*$", by_kind[kind], re.M)
        assert row, (kind, path)
        assert ("yes" if field.required else "no") == row[1], (kind, path)
        shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        if isinstance(shape, Choice):
            for value in shape.values:
                meaning = value_meanings(shape.values)[value]
                assert f"- `{value}`: {meaning}" in by_kind[kind], (kind, path, value)


def test_the_readme_links_to_the_reference_and_nothing_missing() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "](docs/field-reference.md)" in readme
    for target in re.findall(r"\]\(([^)#:]+)\)", readme):
        assert (PROJECT / target).exists(), f"the README links to {target}, which is missing"
    assert "design/records.md" not in readme
