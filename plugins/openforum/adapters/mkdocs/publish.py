"""`openforum build`: all or nothing. `mkdocs build` writes into the site folder as it goes,
and `--strict -q` exits 0 on warnings in MkDocs 1.6.1; here the site is built in a fresh
folder beside the target, warnings are kept by a log handler, and the target is replaced
only after a build without error or warning."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ...staging import exclusive_build, explain, staging_prefix, swap_in


class _Kept(logging.Handler):
    """MkDocs' warnings (the build fails on them) and errors (shown)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(
            record.getMessage()
        )

    def report(self) -> str:
        header = [f"{len(self.warnings)} warning(s) in strict mode:"] if self.warnings else []
        return "\n".join([*self.errors, *header, *(f"WARNING: {w}" for w in self.warnings)])


def build_atomically(config_file: Path, site_dir: Path | None = None) -> tuple[bool, str]:
    """Build into a temporary folder, then swap it in; (succeeded, what happened)."""
    try:
        target = Path(site_dir or load_config(str(config_file)).site_dir).resolve()
    except (Abort, ConfigurationError) as error:
        return False, f"{config_file}: {error}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with exclusive_build(target):  # one build at a time; killed builds' leftovers go
            staging = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
            try:
                _build(config_file, staging)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            swap_in(staging, target)
    except (Abort, ConfigurationError) as error:
        return False, f"build failed, {target} left as it was:\n{error}"
    except OSError as error:  # disk full, permission denied...: no traceback
        return False, f"build failed, {target} left as it was: {explain(error)}"
    return True, f"built {target}"


def _build(config_file: Path, staging: Path) -> None:
    config = load_config(str(config_file), site_dir=str(staging), strict=True)
    kept, logger = _Kept(), logging.getLogger("mkdocs")
    logger.addHandler(kept)
    try:
        build(config)
    except (Abort, ConfigurationError, PluginError) as error:
        raise Abort(kept.report() or str(error)) from None
    finally:
        logger.removeHandler(kept)
    if kept.warnings:  # MkDocs 1.6.1 can finish a strict build despite warnings
        raise Abort(kept.report())
