"""Where this OpenForum was installed from, as a requirement that installs the same again.

OpenForum is not on PyPI, so `openforum==X` in a Forum's requirements.txt installs nothing
(or, worse, another project of that name). What really installs is what installed this copy:
pip records it (PEP 610, direct_url.json) as a Git URL and commit, or as a local folder; a
local clone's `origin` on a public https host gives the Git URL. Credentials in a remote's
address are never copied.
"""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from . import __version__

PACKAGE = "openforum"


def install_requirement() -> str:
    """A pinned requirement line for requirements.txt."""
    source = _direct_url()
    vcs = source.get("vcs_info")
    url = source.get("url", "")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        public = _public(url)
        if public:
            return f"{PACKAGE} @ git+{public}@{vcs['commit_id']}"
    if url.startswith("file://"):
        from_clone = _clone_requirement(Path(unquote(urlsplit(url).path)))
        if from_clone:
            return from_clone
    return f"{PACKAGE}=={__version__}"


def _direct_url() -> dict[str, object]:
    try:
        text = metadata.distribution(PACKAGE).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return {}
    try:
        found = json.loads(text) if text else {}
    except json.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def _clone_requirement(folder: Path) -> str | None:
    """`openforum @ git+<origin>@<commit>` for a clean clone whose origin is public."""
    try:
        origin = _git(folder, "remote", "get-url", "origin")
        commit = _git(folder, "rev-parse", "HEAD")
        if _git(folder, "status", "--porcelain", "--untracked-files=no"):
            return None  # local changes: the commit is not what runs
    except (OSError, subprocess.CalledProcessError):
        return None
    public = _public(origin)
    return f"{PACKAGE} @ git+{public}@{commit}" if public else None


def _git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=True
    ).stdout.strip()


def _public(url: str) -> str | None:
    """An https address without user or password, else None."""
    url = url.removeprefix("git+")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(("https", host, parts.path, "", ""))
