"""Under `mkdocs serve`, the saved record's page is served while the rest of an update is made.

MkDocs' live-reload server answers no request while a rebuild runs (`_visible_epoch` waits
for `_wanted_epoch`), then reloads the open pages. An update (incremental.py) writes the
saved record's own page first; `Early.serve` then lets the server answer and reload while
the pages that list the record are made: a request for the pages written first, or for a
file that is no page (styles, scripts, images), is answered at once; a request for any
other page waits until the update is done, so no page is served before it is rebuilt.
`Early.hold` makes every request wait again (an update that ends in MkDocs' whole build).

These are the server's own attributes (MkDocs 1.6); a server without them is served as
MkDocs serves it: once the whole update is done.
"""

from __future__ import annotations

import posixpath
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

_SERVER_PARTS = ("_serve_request", "_epoch_cond", "_visible_epoch", "_wanted_epoch", "mount_path")


class Early:
    """Installed once on a server; `serve`, `hold` and `done` are called by one rebuild."""

    def __init__(self, server: LiveReloadServer | None) -> None:
        self.server = server if server and all(hasattr(server, p) for p in _SERVER_PARTS) else None
        self._ready: set[str] | None = None  # while an update goes on: paths that may be served
        self._condition = threading.Condition()
        self.served_early = False  # whether the last update let the server answer before it ended
        if self.server is not None:
            answer: Callable[[dict[str, Any], Any], Any] = self.server._serve_request

            def serve_request(environ: dict[str, Any], start_response: Any) -> Any:
                self._wait(environ)
                return answer(environ, start_response)

            self.server._serve_request = serve_request  # type: ignore[method-assign]

    def serve(self, urls: Iterable[str]) -> None:
        """The pages at `urls` ("commitments/x/") are written: the server answers and the open
        pages reload; requests for other pages wait for `done`."""
        server = self.server
        if server is None:
            return
        mount = server.mount_path
        with self._condition:
            self._ready = {mount + url for url in urls} | {
                mount + url + "index.html" for url in urls
            }
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()
        self.served_early = True

    def hold(self) -> None:
        """Every request waits again until the server's rebuild is done (it is built anew)."""
        server = self.server
        if server is None or not self.served_early:
            return
        with server._epoch_cond:
            server._wanted_epoch = max(server._wanted_epoch, server._visible_epoch) + 1

    def done(self) -> None:
        """The update is over (or handed to the whole build, after `hold`)."""
        with self._condition:
            self._ready = None
            self._condition.notify_all()
        self.served_early = False

    def _wait(self, environ: dict[str, Any]) -> None:
        """Wait while the page `environ` asks for is still to be made."""
        # As the server reads it (bugs.python.org/issue16679).
        path = str(environ.get("PATH_INFO", "")).encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/"):
            return
        with self._condition:
            self._condition.wait_for(lambda: self._ready is None or not _a_page(path, self._ready))


def _a_page(path: str, ready: set[str]) -> bool:
    """Whether `path` asks for a page not among the `ready` ones (an address ending in "/",
    an HTML file, or a folder without its "/")."""
    if path in ready:
        return False
    extension = posixpath.splitext(path)[1]
    return path.endswith("/") or extension in ("", ".html", ".htm")
