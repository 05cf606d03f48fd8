"""Replacing a published folder (a site, an export) so that readers see the old or the new."""

from __future__ import annotations

import shutil
from pathlib import Path


def replace_folder(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with renames: never a half-written folder in between."""
    staging.chmod(0o755)  # mkdtemp makes it private; a published folder is for everyone
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
