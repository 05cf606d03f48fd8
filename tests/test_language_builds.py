"""How a Forum's other languages are built: beside the default language's site in a second
process where one may start, else after it; bodies and theme templates made once for all.

Real builds of the minimal forum (`languages: [en, pt]`) in a temp dir.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL, PROJECT
from openforum import other_languages
from openforum.cli import main
from openforum.language_sites import CompiledTemplates
from openforum.rendered_bodies import RenderedBodies, learn, learned
from openforum.worker import START_METHOD_ENV
from site_build import write_config


def portuguese_forum(root: Path, body: str = "O primeiro plano.\n") -> Path:
    records = root / "forum_records"
    shutil.copytree(MINIMAL, records)  # languages: [en, pt]
    (records / "plans" / "nap1.pt.md").write_text(
        f"---\ntitle: Primeiro plano\n---\n{body}", encoding="utf-8"
    )
    return write_config(root, records, docs=PROJECT / "content")


def files(site: Path) -> dict[str, bytes]:
    """Every file of the site but Pagefind's, whose chunk names vary from run to run."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and "pagefind" not in path.relative_to(site).parts
    }


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.iterdir() if p.name.startswith(".") and "building" in p.name]


class CountedWorker(other_languages.Worker):
    started = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        type(self).started += 1
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def test_other_languages_built_beside_are_the_same_as_built_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(other_languages, "Worker", CountedWorker)
    monkeypatch.setattr(other_languages.os, "cpu_count", lambda: 2)
    beside = portuguese_forum(tmp_path / "beside")
    build(load_config(str(beside), strict=True))
    assert CountedWorker.started == 1  # the Portuguese site was built in a second process
    monkeypatch.setenv(START_METHOD_ENV, "none")
    after = portuguese_forum(tmp_path / "after")
    build(load_config(str(after), strict=True))
    assert CountedWorker.started == 1  # no second process: built here, after the default
    made_beside = files(tmp_path / "beside" / "site")
    made_after = files(tmp_path / "after" / "site")
    assert "pt/plans/nap1/index.html" in made_beside
    assert b"Primeiro plano" in made_beside["pt/plans/nap1/index.html"]
    assert made_beside.keys() == made_after.keys()
    assert [f for f in made_beside if made_beside[f] != made_after[f]] == []
    for side in ("beside", "after"):
        assert (tmp_path / side / "site" / "pt" / "pagefind" / "pagefind.js").is_file()
        assert leftovers(tmp_path / side) == []


@pytest.mark.parametrize("method", ["fork", "none"])
def test_a_warning_of_another_language_fails_openforum_build(
    tmp_path: Path,
    method: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A broken link only the Portuguese body has: `openforum build` counts its warning,
    whichever process built that site, and publishes nothing."""
    monkeypatch.setenv(START_METHOD_ENV, method)
    config = portuguese_forum(tmp_path, "Veja [o anexo](anexo-perdido.md).\n")
    assert main(["build", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert "anexo-perdido.md" in out and "leads to no page" in out
    assert not (tmp_path / "site").exists() and leftovers(tmp_path) == []


def test_warnings_of_a_language_built_beside_are_logged_here_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not strict, the build goes on: the warning reaches this process's handlers (what
    `mkdocs build` prints and counts) once, not twice."""
    monkeypatch.setattr(other_languages, "Worker", CountedWorker)
    monkeypatch.setattr(other_languages.os, "cpu_count", lambda: 2)
    started = CountedWorker.started
    config = portuguese_forum(tmp_path, "Veja [o anexo](anexo-perdido.md).\n")
    seen: list[str] = []

    class Seen(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Seen(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build(load_config(str(config), strict=False))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert CountedWorker.started == started + 1
    assert len([m for m in seen if "anexo-perdido.md" in m]) == 1
    assert (tmp_path / "site" / "pt" / "plans" / "nap1" / "index.html").is_file()


def test_a_private_value_in_a_translation_fails_when_built_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """test_languages checks it for a build beside; here, with no second process."""
    monkeypatch.setenv(START_METHOD_ENV, "none")
    config = portuguese_forum(tmp_path, "Escreva a ana@example.org.\n")
    assert main(["build", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert "the 'pt' site" in out and "would publish what it must not" in out
    assert "ana@example.org" not in out
    assert not (tmp_path / "site").exists()


def test_each_body_is_rendered_once_for_every_language() -> None:
    rendered: list[str] = []

    def render(text: str) -> str:
        rendered.append(text)
        return f"<p>{text}</p>"

    default = RenderedBodies(render)
    assert default("a") == "<p>a</p>" and default("a") == "<p>a</p>"
    # A worker's renderer (a copy) sends back what it rendered; the build keeps it.
    worker = RenderedBodies(render, dict(default.known))
    assert worker("a") == "<p>a</p>" and worker("b") == "<p>b</p>"
    learn(default, learned(worker))
    other = default.sharing(render)  # the next language's build
    assert other("a") == "<p>a</p>" and other("b") == "<p>b</p>" and other("c") == "<p>c</p>"
    assert rendered == ["a", "b", "c"]
    assert learned(render) == {} and learned(other) == {"c": "<p>c</p>"}


def test_theme_templates_are_compiled_once_for_every_language() -> None:
    compiled: list[str | None] = []

    class Counting(jinja2.Environment):
        def compile(self, source: object, name: str | None = None, *args: object) -> object:
            compiled.append(name)
            return super().compile(source, name, *args)  # type: ignore[call-overload]

    templates = {"main.html": "{{ _('Search') }} {% include 'part.html' %}", "part.html": "x"}
    shared = CompiledTemplates()
    for words in ({"Search": "Search"}, {"Search": "Buscar"}):
        env = Counting(loader=jinja2.DictLoader(templates), extensions=["jinja2.ext.i18n"])
        env.install_gettext_callables(  # type: ignore[attr-defined]
            lambda text, words=words: words[text], lambda s, p, n: s, newstyle=True
        )
        env.bytecode_cache = shared
        assert env.get_template("main.html").render() == f"{words['Search']} x"
    assert sorted(compiled) == ["main.html", "part.html"]
