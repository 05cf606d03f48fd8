"""The plugin's partials in front of Material's (theme/partials/): Jinja, no MkDocs.

The nav partial renders the nav once per folder of record pages (`openforum_once`), where
Material renders the whole nav into every page. The language partial looks each of the
theme's words up once per build (`ThemeWords`), where Material's builds its whole table of
words at each lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import material

from .site.render import install_words
from .site.template_cache import keep_compiled

THEME_OVERRIDES = Path(__file__).parent / "theme"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def install_theme_overrides(env: jinja2.Environment, language: str | None = None) -> None:
    """Put the plugin's partials in front of the theme's, which stay reachable as
    "theme/<name>", and give them `openforum_once` and the words of the build's `language`
    (Jinja's `_`, for them and for main.html)."""
    install_words(env, language)
    _install_partials(env)
    keep_compiled(env)


def _install_partials(env: jinja2.Environment) -> None:
    """The partials, in front of the theme's.

    A partial is overridden only where the theme's is Material's own: the reuse rests on
    what Material's reads of the page, which a site's custom_dir may change.
    """
    theme = env.loader
    assert theme is not None
    overrides = {}
    for path in sorted(THEME_OVERRIDES.rglob("*.html")):
        name = path.relative_to(THEME_OVERRIDES).as_posix()
        try:
            _, filename, _ = theme.get_source(env, name)
        except jinja2.TemplateNotFound:  # another theme: nothing to stand in front of
            continue
        if filename and Path(filename).is_relative_to(MATERIAL_TEMPLATES):
            overrides[name] = path.read_text(encoding="utf-8")
    env.loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader(overrides), jinja2.PrefixLoader({"theme": theme}), theme]
    )
    env.globals["openforum_once"] = Once()
    env.globals["openforum_theme_word"] = ThemeWords(env)


class Once:
    """`{% call openforum_once(key) %}...{% endcall %}`: the block's HTML, made once per key."""

    def __init__(self) -> None:
        self._made: dict[str, str] = {}

    def __call__(self, key: str, caller: Callable[[], str]) -> str:
        if key not in self._made:
            self._made[key] = caller()
        return self._made[key]


class ThemeWords:
    """`openforum_theme_word(config, key)`: what Material's `lang.t(key)` gives, asked of it
    once per language and key. Its words depend on nothing but the site's language."""

    def __init__(self, env: jinja2.Environment) -> None:
        self._env = env
        self._lookups: dict[str, Callable[[str], Any]] = {}
        self._words: dict[tuple[str, str], Any] = {}

    def __call__(self, config: Any, key: str) -> Any:
        language = self._env.getattr(self._env.getattr(config, "theme"), "language")  # as Jinja
        word = self._words.get((language, key))
        if word is None:
            lookup = self._lookups.get(language)
            if lookup is None:
                template = self._env.get_template("theme/partials/language.html")
                module: Any = template.make_module({"config": config})
                lookup = self._lookups[language] = module.t  # its macro
            word = self._words[(language, key)] = lookup(key)
        return word
