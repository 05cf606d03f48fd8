"""`openforum new`: a record of every kind, filled in, validates; ids; never overwrites."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import found
from openforum.authoring.shape import Kind, kinds
from openforum.authoring.template import COMMENTED
from openforum.cli import main
from openforum.records import load_forum
from openforum.records.problems import Problems
from openforum.records.schema import Reading, build
from openforum.records.values import PLACEHOLDER
from openforum.records.yamlread import read_record
from record_filling import fill, uncomment_all

KINDS = kinds()


def run_new(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> Path:
    assert main(["new", *args, "--records", str(root)]) == 0
    printed = capsys.readouterr().out.strip()
    path = Path(printed)
    assert path.resolve().is_relative_to(root.resolve()), printed
    return path


def new_of_kind(capsys: pytest.CaptureFixture[str], root: Path, kind: Kind) -> Path:
    """A new record of `kind` in the minimal forum, made room for where the kind is single."""
    if kind.name == "forum":
        # A new Forum starts alone: the minimal forum's meetings rely on its own rules.
        shutil.rmtree(root)
        root.mkdir()
        return run_new(capsys, root, kind.singular)
    if kind.name == "submissions":
        return run_new(capsys, root, kind.singular, "c1")
    return run_new(capsys, root, kind.singular)


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_a_new_record_filled_in_validates(
    minimal_copy: Path, kind: Kind, capsys: pytest.CaptureFixture[str]
) -> None:
    records, _ = load_forum(minimal_copy)
    path = new_of_kind(capsys, minimal_copy, kind)
    text = path.read_text(encoding="utf-8")
    assert "<" in text.split("---")[1], "required fields carry placeholders"

    # As written, the placeholders are refused: nothing can be published unfilled.
    _, problems = found(minimal_copy)
    mine = [p for p in problems if (minimal_copy / p[0]) == path.resolve() or p[0] in str(path)]
    assert mine and all("placeholder" in p[3] or "not a date" in p[3] for p in mine), problems

    path.write_text(fill(text, records), encoding="utf-8")
    assert main(["validate", str(minimal_copy)]) == 0, capsys.readouterr().out
    assert "no problems" in capsys.readouterr().out


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_field_written_by_new_is_read_by_the_loader(
    minimal_copy: Path, kind: Kind, capsys: pytest.CaptureFixture[str]
) -> None:
    path = new_of_kind(capsys, minimal_copy, kind)
    text = path.read_text(encoding="utf-8")
    commented = [line for line in text.splitlines() if line.startswith(COMMENTED)]
    assert commented, "optional fields are written, commented out"
    values = [line.split("  # ")[0] for line in uncomment_all(text).split("---")[1].splitlines()]
    tokens = re.findall(r"<[^<>\n]*>", "\n".join(v for v in values if not v.startswith("#")))
    assert tokens and all(PLACEHOLDER.fullmatch(token) for token in tokens), tokens
    path.write_text(fill(uncomment_all(text)), encoding="utf-8")

    problems = Problems()
    record = read_record(path, problems)
    assert record is not None, list(problems)
    build(kind.cls, record.front, Reading(path, problems), kind.singular)
    assert not problems, [p.message for p in problems]
    assert set(record.front.entries) == {
        line.split(":")[0] for line in uncomment_all(text).splitlines()[1:] if line[:1].isalpha()
    }


def test_ids_are_made_the_way_the_forums_own_are(
    minimal_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    meeting = run_new(capsys, minimal_copy, "meeting")
    assert meeting.name == "2026-12-01-plenary.md"
    front = meeting.read_text(encoding="utf-8").split("---")[1]
    assert "\nkind: plenary  #" in front and "\nstart: 2026-12-01T<HH:MM>  #" in front
    assert run_new(capsys, minimal_copy, "meeting").name == "2026-12-01-plenary-2.md"

    group = run_new(capsys, minimal_copy, "meetings", "2027-01-15-working-group")
    assert "\nkind: working_group  #" in group.read_text(encoding="utf-8")
    assert "\nstart: 2027-01-15T<HH:MM>  #" in group.read_text(encoding="utf-8")

    assert run_new(capsys, minimal_copy, "submission", "c1").name == "s02.md"
    assert run_new(capsys, minimal_copy, "submission", "c1/s09").parent.name == "c1"
    assert run_new(capsys, minimal_copy, "commitment", "--set", "plan=nap1").name == "nap1-02.md"
    member = run_new(capsys, minimal_copy, "member", "--set", "name=María López")
    assert member.name == "maria-lopez.md"
    assert "\nname: María López  #" in member.read_text(encoding="utf-8")
    assert run_new(capsys, minimal_copy, "partner").name == "partner-1.md"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "nap1"], "already exists"),
        (["forum"], "a Forum has one forum.md"),
        (["plan", "NAP 2"], "'NAP 2' is not a valid id"),
        (["submission"], "belongs to a consultation"),
        (["submission", "c2"], "no consultation 'c2'"),
        (["meetin"], "Did you mean 'meeting'?"),
        (["plan", "--set", "colour=red"], "a plan has no such field"),
        (["plan", "--records", "elsewhere"], "forum.md not found"),
    ],
)
def test_new_refuses_with_the_reason(
    minimal_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = {p: p.read_bytes() for p in minimal_copy.rglob("*.md")}
    if "--records" not in args:
        args = [*args, "--records", str(minimal_copy)]
    assert main(["new", *args]) == 1
    assert message in capsys.readouterr().err
    assert {p: p.read_bytes() for p in minimal_copy.rglob("*.md")} == before
