"""Warnings and errors a library logs during a build, kept to fail on and to show.

MkDocs 1.6.1 can finish a strict build despite warnings (`--strict -q` exits 0), and logs
its errors rather than raising them all; `openforum build` keeps both and reports them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class Kept(logging.Handler):
    """The warnings (a strict build fails on them) and errors (shown) of one logger."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        kept = self.errors if record.levelno >= logging.ERROR else self.messages
        kept.append(record.getMessage())

    def report(self) -> str:
        lines = [*self.errors]
        if self.messages:
            lines.append(f"{len(self.messages)} warning(s) in strict mode:")
            lines.extend(f"WARNING: {message}" for message in self.messages)
        return "\n".join(lines)


@contextmanager
def keeping(name: str) -> Iterator[Kept]:
    """What the logger `name` (and its children) logs while the block runs."""
    handler = Kept()
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
