"""Translated records (`<id>.<lang>.md`): what they may hold, what is refused, when they are
stale, and `openforum new --lang`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL, found
from git_repo import git
from openforum.cli import main
from openforum.records import load_forum
from openforum.records.translated import in_language

COMMITMENT = "commitments/nap1-01"


@pytest.fixture
def forum(tmp_path: Path) -> Path:
    """The minimal forum (languages: [en, pt])."""
    target = tmp_path / "forum_records"
    shutil.copytree(MINIMAL, target)
    return target


def write(root: Path, relative: str, front: str, body: str = "") -> Path:
    path = root / relative
    path.write_text(f"---\n{front.strip()}\n---\n{body}", encoding="utf-8")
    return path


def test_a_translation_is_no_record_and_replaces_only_its_texts(forum: Path) -> None:
    before = load_forum(forum)[0].counts()
    write(
        forum,
        f"{COMMITMENT}.pt.md",
        "title: Abrir o orçamento\nmilestones:\n  - id: 2\n    title: Formar jornalistas\n"
        "progress:\n  - {}\n  - note: Dados publicados.",
        "Descrição.\n",
    )
    records, problems = load_forum(forum)
    assert not problems, list(problems)
    assert records.counts() == before
    portuguese, untranslated = in_language(records, "pt")
    mine = portuguese.commitments["nap1-01"]
    original = records.commitments["nap1-01"]
    assert mine.title == "Abrir o orçamento" and original.title == "Open the budget"
    assert [m.title for m in mine.milestones] == ["Publish the budget data", "Formar jornalistas"]
    assert [p.note for p in mine.progress] == ["Work planned.", "Dados publicados."]
    assert mine.body == "Descrição.\n" and original.body.strip() == "Description."
    assert mine.status == original.status and mine.milestones[1].due == original.milestones[1].due
    # The loaded records stay as read (`mkdocs serve` keeps them for the next build).
    assert [m.title for m in original.milestones] == [
        "Publish the budget data",
        "Train journalists",
    ]
    assert (
        original.progress[1].note == "Data published."
        and mine.milestones[0] is original.milestones[0]
    )
    # What stays English is known, to be marked as English on the Portuguese pages.
    assert "Publish the budget data" in untranslated.texts
    assert "Open the budget" not in untranslated.texts
    assert ("commitments", "nap1-01") not in untranslated.records
    assert ("plans", "nap1") in untranslated.records


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("title: Abrir\nstatus: complete", 3, ["'status' is not translated", "remove this line"]),
        ("title: Abrir\nlead: ministerio", 3, ["'lead' is not translated"]),
        ("titel: Abrir", 2, ["unknown field 'titel'", "'title'?"]),
        ("milestones:\n  - id: 9\n    title: X", 3, ["by its id (1, 2)"]),
        ("progress:\n  - note: A\n  - note: B\n  - note: C", 5, ["item 3", "by position"]),
        ("milestones:\n  - id: 1\n    due: 2025-01-01", 4, ["'milestones.0.due' is not"]),
        ("title: <translate> Open the budget", 2, ["placeholder", "replace it"]),
    ],
)
def test_what_a_translation_may_not_hold_is_an_error_at_its_line(
    forum: Path, front: str, line: int, words: list[str]
) -> None:
    write(forum, f"{COMMITMENT}.pt.md", front)
    _, rows = found(forum)
    assert [(r[0], r[1]) for r in rows] == [(f"{COMMITMENT}.pt.md", line)], rows
    for word in words:
        assert word in rows[0][3]


def test_people_are_not_translated_but_organizations_are(forum: Path) -> None:
    write(forum, "members/ana-ruiz.pt.md", "name: Ana")
    write(forum, "members/ministry-of-reform.pt.md", "name: Ministério da Reforma")
    _, rows = found(forum)
    assert [(r[0], r[1]) for r in rows] == [("members/ana-ruiz.pt.md", 2)]
    assert "'name' is not translated" in rows[0][3]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        (f"{COMMITMENT}.fr.md", ["'fr'", "add 'fr' to languages in forum.md"]),
        (f"{COMMITMENT}.en.md", ["default language", "remove this file"]),
        ("commitments/nap9-01.pt.md", ["does not exist", "commitments/nap9-01.md"]),
        ("consultations/c1/s09.pt.md", ["does not exist", "consultations/c1/s09.md"]),
    ],
)
def test_a_translation_of_nothing_or_into_another_language_is_an_error(
    forum: Path, name: str, words: list[str]
) -> None:
    write(forum, name, "title: Abrir")
    _, rows = found(forum)
    assert [r[0] for r in rows] == [name]
    for word in words:
        assert word in rows[0][3]


def test_forum_and_submission_translations(forum: Path) -> None:
    write(forum, "forum.pt.md", "name: Fórum de Teste")
    write(forum, "consultations/c1/s01.pt.md", "response:\n  reason: Porque sim.")
    records, problems = load_forum(forum)
    assert not problems, list(problems)
    portuguese, _ = in_language(records, "pt")
    assert portuguese.forum is not None and portuguese.forum.name == "Fórum de Teste"
    response = portuguese.submissions["c1/s01"].response
    assert response is not None and response.reason == "Porque sim."


def test_new_lang_writes_a_file_refused_until_translated(
    forum: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--records", str(forum), "--lang", "pt", "commitment", "nap1-01"]) == 0
    path = forum / f"{COMMITMENT}.pt.md"
    assert capsys.readouterr().out.strip().endswith(f"{COMMITMENT}.pt.md")
    text = path.read_text(encoding="utf-8")
    assert "<translate> Open the budget" in text and "status" not in text.split("---")[1]
    _, rows = found(forum)
    assert rows and all(r[0] == f"{COMMITMENT}.pt.md" and "placeholder" in r[3] for r in rows)
    path.write_text(text.replace("<translate> ", "PT ").replace("<translate>\n", ""))
    records, problems = load_forum(forum)
    assert not problems, list(problems)
    portuguese, _ = in_language(records, "pt")
    assert portuguese.commitments["nap1-01"].title == "PT Open the budget"
    assert portuguese.commitments["nap1-01"].milestones[1].title == "PT Train journalists"
    # Never overwritten; only the Forum's other languages; only records that exist.
    assert main(["new", "--records", str(forum), "--lang", "pt", "commitment", "nap1-01"]) == 1
    assert main(["new", "--records", str(forum), "--lang", "de", "commitment", "nap1-01"]) == 1
    assert main(["new", "--records", str(forum), "--lang", "pt", "commitment", "nap7-01"]) == 1
    errors = capsys.readouterr().err
    assert "exists already" in errors and "add 'de' to languages" in errors
    assert "no commitment 'nap7-01'" in errors


def test_a_translation_is_stale_after_a_later_commit_to_its_original(
    forum: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = forum.parent
    monkeypatch.chdir(repo)  # paths are printed from the working folder
    translation = write(forum, f"{COMMITMENT}.pt.md", "title: Abrir o orçamento")
    write(forum, "plans/nap1.pt.md", "title: Primeiro plano")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Records and translations")
    assert main(["check", str(forum), "--format", "json"]) == 0
    state = json.loads(capsys.readouterr().out)["translations"]["pt"]
    assert (state["translated"], state["stale"]) == (2, 0)
    assert state["missing"] > 5 and state["missing"] == len(state["missing_records"])

    original = forum / f"{COMMITMENT}.md"
    original.write_text(original.read_text().replace("Open the budget", "Open the whole budget"))
    git(repo, "commit", "-q", "-am", "A new title")  # the same second as the first: order
    assert main(["check", str(forum)]) == 0  # listed, failing nothing
    out = capsys.readouterr().out
    stale = [line for line in out.splitlines() if "stale translation" in line]
    assert len(stale) == 1
    assert stale[0].startswith(
        f"forum_records/{COMMITMENT}.pt.md:1:1: warning: stale translation into 'pt'"
    )
    assert "bring the translation up to date" in stale[0]
    assert "pt: 1 translated, 1 stale" in out
    assert main(["check", str(forum), "--format", "json"]) == 0
    state = json.loads(capsys.readouterr().out)["translations"]["pt"]
    assert state["stale_records"] == [
        {
            "record": "commitments/nap1-01",
            "file": f"forum_records/{COMMITMENT}.md",
            "translation": f"forum_records/{COMMITMENT}.pt.md",
        }
    ]
    # Brought up to date and committed: translated again.
    translation.write_text(translation.read_text().replace("Abrir o", "Abrir todo o"))
    git(repo, "commit", "-q", "-am", "Translation updated")
    assert main(["check", str(forum), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["translations"]["pt"]["stale"] == 0
