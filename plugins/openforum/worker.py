"""One worker process beside the build, started only where that is safe.

A process forked while other threads run may inherit a lock one of them held and
deadlock; on macOS the system libraries are not safe to use after a fork at all. So the
worker is forked only on Linux and only by a process that runs no other thread (`mkdocs
build`; not `mkdocs serve`, whose live-reload server runs threads). Elsewhere the build
stays in one process, which the benchmark (bench/processes.py) shows costs little there.
`OPENFORUM_START_METHOD` forces a start method (`spawn`, `forkserver`, `fork`) or `none`,
and a program that set `spawn` or `forkserver` for itself gets it: the tests run under
`spawn` that way to prove that path.

The worker receives everything as arguments (inherited by fork, pickled by spawn) and
answers over a pipe: no data travels through module globals.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import BrokenExecutor
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext

START_METHOD_ENV = "OPENFORUM_START_METHOD"
Method = Literal["fork", "spawn", "forkserver"]


class StartMethodError(ValueError):
    """OPENFORUM_START_METHOD names no start method of this machine."""


class WorkerLost(BrokenExecutor):
    """The worker process stopped without an answer (killed, out of memory)."""


def start_method() -> Method | None:
    """How to start a worker here and now, or None to stay in one process."""
    forced = os.environ.get(START_METHOD_ENV, "").strip().lower()
    if forced == "none":
        return None
    if forced:
        methods = multiprocessing.get_all_start_methods()
        if forced not in methods:
            raise StartMethodError(
                f"{START_METHOD_ENV}={forced!r} is not a start method of this machine: use one "
                f"of {', '.join(methods)} or none, or unset it"
            )
        return cast(Method, forced)
    chosen = multiprocessing.get_start_method(allow_none=True)
    if chosen in ("spawn", "forkserver"):  # the program chose a safe method for itself
        return cast(Method, chosen)
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return None


class Worker:
    """`target(conn, *args)` in a second process; `conn` carries messages both ways, and
    the target answers with `reply`. A failure in it is raised here by `receive`."""

    def __init__(
        self, method: Method, target: Callable[..., None], *args: object, daemon: bool = True
    ) -> None:
        """`daemon=False` lets the worker start workers of its own (a daemonic process may
        not); `stop` still ends it, and with it theirs."""
        context = _context(method)
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_run, args=(target, theirs, *args), daemon=daemon)
        self._process.start()
        theirs.close()

    def send(self, value: object) -> None:
        self._conn.send(value)

    def receive(self) -> Any:
        try:
            failed, value = self._conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise WorkerLost(f"exit code {self._process.exitcode}") from None
        if failed:
            raise value
        return value

    def stop(self, wait: float = 10.0) -> None:
        """End the worker (after `wait` seconds if it is still working) and release it."""
        self._process.join(timeout=wait)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._conn.close()


def reply(conn: Connection, value: object) -> None:
    """In the worker: send `value` to the build process."""
    conn.send((False, value))


def _context(method: Method) -> SpawnContext | ForkContext | ForkServerContext:
    # One call per literal: that is how the standard library's types tell them apart.
    if method == "spawn":
        return multiprocessing.get_context("spawn")
    if method == "fork":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver")


class _Stopped(SystemExit):
    """The build process ended the worker (`Worker.stop`)."""


def _stop(signum: int, frame: object) -> None:
    raise _Stopped(128 + signum)


def _run(target: Callable[..., None], conn: Connection, *args: object) -> None:
    # Ended as an exception, not at once: a program the worker runs (Pagefind, through
    # subprocess.run) is then killed too, not left writing into a folder being removed.
    signal.signal(signal.SIGTERM, _stop)
    try:
        target(conn, *args)
    except _Stopped:
        raise
    except BaseException as error:  # raised again in the build process by `receive`
        conn.send((True, error))
    finally:
        conn.close()
