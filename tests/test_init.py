"""`openforum init`: a new Forum that validates, builds, carries its own identity and CI."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import DEMO, PROJECT
from git_repo import git
from openforum.cli import main
from openforum.init import SCAFFOLD
from yaml_core import front_matter

FLAGS = [
    "--name", "Foro Abierto de Testlandia", "--country", "Testlandia",
    "--url", "https://foro.testlandia.example/", "--repo", "https://gitlab.com/testlandia/foro",
    "--language", "es", "--timezone", "America/Bogota",
]  # fmt: skip


class _Texts(HTMLParser):
    """The visible text and every attribute value of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.extend(value for _, value in attrs if value)


def _demo_words() -> set[str]:
    """Words that only the demo forum uses: its country, its people's and places' names."""
    forum = yaml.safe_load((DEMO / "forum.md").read_text(encoding="utf-8").split("---")[1])
    words = {"veloria", "velorian", *forum["country"].lower().split()} - {"republic", "of"}
    return words | {"meridian", "openforum/openforum"}


@pytest.fixture(scope="module")
def forum(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "forum"
    assert main(["init", str(folder), *FLAGS]) == 0
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "A new Forum")
    return folder


def test_init_writes_a_forum_that_validates_and_builds_with_flags_only(forum: Path) -> None:
    assert main(["validate", str(forum / "forum_records")]) == 0
    assert main(["build", "--config", str(forum / "mkdocs.yml")]) == 0
    assert (forum / "site/index.html").is_file()
    assert git(forum, "status", "--porcelain") == ""  # the build changed no tracked file


def test_the_site_carries_its_name_address_language_and_nothing_of_the_demo(
    forum: Path,
) -> None:
    site = forum / "site"
    if not site.is_dir():
        assert main(["build", "--config", str(forum / "mkdocs.yml")]) == 0
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Foro Abierto de Testlandia" in home
    assert '<html lang="es"' in home
    assert 'href="https://gitlab.com/testlandia/foro"' in home  # the header's repository link
    assert "https://gitlab.com/testlandia/foro/-/edit/main/content/index.md" in home
    forum_page = (site / "forum/index.html").read_text(encoding="utf-8")
    assert "https://gitlab.com/testlandia/foro/-/edit/main/forum_records/forum.md" in forum_page
    assert "https://foro.testlandia.example/" in (site / "sitemap.xml").read_text("utf-8")
    assert (site / "assets/openforum.css").is_file()  # the package's theme files
    demo = _demo_words()
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".csv", ".xml", ".ics", ".atom", ".txt"}:
            text = path.read_text(encoding="utf-8").lower()
            assert not [word for word in demo if word in text], path
    for path in forum.rglob("*"):
        if path.is_file() and ".git" not in path.parts and "site" not in path.parts:
            assert "veloria" not in path.read_text(encoding="utf-8").lower(), path


def test_the_home_and_about_pages_are_in_the_forum_s_language(forum: Path) -> None:
    parser = _Texts()
    parser.feed((forum / "site/about/index.html").read_text(encoding="utf-8"))
    text = " ".join(parser.parts)
    assert "Acerca del Foro" in text and "Testlandia" in text


def test_without_a_terminal_a_missing_value_is_an_error_not_a_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["init", str(tmp_path / "f"), "--name", "X Forum"]) == 2
    err = capsys.readouterr().err
    assert "--country" in err and "--url" in err and "--name" not in err
    assert not (tmp_path / "f").exists()


def test_in_a_terminal_missing_values_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["Testland", "not an address", "https://forum.test.example", "", "", "Nowhere/X",
                    "Europe/Lisbon"])  # fmt: skip
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["init", str(tmp_path / "f"), "--name", "Testland Forum", "--no-git"]) == 0
    forum = yaml.safe_load((tmp_path / "f/forum_records/forum.md").read_text().split("---")[1])
    assert forum["country"] == "Testland" and forum["timezone"] == "Europe/Lisbon"
    assert forum["languages"] == ["en"]
    config = (tmp_path / "f/mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: "https://forum.test.example/"' in config and "\nrepo_url" not in config


def test_a_bad_flag_is_refused_with_its_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = [*FLAGS]
    flags[flags.index("America/Bogota")] = "Mars/Olympus"
    assert main(["init", str(tmp_path / "f"), *flags]) == 2
    assert "--timezone 'Mars/Olympus'" in capsys.readouterr().err


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["init", str(tmp_path), *FLAGS]) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_requirements_pin_what_installs(forum: Path) -> None:
    lines = [
        line
        for line in (forum / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(lines) == 1
    requirement = lines[0]
    # A Git URL at a commit when init can tell where it came from, else this version.
    assert requirement.startswith("openforum @ git+https://") or requirement == (
        "openforum==" + _project_version()
    )


def _project_version() -> str:
    text = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    return text.split('version = "', 1)[1].split('"', 1)[0]


def test_the_github_workflow_validates_checks_builds_and_deploys(forum: Path) -> None:
    flow = yaml.safe_load((forum / ".github/workflows/openforum.yml").read_text("utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check, deploy = flow["jobs"]["check"], flow["jobs"]["deploy"]
    assert "pull_request" in check["if"] and "pull_request" in deploy["if"]
    for job in (check, deploy):
        checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in check["steps"]]
    assert "openforum validate --format github forum_records" in runs
    assert "openforum check forum_records" in runs and "openforum build" in runs
    upload = next(s for s in check["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "openforum build" in [step.get("run", "") for step in deploy["steps"]]


def test_the_gitlab_pipeline_checks_merge_requests_and_publishes_pages(forum: Path) -> None:
    pipeline = yaml.safe_load((forum / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    check, pages = pipeline["check"], pipeline["pages"]
    assert "merge_request_event" in check["rules"][0]["if"]
    assert "openforum validate forum_records" in check["script"]
    assert "openforum build --site-dir public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert "CI_DEFAULT_BRANCH" in pages["rules"][0]["if"]


def test_every_scaffold_file_is_shipped_as_package_data() -> None:
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    patterns = yaml.safe_load("[" + pyproject.split("openforum = [", 1)[1].split("]", 1)[0] + "]")
    package = SCAFFOLD.parent
    for path in SCAFFOLD.rglob("*"):
        if path.is_file():
            relative = path.relative_to(package)
            assert any(relative.match(pattern) for pattern in patterns), relative


def test_the_forum_carries_the_schemas_of_its_records(forum: Path) -> None:
    schemas = sorted((forum / "schemas").glob("*.schema.json"))
    assert {p.name for p in schemas} >= {"forum.schema.json", "meetings.schema.json"}
    forum_schema = json.loads((forum / "schemas/forum.schema.json").read_text(encoding="utf-8"))
    # The forum.md that init wrote passes the schema it ships beside it.
    written = front_matter(forum / "forum_records/forum.md")
    errors = list(Draft202012Validator(forum_schema).iter_errors(written))
    assert not errors, [e.message for e in errors]
