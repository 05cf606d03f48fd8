"""Git for tests: commands run with a fixed identity, so commits work on any machine."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
