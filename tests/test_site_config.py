"""mkdocs.yml read without MkDocs, for the commands that run where it is not installed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from openforum.site_config import ConfigError, Tagged, dump_config, read_site_config

CONFIG = """\
site_name: Forum
site_url: !ENV [OPENFORUM_TEST_URL, "https://fallback.example/"]
docs_dir: pages
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - openforum:
      records: records
      today: "2024-05-06"
"""


def test_settings_are_read_as_mkdocs_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG, encoding="utf-8")
    monkeypatch.delenv("OPENFORUM_TEST_URL", raising=False)
    config = read_site_config(path)
    assert config.site_url == "https://fallback.example/"
    assert config.records == tmp_path / "records" and config.docs_dir == tmp_path / "pages"
    assert config.today == date(2024, 5, 6)
    monkeypatch.setenv("OPENFORUM_TEST_URL", "https://forum.example/")
    assert read_site_config(path).site_url == "https://forum.example/"
    emoji = config.raw["markdown_extensions"][0]["pymdownx.emoji"]["emoji_index"]
    assert emoji == Tagged("tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji", "")
    assert "!!python/name:material.extensions.emoji.twemoji" in dump_config(config.raw)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site_name: [x\n", "mkdocs.yml:2:1: not valid YAML"),
        ("plugins:\n  - openforum:\n      today: soon\n", "today: 'soon' is not a date"),
        ("- a list\n", "expected settings as 'name: value' lines"),
    ],
)
def test_a_config_it_cannot_use_is_named_with_the_fix(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        read_site_config(path)
