"""The JSON Schemas and the loader agree: on the demo's records, and on records broken on purpose.

The schemas are read as an editor reads the front matter (YAML 1.2's core schema, see
tests/yaml_core.py); the loader reads the same file as text. For every field of every
kind, values of the wrong type, outside a vocabulary or not in the contract must fail
both; values the loader reads as text (`NO`, `012`) must pass both.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from jsonschema import Draft202012Validator

from conftest import DEMO, MINIMAL, PROJECT
from openforum.authoring.schemas import (
    record_schema,
    schema_file_name,
    schema_text,
    shipped_schemas,
)
from openforum.authoring.shape import (
    SCALARS,
    Choice,
    Fields,
    Kind,
    ListOf,
    Reference,
    Single,
    fields_of,
    kinds,
)
from openforum.cli import main
from openforum.records.problems import Problems
from openforum.records.schema import Reading, build
from openforum.records.values import Url, is_id
from openforum.records.yamlread import read_record
from record_filling import fill, uncomment_all
from yaml_core import front_matter, record_file

KINDS = kinds()


def validator(kind: Kind) -> Draft202012Validator:
    return Draft202012Validator(record_schema(kind))


def files_of(root: Path, kind: Kind) -> list[Path]:
    pattern = kind.location.replace("<consultation id>", "*").replace("<id>", "*")
    return sorted(p for p in root.glob(pattern) if is_id(p.stem))


def test_the_shipped_schemas_are_current() -> None:
    shipped = shipped_schemas()
    stale = []
    for kind in KINDS:
        path = shipped / schema_file_name(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(kind):
            stale.append(path.name)
            if path.resolve().is_relative_to(PROJECT):  # regenerate in the working tree
                path.write_text(schema_text(kind), encoding="utf-8")
    extra = {p.name for p in shipped.glob("*.json")} - {schema_file_name(k) for k in KINDS}
    assert not stale and not extra, (
        f"the package's JSON Schemas were stale ({', '.join(stale)}) and are regenerated: "
        f"commit them (openforum schema {shipped.relative_to(PROJECT)}); remove {extra or '-'}"
    )


def test_openforum_schema_writes_one_valid_schema_per_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", str(tmp_path / "schemas")]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == len(KINDS)
    for kind in KINDS:
        schema = json.loads((tmp_path / "schemas" / schema_file_name(kind)).read_text())
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["additionalProperties"] is False


@pytest.mark.parametrize("forum", [DEMO, MINIMAL], ids=["demo", "minimal"])
def test_every_record_passes_its_schema(forum: Path) -> None:
    checked = 0
    for kind in KINDS:
        check = validator(kind)
        for path in files_of(forum, kind):
            errors = [e.message for e in check.iter_errors(front_matter(path))]
            assert not errors, (path, errors)
            checked += 1
    # Every record file was checked (a translation, <id>.<lang>.md, is not a record).
    assert checked == len([p for p in forum.rglob("*.md") if is_id(p.stem)])


class Mutation(NamedTuple):
    what: str
    front: dict[str, Any]
    valid: bool


def base_record(kind: Kind, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """Every field of `kind` filled in: `openforum new`'s record, all of it uncommented."""
    root = tmp_path / "forum_records"
    (root / "consultations").mkdir(parents=True)
    (root / "consultations" / "c1.md").write_text("---\n---\n")
    if kind.name != "forum":
        (root / "forum.md").write_text("---\n---\n")
    args = ["new", kind.singular] + (["c1"] if kind.name == "submissions" else [])
    assert main([*args, "--records", str(root)]) == 0
    path = Path(capsys.readouterr().out.strip())
    path.write_text(fill(uncomment_all(path.read_text(encoding="utf-8"))), encoding="utf-8")
    return front_matter(path)


# For each format, values of the wrong type or shape. A quoted "14" is text, not a count.
WRONG: dict[str, list[Any]] = {
    SCALARS[str].placeholder: [{"a": "b"}, ["a"], "<text>"],
    SCALARS[int].placeholder: ["many", 1.5, "14", [1]],
    SCALARS[bool].placeholder: ["yes", 1, "true", "True"],
    SCALARS[Decimal].placeholder: ["lots", "45000", [1]],
    SCALARS[Fraction].placeholder: ["half", 1.5, 0, {"a": 1}],
    SCALARS[date].placeholder: ["12/03/2024", "2024-3-12", 20240312, "<YYYY-MM-DD>"],
    SCALARS[datetime].placeholder: ["2024-03-12 10:00", "2024-03-12", "T10:00"],
    SCALARS[Url].placeholder: ["www.example.org", "ftp://example.org", 12],
}


def wrong_values(shape: Any) -> list[Any]:
    """Values of the wrong type or outside what a field of `shape` allows."""
    if isinstance(shape, Single):
        return WRONG.get(shape.format.placeholder, [{"a": "b"}, ["a"]])
    if isinstance(shape, Choice):
        return ["not_a_value", shape.values[0].upper(), ["x"]]
    if isinstance(shape, Reference):
        return [{"a": "b"}] if shape.free_text else ["Not An Id", {"a": "b"}]
    if isinstance(shape, ListOf):
        return ["a text", {"a": "b"}]
    if isinstance(shape, Fields):
        return ["a text", ["a"]]
    return []


# For each format, values both must accept, however an editor types them.
RIGHT: dict[str, list[Any]] = {
    # HTML is text to both: pages escape it (tests/test_xss.py); only placeholders are refused.
    SCALARS[str].placeholder: ["NO", 12, True, "2024-03-12", 1.5, "<b>", "<img src=x>"],
    SCALARS[int].placeholder: [0, -3],
    SCALARS[Decimal].placeholder: ["45_000", 1250.5, 7],
    SCALARS[Fraction].placeholder: ["1 / 2", 0.5, 1],
    SCALARS[datetime].placeholder: ["2024-03-12T10:00:30+01:00", "2024-03-12T23:59Z"],
}


def right_values(shape: Any) -> list[Any]:
    """Values the loader reads as written and must accept (text stays text)."""
    if isinstance(shape, Single):
        return RIGHT.get(shape.format.placeholder, [])
    if isinstance(shape, Reference) and shape.free_text:
        return ["Ministry of Finance"]
    return []


def mutations(front: dict[str, Any], fields: Fields, where: str = "") -> Iterator[Mutation]:
    """Every way to break (or keep) each field of `front`, wherever it is nested."""
    yield Mutation(f"{where}unknown field", {**front, "colour_of_sky": "blue"}, False)
    for field in fields.fields:
        name = f"{where}{field.key}"
        if field.required:
            yield Mutation(f"{name} left out", _without(front, field.key), False)
            yield Mutation(f"{name} empty", {**front, field.key: None}, False)
        else:
            yield Mutation(f"{name} empty", {**front, field.key: None}, True)
        for value in wrong_values(field.shape):
            yield Mutation(f"{name} = {value!r}", {**front, field.key: value}, False)
        for value in right_values(field.shape):
            yield Mutation(f"{name} = {value!r}", {**front, field.key: value}, True)
        current = front.get(field.key)
        shape = field.shape
        if isinstance(shape, ListOf) and isinstance(current, list) and current:
            for value in wrong_values(shape.item):
                yield Mutation(f"{name}: item {value!r}", {**front, field.key: [value]}, False)
            if isinstance(shape.item, Fields) and isinstance(current[0], dict):
                for inner in mutations(current[0], shape.item, f"{name}[0]."):
                    yield inner._replace(front={**front, field.key: [inner.front]})
        if isinstance(shape, Fields) and isinstance(current, dict):
            for inner in mutations(current, shape, f"{name}."):
                yield inner._replace(front={**front, field.key: inner.front})


def _without(front: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in front.items() if k != key}


def loader_problems(kind: Kind, path: Path) -> list[str]:
    """What the loader says reading the file into the model (cross-record checks aside)."""
    problems = Problems()
    record = read_record(path, problems)
    if record is not None:
        build(kind.cls, record.front, Reading(path, problems), kind.singular)
    return [p.message for p in problems]


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_schema_and_loader_agree_on_broken_records(
    kind: Kind, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = base_record(kind, tmp_path, capsys)
    check = validator(kind)
    path = tmp_path / "record.md"
    seen = 0
    for mutation in mutations(copy.deepcopy(base), fields_of(kind.cls)):
        path.write_text(record_file(mutation.front), encoding="utf-8")
        assert front_matter(path) == mutation.front, mutation.what  # written as meant
        schema_errors = [e.message for e in check.iter_errors(mutation.front)]
        problems = loader_problems(kind, path)
        assert (not schema_errors) == mutation.valid, (mutation.what, schema_errors)
        assert (not problems) == mutation.valid, (mutation.what, problems)
        seen += 1
    assert seen > 20, seen
