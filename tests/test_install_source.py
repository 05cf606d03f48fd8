"""The requirement `init` pins: what installed this OpenForum, never a credential."""

from __future__ import annotations

from pathlib import Path

import pytest

from git_repo import git
from openforum import __version__, install_source

SHA = "0123456789abcdef0123456789abcdef01234567"


def _installed_from(monkeypatch: pytest.MonkeyPatch, found: dict[str, object]) -> str:
    monkeypatch.setattr(install_source, "_direct_url", lambda: found)
    return install_source.install_requirement()


def test_a_git_install_is_pinned_at_its_commit_without_credentials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = {
        "url": "https://user:secret-token@git.example.org/tools/openforum.git",
        "vcs_info": {"vcs": "git", "commit_id": SHA, "requested_revision": "v0.1.0"},
    }
    requirement = _installed_from(monkeypatch, found)
    assert requirement == f"openforum @ git+https://git.example.org/tools/openforum.git@{SHA}"
    assert "secret" not in requirement and "user" not in requirement


def test_an_install_from_an_index_or_over_ssh_pins_the_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _installed_from(monkeypatch, {}) == f"openforum=={__version__}"
    ssh = {"url": "ssh://git@host/x.git", "vcs_info": {"vcs": "git", "commit_id": SHA}}
    assert _installed_from(monkeypatch, ssh) == f"openforum=={__version__}"


def test_a_clean_local_clone_is_pinned_at_its_origin_and_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "openforum"
    clone.mkdir()
    git(clone, "init", "-q", "-b", "main")
    (clone / "README.md").write_text("x")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "x")
    git(clone, "remote", "add", "origin", "https://code.example.org/openforum.git")
    head = git(clone, "rev-parse", "HEAD").strip()
    local = {"url": clone.as_uri(), "dir_info": {"editable": True}}
    expected = f"openforum @ git+https://code.example.org/openforum.git@{head}"
    assert _installed_from(monkeypatch, local) == expected
    (clone / "README.md").write_text("changed")  # not what the commit holds: no pin on it
    assert _installed_from(monkeypatch, local) == f"openforum=={__version__}"
