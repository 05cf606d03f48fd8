"""Generating in two processes gives the same site, byte for byte, as in one, whichever way
the worker is started; the worker is started only where that is safe."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL
from openforum import generation, theme_overrides, worker
from openforum.build_context import BuildContext
from openforum.exports import ExportError
from openforum.facts.forum import derive
from openforum.records import load_forum
from site_build import write_config

# Spawn, as on macOS and Windows, and fork, as on Linux, where this machine has it.
METHODS = [m for m in ("spawn", "fork") if m in multiprocessing.get_all_start_methods()]


def _build(workdir: Path, parallel: bool) -> dict[str, bytes]:
    # The small forum of every record kind and field, in two languages: the demo's size
    # adds build time here, not cases.
    config_file = write_config(workdir, MINIMAL)
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    for plugin in raw["plugins"]:
        if isinstance(plugin, dict) and "openforum" in plugin:
            plugin["openforum"]["parallel"] = parallel
    config_file.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    build(load_config(str(config_file), strict=True))
    site = workdir / "site"
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # Pagefind numbers pages in the order its threads read them, so its index and filter
    # files differ from run to run; each page's fragment (named by its content) does not.
    # Each language's site (/es/...) has its own index.
    return {name: data for name, data in files.items() if not _pagefind_index(name)}


def _pagefind_index(name: str) -> bool:
    parts = name.split("/")
    if "pagefind" not in parts[:2]:
        return False
    at = parts.index("pagefind")
    return len(parts) <= at + 1 or parts[at + 1] != "fragment"


@cache
def _one_process(workdir: Path) -> dict[str, bytes]:
    return _build(workdir, parallel=False)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The start method of every worker started while the test runs."""
    methods: list[str] = []
    real = worker.Worker.__init__

    def spy(
        self: worker.Worker,
        method: worker.Method,
        target: Callable[..., None],
        *args: object,
        daemon: bool = True,
    ) -> None:
        methods.append(method)
        real(self, method, target, *args, daemon=daemon)

    monkeypatch.setattr(worker.Worker, "__init__", spy)
    return methods


@pytest.mark.parametrize("method", METHODS)
def test_two_processes_build_the_same_site_as_one(
    method: str,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    started: list[str],
) -> None:
    one = _one_process(tmp_path_factory.getbasetemp() / "one-process")
    monkeypatch.setenv(worker.START_METHOD_ENV, method)
    two = _build(tmp_path_factory.mktemp(method), parallel=True)
    # The default language's site: its pages and open data, the other languages' sites
    # (built in that process, which starts none of its own), then its privacy scan.
    forum = load_forum(MINIMAL)[0].forum
    assert forum is not None and len(forum.languages) > 1
    assert started == [method, method, method]
    assert one.keys() == two.keys()
    differ = [path for path in one if one[path] != two[path]]
    assert differ == []
    assert "commitments/nap1-01/index.html" in two and "api/commitments/nap1-01.json" in two
    assert "pt/commitments/nap1-01/index.html" in two


@pytest.mark.parametrize("method", METHODS)
def test_a_failure_in_the_worker_is_reported_here(
    method: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(worker.START_METHOD_ENV, method)
    records, problems = load_forum(MINIMAL)
    assert not problems
    ctx = BuildContext.create(records.forum, today=date(2024, 4, 1), site_url="https://x.example/")
    pending = generation.Generation(records, ctx, derive(records, ctx.today), share=True)
    in_the_way = tmp_path / "site"
    in_the_way.write_text("a file where the site folder should be", encoding="utf-8")
    assert "commitments/nap1-01.md" in pending.pages(in_the_way).pages  # pages came through
    with pytest.raises(OSError) as raised:  # the worker writes the open data there
        pending.finish()
    assert str(in_the_way) in str(raised.value)


def _fails(conn: Connection, path: str) -> None:
    raise ExportError(f"two exports would be written at {path}")


def _dies(conn: Connection) -> None:
    os._exit(3)  # as when the system stops a process that ran out of memory


@pytest.mark.parametrize("method", METHODS)
def test_the_worker_s_error_or_its_end_is_raised_here(method: worker.Method) -> None:
    failing = worker.Worker(method, _fails, "api/x.json")
    with pytest.raises(ExportError, match=r"api/x\.json"):
        failing.receive()
    failing.stop()
    dying = worker.Worker(method, _dies)
    with pytest.raises(worker.WorkerLost, match="exit code 3"):
        dying.receive()


def _runs_a_program(conn: Connection, folder: str) -> None:
    # As the worker runs Pagefind: a program that writes into the site for a while.
    code = (
        "import pathlib, sys, time; f = pathlib.Path(sys.argv[1]); "
        "(f / 'started').touch(); time.sleep(1.5); (f / 'late').touch()"
    )
    subprocess.run([sys.executable, "-c", code, folder], check=True)
    worker.reply(conn, None)


@pytest.mark.parametrize("method", METHODS)
def test_a_stopped_worker_stops_the_program_it_runs(method: worker.Method, tmp_path: Path) -> None:
    """A failed build removes what its worker was writing: nothing may write on after."""
    running = worker.Worker(method, _runs_a_program, str(tmp_path))
    for _ in range(300):
        if (tmp_path / "started").exists():
            break
        time.sleep(0.05)
    assert (tmp_path / "started").exists()
    running.stop(wait=0)
    time.sleep(2.5)
    assert not (tmp_path / "late").exists()


def _answers(conn: Connection) -> None:
    worker.reply(conn, os.getpid())


def _starts_its_own(conn: Connection, method: worker.Method) -> None:
    inner = worker.Worker(method, _answers)
    try:
        worker.reply(conn, inner.receive())
    finally:
        inner.stop()


@pytest.mark.parametrize("method", METHODS)
def test_a_worker_that_is_no_daemon_may_share_its_own_work(method: worker.Method) -> None:
    """The other languages' worker builds each site as the default build does, with a
    worker of its own: a daemonic process may not start one."""
    outer = worker.Worker(method, _starts_its_own, method, daemon=False)
    try:
        assert outer.receive() not in (os.getpid(), None)
    finally:
        outer.stop()
    daemonic = worker.Worker(method, _starts_its_own, method)
    with pytest.raises(AssertionError, match="daemonic"):
        daemonic.receive()
    daemonic.stop()


@pytest.mark.parametrize("method", METHODS)
def test_the_open_data_is_the_same_from_the_worker(
    method: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[str]
) -> None:
    monkeypatch.setenv(worker.START_METHOD_ENV, method)
    records, _ = load_forum(MINIMAL)
    ctx = BuildContext.create(records.forum, today=date(2024, 4, 1), site_url="https://x.example/")
    facts = derive(records, ctx.today)
    written = {}
    for share in (False, True):
        folder = tmp_path / str(share)
        folder.mkdir()
        pending = generation.Generation(records, ctx, facts, share=share)
        pending.pages(folder)
        exported = pending.finish()
        written[share] = (exported, {p: (folder / p).read_bytes() for p in exported.paths})
    assert started == [method]
    assert written[False] == written[True]
    assert "api/index.json" in written[True][1] and "published-urls.txt" not in written[True][1]


def test_no_worker_is_forked_beside_threads_or_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(worker.START_METHOD_ENV, raising=False)
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda allow_none=False: None)
    monkeypatch.setattr(sys, "platform", "linux")
    with monkeypatch.context() as alone:  # whatever threads other tests left running
        alone.setattr(threading, "active_count", lambda: 1)
        assert worker.start_method() == "fork"
    stop = threading.Event()
    beside = threading.Thread(target=stop.wait)  # as the live-reload server's threads
    beside.start()
    try:
        assert worker.start_method() is None
    finally:
        stop.set()
        beside.join()
    for platform in ("darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert worker.start_method() is None
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda allow_none=False: "spawn")
    assert worker.start_method() == "spawn"  # chosen by the program: safe everywhere
    monkeypatch.setenv(worker.START_METHOD_ENV, "none")
    assert worker.start_method() is None
    monkeypatch.setenv(worker.START_METHOD_ENV, "threads")
    with pytest.raises(worker.StartMethodError, match="OPENFORUM_START_METHOD='threads'"):
        worker.start_method()


def test_the_shared_nav_of_record_pages_is_the_nav_the_theme_renders(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendered once and reused, or rendered for each page: the same site."""
    once = _one_process(tmp_path_factory.getbasetemp() / "one-process")  # nav rendered once
    monkeypatch.setattr(theme_overrides.Once, "__call__", lambda self, key, caller: caller())
    every = _build(tmp_path / "every", parallel=False)
    assert [path for path in once if once[path] != every[path]] == []
    page = once["commitments/nap1-01/index.html"].decode()
    assert page.count('class="md-nav md-nav--primary"') == 1
    assert 'href="../../meetings/"' in page  # the nav's links, relative to this page


def test_a_site_s_own_nav_partial_is_rendered_for_each_page(tmp_path: Path) -> None:
    """The nav is reused only where it is Material's: a custom one may read the page."""
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "partials").mkdir(exist_ok=True)
    (theme / "partials" / "nav.html").write_text(
        '<nav class="md-nav md-nav--primary">{{ page.title }}</nav>', encoding="utf-8"
    )
    config_file = write_config(tmp_path / "site", MINIMAL)
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    raw["theme"]["custom_dir"] = str(theme)
    config_file.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    build(load_config(str(config_file), strict=True))
    site = tmp_path / "site" / "site"
    for url, title in (
        ("commitments/nap1-01", "nap1-01: Open the budget"),
        ("meetings/2024-03-12-plenary", "Plenary session 4, 12 March 2024"),
    ):
        page = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'<nav class="md-nav md-nav--primary">{title}</nav>' in page
