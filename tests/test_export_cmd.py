"""`openforum export OUT` writes the open data of a build, byte for byte, without MkDocs."""

from __future__ import annotations

from pathlib import Path

from conftest import DEMO, MINIMAL
from no_mkdocs import openforum_without_mkdocs
from site_build import demo_site

# What a build publishes as open data: every file of these folders, and the calendar.
OPEN_DATA = ("api/", "data/", "feeds/", "calendars/", "calendar.ics")


def _files(folder: Path) -> dict[str, bytes]:
    files = (path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_export_without_mkdocs_writes_the_open_data_of_a_build(tmp_path: Path) -> None:
    site = demo_site()
    config = site.root.parent / "mkdocs.yml"  # the build's: records, today and site_url
    out = tmp_path / "open-data"
    done = openforum_without_mkdocs("export", out, "--config", config, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    exported = _files(out)
    built = {
        path: data
        for path, data in _files(site.root).items()
        if path.startswith(OPEN_DATA) and not path.endswith(".html")
    }
    assert sorted(exported) == sorted(built)
    assert [path for path in built if exported[path] != built[path]] == []
    for path in ("api/index.json", "api/popolo.json", "data/datapackage.json", "calendar.ics"):
        assert path in exported
    assert any(path.startswith("feeds/commitments/") for path in exported)
    assert f"wrote {len(exported)} open data files" in done.stdout


def test_export_takes_its_settings_from_the_options(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = openforum_without_mkdocs(
        "export", out, "--records", MINIMAL, "--site-url", "https://x.example/",
        "--today", "2024-04-01", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b'"https://x.example/meetings/' in (out / "api/popolo.json").read_bytes()
    again = openforum_without_mkdocs(
        "export", out, "--records", MINIMAL, "--site-url", "https://y.example/",
        "--today", "2024-04-01", cwd=tmp_path,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr  # an earlier export is replaced whole
    assert b"https://y.example/" in (out / "api/popolo.json").read_bytes()


def test_export_says_what_to_fix(tmp_path: Path) -> None:
    out = tmp_path / "out"
    no_url = openforum_without_mkdocs("export", out, "--records", DEMO, cwd=tmp_path)
    assert no_url.returncode == 1
    assert "--site-url" in no_url.stderr and "Traceback" not in no_url.stderr
    assert not out.exists()

    broken = tmp_path / "forum_records"
    broken.mkdir()
    (broken / "forum.md").write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    bad = openforum_without_mkdocs(
        "export", out, "--records", broken, "--site-url", "https://x.example/", cwd=tmp_path
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "forum_records/forum.md:2:7: error: YAML syntax error" in bad.stderr
    assert "nothing was written" in bad.stderr

    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    refused = openforum_without_mkdocs(
        "export", busy, "--records", MINIMAL, "--site-url", "https://x.example/", cwd=tmp_path
    )
    assert refused.returncode == 1 and "holds other files" in refused.stderr
    assert (busy / "notes.txt").read_text(encoding="utf-8") == "mine"
