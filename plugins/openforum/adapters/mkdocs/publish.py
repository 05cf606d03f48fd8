"""Publishing with MkDocs from the command line: an all-or-nothing build.

`mkdocs build` writes into the site folder as it goes, so a failed build leaves half a site
behind, and `--strict -q` exits 0 on warnings in MkDocs 1.6.1. Here the site is built in a
fresh folder beside the target, warnings are counted by a log handler, and the target is
replaced only after a clean build.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ...staging import exclusive_build, explain, staging_prefix, swap_in


class _Count(logging.Handler):
    """Keeps MkDocs' warnings (to fail on them) and errors (to show them)."""

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
def _counting_warnings() -> Iterator[_Count]:
    handler = _Count()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def build_atomically(config_file: Path, site_dir: Path | None = None) -> tuple[bool, str]:
    """Build into a temporary folder, then swap it in; (succeeded, what happened)."""
    try:
        config = load_config(str(config_file))
    except (Abort, ConfigurationError) as error:
        return False, f"{config_file}: {error}"
    target = Path(site_dir or config.site_dir).resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with exclusive_build(target):  # one build at a time; killed builds' leftovers go
            return _build_and_swap(config_file, target)
    except OSError as error:  # disk full, permission denied...: no traceback
        return False, f"build failed, {target} left as it was: {explain(error)}"


def _build_and_swap(config_file: Path, target: Path) -> tuple[bool, str]:
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        with _counting_warnings() as logged:
            try:
                build(config)
            except (Abort, ConfigurationError, PluginError) as error:
                raise Abort(logged.report() or str(error)) from None
        if logged.messages:  # MkDocs 1.6.1 can finish a strict build despite warnings
            raise Abort(logged.report())
    except (Abort, ConfigurationError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        return False, f"build failed, {target} left as it was:\n{error}"
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, target)
    return True, f"built {target}"
