"""`openforum build`, all or nothing: `mkdocs build` writes into the site folder as it goes;
here the site is built in a fresh folder beside the target, which it replaces only after a
build without error or warning (strict_log.py keeps them)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ...staging import explain, staged_site
from ...strict_log import keeping


def build_atomically(config_file: Path, site_dir: Path | None = None) -> tuple[bool, str]:
    """Build into a temporary folder, then swap it in; (succeeded, what happened)."""
    try:
        target = Path(site_dir or load_config(str(config_file)).site_dir).resolve()
    except (Abort, ConfigurationError) as error:
        return False, f"{config_file}: {error}"
    try:
        with staged_site(target) as staging:  # one build at a time; swapped in if it succeeds
            _build(config_file, staging)
    except (Abort, ConfigurationError) as error:
        return False, f"build failed, {target} left as it was:\n{error}"
    except OSError as error:  # disk full, permission denied...: no traceback
        return False, f"build failed, {target} left as it was: {explain(error)}"
    return True, f"built {target}"


def _build(config_file: Path, staging: Path) -> None:
    config = load_config(str(config_file), site_dir=str(staging), strict=True)
    with keeping("mkdocs") as logged:
        try:
            build(config)
        except (Abort, ConfigurationError, PluginError) as error:
            raise Abort(logged.report() or str(error)) from None
    if logged.messages:  # MkDocs 1.6.1 can finish a strict build despite warnings
        raise Abort(logged.report())
