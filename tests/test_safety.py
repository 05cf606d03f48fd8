"""After-build guards and publishing safety: privacy canaries, third-party requests,
reproducible builds."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PROJECT
from openforum import build, fulltext
from openforum.cli import main
from openforum.records import load_forum
from openforum.safety.privacy import find_leaks, private_values, scan_site, third_party_requests
from site_build import write_config

EMAIL = "canary.person@hidden.example"


def _plant(workdir: Path, text: str, in_title: bool = False) -> None:
    """In a meeting's body and, if asked, in its title, which the search index carries."""
    page = workdir / "forum_records/meetings/2024-06-25-plenary.md"
    record = page.read_text(encoding="utf-8")
    if not in_title:
        page.write_text(record + f"\n{text}\n", encoding="utf-8")
        return
    record = re.sub(
        r"^title: (.*)$", lambda m: f'title: "{m[1]} ({text})"', record, count=1, flags=re.M
    )
    page.write_text(record + f"\n{text}\n", encoding="utf-8")


def _with_a_private_email(folder: Path) -> Path:
    """The demo beside its config in `folder`, with lidia-kerr's e-mail made private."""
    write_config(folder)
    member = folder / "forum_records/members/lidia-kerr.md"
    text = member.read_text(encoding="utf-8")
    if "contact:" not in text:
        text = text.replace("\n---\n", f"\ncontact:\n  email: {EMAIL}\n  public: false\n---\n", 1)
    else:
        text = text.replace("  public: true", "  public: false")
    member.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    return _with_a_private_email(tmp_path)


@dataclass(frozen=True)
class TwoBuilds:
    workdir: Path  # its sites in one/ and two/
    epoch_after: str  # SOURCE_DATE_EPOCH as the builds left it


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> TwoBuilds:
    """The forum of a private e-mail built twice with the same SOURCE_DATE_EPOCH: the clean
    build's checks and the reproducibility check read the same two sites."""
    workdir = _with_a_private_email(tmp_path_factory.mktemp("two-builds"))
    config = str(workdir / "mkdocs.yml")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1790000000")
        assert main(["build", "--config", config, "--site-dir", str(workdir / "one")]) == 0
        assert main(["build", "--config", config, "--site-dir", str(workdir / "two")]) == 0
        return TwoBuilds(workdir, os.environ["SOURCE_DATE_EPOCH"])


def test_private_values_are_the_canaries(workdir: Path) -> None:
    records, problems = load_forum(workdir / "forum_records")
    assert not problems
    private = private_values(records)
    contact = records.members["lidia-kerr"].contact
    assert contact and contact.email in private
    withheld = [
        s.author.name
        for s in records.submissions.values()
        if s.author and s.author.name and not s.author.publish_name
    ]
    assert withheld and all(name in private for name in withheld if len(name) >= 5)
    for member in records.members.values():
        assert member.name not in private  # names on the members page are public


def test_clean_build_has_no_leak_and_no_third_party_request(two_builds: TwoBuilds) -> None:
    records, _ = load_forum(two_builds.workdir / "forum_records")
    private = private_values(records)
    contact = records.members["lidia-kerr"].contact
    assert contact and contact.email in private  # a canary the scan would have found
    site = two_builds.workdir / "one"  # "two" is the same, byte for byte (the next test)
    assert find_leaks(site, private) == []
    assert third_party_requests(site, "opengov.veloria.example") == []


@pytest.mark.parametrize(
    "planted",
    [
        "Write to {email}.",
        "Write to {email_entity}.",  # an entity-encoded address is still the address
        "Submitted by {withheld}.",
    ],
)
def test_a_leaked_value_fails_the_build_and_publishes_nothing(
    workdir: Path, planted: str, capsys: pytest.CaptureFixture[str]
) -> None:
    records, _ = load_forum(workdir / "forum_records")
    contact = records.members["lidia-kerr"].contact
    assert contact and contact.email
    withheld = next(
        s.author.name
        for s in records.submissions.values()
        if s.author and s.author.name and not s.author.publish_name
    )
    email_entity = contact.email.replace("@", "&#64;")
    text = planted.format(email=contact.email, email_entity=email_entity, withheld=withheld)
    # In a title too, unless entity-encoded: the index escapes it, which is no leak there.
    in_title = "&#" not in text
    _plant(workdir, text, in_title)
    assert main(["build", "--config", str(workdir / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "would publish what it must not" in out
    # The search indexes are scanned too: Pagefind's page fragments, Material's index.
    assert "pagefind/fragment/" in out or "search/search_index.json" in out
    if in_title:
        assert "search/search_index.json" in out or "pagefind/fragment/" in out
    assert not (workdir / "site").exists()


def test_a_remote_image_in_a_record_fails_the_build(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(workdir, '<img src="https://tracker.example/pixel.gif" alt="">')
    assert main(["build", "--config", str(workdir / "mkdocs.yml")]) == 1
    assert "loads https://tracker.example/pixel.gif from another host" in capsys.readouterr().out


def test_two_builds_with_the_same_source_date_epoch_are_identical(two_builds: TwoBuilds) -> None:
    workdir = two_builds.workdir
    first = {
        p.relative_to(workdir / "one"): p.read_bytes()
        for p in (workdir / "one").rglob("*")
        if p.is_file()
    }
    second = {
        p.relative_to(workdir / "two"): p.read_bytes()
        for p in (workdir / "two").rglob("*")
        if p.is_file()
    }
    # Pagefind numbers pages in the order its threads read them: its index files differ
    # from run to run (its fragments, one per page, do not). Known gap; see the README.
    for files in (first, second):
        for key in [k for k in files if _pagefind_index(k)]:
            del files[key]
    assert first.keys() == second.keys() and len(first) > 300
    assert [str(k) for k in first if first[k] != second[k]] == []
    assert two_builds.epoch_after == "1790000000"


def test_canaries_match_whole_words_only(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<p>Citizen 40 wrote; so did Ana Silvestre and ana@x.example.org</p>", encoding="utf-8"
    )
    private = {"Citizen 4": "a", "Ana Silva": "b", "ana@x.example": "c"}
    assert find_leaks(tmp_path, private) == []
    (tmp_path / "page.html").write_text("<p>Citizen 4, Ana Silva.</p>", encoding="utf-8")
    assert {leak.value for leak in find_leaks(tmp_path, private)} == {"Citizen 4", "Ana Silva"}


def test_a_scan_shared_with_a_worker_finds_what_one_process_finds(tmp_path: Path) -> None:
    private = {"Citizen 4": "a", "ana@x.example": "b"}
    for index in range(9):
        folder = tmp_path / f"p{index}"
        folder.mkdir()
        leak = "Citizen 4" if index % 3 == 0 else ("ana&#64;x.example" if index % 3 == 1 else "")
        image = '<img src="https://tracker.example/x.gif">' if index == 5 else ""
        (folder / "index.html").write_text(f"<p>{leak}</p>{image}", encoding="utf-8")
    one = scan_site(tmp_path, private, "own.example")
    two = scan_site(tmp_path, private, "own.example", share=True)
    assert one == two
    assert len(one[0]) == 6 and [r.file for r in one[1]] == ["p5/index.html"]


def _pagefind_index(path: Path) -> bool:
    """A file of Pagefind's index but its fragments, at the top or in a language's site."""
    parts = path.parts
    if "pagefind" not in parts[:2]:
        return False
    at = parts.index("pagefind")
    return len(parts) <= at + 1 or parts[at + 1] != "fragment"


def test_a_hand_written_file_in_the_way_of_the_open_data_stops_the_index_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "content"
    shutil.copytree(PROJECT / "content", docs)
    (docs / "api").mkdir(exist_ok=True)
    (docs / "api" / "popolo.json").write_text("{}", encoding="utf-8")
    write_config(tmp_path, docs=docs)
    started: list[Path] = []  # this build's own index folders: other tests' share /tmp

    class Watched(fulltext.Indexing):
        def __init__(self, site: Path, *, one_thread: bool = False) -> None:
            super().__init__(site, one_thread=one_thread)
            started.append(Path(self._folder.name))

    monkeypatch.setattr(build, "Indexing", Watched)
    assert main(["build", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "api/popolo.json are in the way" in out and "nothing was published" in out
    assert not (tmp_path / "site").exists()
    assert len(started) == 1 and not started[0].exists()
