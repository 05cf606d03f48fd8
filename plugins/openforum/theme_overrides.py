"""The plugin's partials in front of Material's (theme/partials/): Jinja, no MkDocs.

The nav partial renders the nav once per folder of record pages (`openforum_once`), where
Material renders the whole nav into every page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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


class Once:
    """`{% call openforum_once(key) %}...{% endcall %}`: the block's HTML, made once per key."""

    def __init__(self) -> None:
        self._made: dict[str, str] = {}

    def __call__(self, key: str, caller: Callable[[], str]) -> str:
        if key not in self._made:
            self._made[key] = caller()
        return self._made[key]
