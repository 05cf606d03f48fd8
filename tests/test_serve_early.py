"""MkDocs' live-reload server answers for the saved record's page while the pages that list
it are still being made, and for those only once they are (serve_early.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.livereload import LiveReloadServer

from openforum.serve_early import Early


def _write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


class _Request(threading.Thread):
    """One request to the server, answered in its own thread as the server does."""

    def __init__(self, server: LiveReloadServer, path: str) -> None:
        super().__init__(daemon=True)
        self.server, self.path = server, path
        self.status, self.body = "", b""
        self.start()

    def run(self) -> None:
        def start_response(status: str, headers: list[Any]) -> None:
            self.status = status

        environ = {"PATH_INFO": self.path, "REQUEST_METHOD": "GET"}
        result = self.server._serve_request(environ, start_response)
        self.body = b"".join(result or [])

    def answered(self, seconds: float = 2.0) -> bool:
        self.join(seconds)
        return not self.is_alive()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    _write(tmp_path, "index.html", "<p>home</p></body>")
    _write(tmp_path, "commitments/index.html", "<p>the old list</p></body>")
    _write(tmp_path, "commitments/c-1/index.html", "<p>the saved page</p></body>")
    _write(tmp_path, "assets/site.css", "body {}")
    served = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        yield served
    finally:
        served.server_close()


def test_the_saved_page_is_answered_while_the_lists_wait(
    server: LiveReloadServer, tmp_path: Path
) -> None:
    early = Early(server)
    server._wanted_epoch = server._visible_epoch + 1000  # the server's loop: a rebuild began
    waiting = _Request(server, "/commitments/c-1/")
    assert not waiting.answered(0.3)  # as MkDocs does: nothing while it builds

    early.serve(["commitments/c-1/"])
    assert waiting.answered() and b"the saved page" in waiting.body
    assert server._visible_epoch == server._wanted_epoch  # open pages reload now
    assert _Request(server, "/commitments/c-1/index.html").answered()
    css = _Request(server, "/assets/site.css")
    assert css.answered() and css.body == b"body {}"  # no page: nothing to wait for

    listing, home, folder = (_Request(server, p) for p in ("/commitments/", "/", "/commitments"))
    assert not listing.answered(0.3) and not home.answered(0.1) and not folder.answered(0.1)
    _write(tmp_path, "commitments/index.html", "<p>the new list</p></body>")
    early.done()
    assert listing.answered() and b"the new list" in listing.body
    assert home.answered() and folder.answered()


def test_a_whole_build_after_the_early_answer_makes_every_request_wait(
    server: LiveReloadServer,
) -> None:
    early = Early(server)
    server._wanted_epoch = server._visible_epoch + 1000
    early.serve(["commitments/c-1/"])
    early.hold()  # the update could not finish: MkDocs builds the whole site
    early.done()
    saved = _Request(server, "/commitments/c-1/")
    assert not saved.answered(0.3)  # the page may be half written by the whole build
    with server._epoch_cond:  # the server's loop, once the build is over
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()
    assert saved.answered() and b"the saved page" in saved.body


def test_livereload_polls_are_never_held(server: LiveReloadServer) -> None:
    early = Early(server)
    server._wanted_epoch = server._visible_epoch + 1000
    early.serve(["commitments/c-1/"])
    server.poll_response_timeout = 0.2  # answered at once when the epoch is newer
    started = time.monotonic()
    poll = _Request(server, f"/livereload/{server._visible_epoch - 1}/1")
    assert poll.answered() and time.monotonic() - started < 1
    assert poll.body == str(server._visible_epoch).encode()
    early.done()


def test_a_server_without_the_parts_it_reads_is_served_as_mkdocs_serves_it() -> None:
    early = Early(None)
    early.serve(["commitments/c-1/"])  # nothing to do: the update ends, then MkDocs answers
    early.hold()
    early.done()
    assert early.server is None and not early.served_early
