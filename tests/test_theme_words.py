"""The theme's words, looked up once per build (theme/partials/language.html), are
Material's own in every language."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config

from openforum.theme_overrides import install_theme_overrides

LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
KEYS = sorted(set(re.findall(r'^  "([^"]+)":', (LANGUAGES / "en.html").read_text("utf-8"), re.M)))
# Both partials imported as Material's base.html does, each word asked twice (the second
# time from memory), then a key no language has (Material gives the key back).
PAGE = (
    '{% import "NAME" as lang with context %}'
    "{% for key in keys %}{{ key }}={{ lang.t(key) }}|{{ lang.t(key) }}\n{% endfor %}"
)


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar", "pt-BR", "zh"])
def test_each_word_is_materials(tmp_path: Path, language: str) -> None:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Forum\ntheme: {{name: material, language: {language}}}\n", "utf-8"
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    env = config.theme.get_env()
    install_theme_overrides(env)
    keys = [*KEYS, "no.such.word"]

    def page(name: str) -> str:
        return env.from_string(PAGE.replace("NAME", name)).render(config=config, keys=keys)

    source, _, _ = env.loader.get_source(env, "partials/language.html")  # type: ignore[union-attr]
    assert "openforum_theme_word" in source  # the plugin's partial stands in front
    ours, materials = page("partials/language.html"), page("theme/partials/language.html")
    assert ours == materials
    assert len(KEYS) > 50 and "no.such.word=no.such.word|no.such.word" in ours
    if language != "en":  # another language's site sharing the templates: its own words
        config.theme["language"] = "en"
        english = page("partials/language.html")
        assert english == page("theme/partials/language.html") and english != ours
