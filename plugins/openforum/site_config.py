"""The site's settings read from mkdocs.yml without MkDocs: for `export` and `stage`, which
must run where MkDocs cannot be imported.

Only what those commands need is read (site_url, docs_dir, the openforum plugin's
`records` and `today`); the rest is kept as written, tags included, so that a config
for another generator can be derived from it.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .records.problems import START, Mark
from .site.html import DEFAULT_EXTENSIONS

PLUGIN = "openforum"


class ConfigError(Exception):
    """mkdocs.yml cannot be read, or holds a value these commands cannot use."""


@dataclass(frozen=True, slots=True)
class Tagged:
    """A value written with a tag only MkDocs resolves (`!!python/name:...`, `!relative`):
    kept as written, and written back the same way."""

    tag: str
    value: Any


class _Reader(yaml.SafeLoader):
    """Safe YAML that keeps unknown tags instead of failing on them."""


def _keep_tag(loader: _Reader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


_Reader.add_multi_constructor("", _keep_tag)


class _Writer(yaml.SafeDumper):
    """Safe YAML that writes kept tags back."""


def _write_tagged(dumper: _Writer, value: Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


def _write_text(dumper: _Writer, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None  # lines stay lines, as a person writes them
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Writer.add_representer(Tagged, _write_tagged)
_Writer.add_representer(str, _write_text)


def dump_config(raw: dict[str, Any]) -> str:
    """A config as YAML, tags kept as read."""
    return yaml.dump(raw, Dumper=_Writer, sort_keys=False, allow_unicode=True)


@dataclass(frozen=True, slots=True)
class SiteConfig:
    root: Path  # the folder of mkdocs.yml: relative paths start there
    site_url: str | None = None
    records: Path = Path("forum_records")
    today: date | None = None
    docs_dir: Path = Path("docs")
    raw: dict[str, Any] = field(default_factory=dict)  # the whole file, as written


def plugin_options(raw: dict[str, Any]) -> dict[str, Any]:
    """The openforum plugin's options as written ({} when it has none)."""
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get(PLUGIN), dict):
            options: dict[str, Any] = plugin[PLUGIN]
            return options
    return {}


def read_site_config(config_file: Path) -> SiteConfig:
    """The settings of `config_file`; ConfigError names the file, line and fix."""
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(f"{config_file}: cannot read it: {error.strerror}") from None
    try:
        raw = yaml.load(text, Loader=_Reader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else START
        raise ConfigError(
            f"{config_file}:{where.line}:{where.column}: not valid YAML: {error.problem}"
        ) from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file}: expected settings as 'name: value' lines")
    root = config_file.resolve().parent
    options = plugin_options(raw)
    today = _resolve(options.get("today"))
    if isinstance(today, str):
        try:
            today = date.fromisoformat(today.strip())
        except ValueError:
            raise ConfigError(
                f"{config_file}: today: '{today}' is not a date: write it as YYYY-MM-DD"
            ) from None
    if today is not None and not isinstance(today, date):
        raise ConfigError(f"{config_file}: today: write the date as YYYY-MM-DD")
    site_url = _resolve(raw.get("site_url"))
    return SiteConfig(
        root=root,
        site_url=str(site_url) if site_url else None,
        records=root / str(_resolve(options.get("records")) or "forum_records"),
        today=today,
        docs_dir=root / str(_resolve(raw.get("docs_dir")) or "docs"),
        raw=raw,
    )


def _resolve(value: Any) -> Any:
    """`!ENV NAME` or `!ENV [NAME, ..., default]` as MkDocs reads it; other values as is."""
    if not isinstance(value, Tagged) or value.tag != "!ENV":
        return value
    names = value.value if isinstance(value.value, list) else [value.value]
    for name in names[:-1] if len(names) > 1 else names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return names[-1] if len(names) > 1 else None


def markdown_settings(raw: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions MkDocs would enable: its own three, then the site's."""
    names = list(DEFAULT_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for item in raw.get("markdown_extensions") or []:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(str(name))
        if isinstance(settings, dict):
            configs[str(name)] = {key: _python(value) for key, value in settings.items()}
    return names, configs


def _python(value: Any) -> Any:
    """`!!python/name:module.attr`, which extension settings use, as MkDocs resolves it."""
    if isinstance(value, Tagged) and value.tag.startswith("tag:yaml.org,2002:python/name:"):
        module, _, attr = value.tag.removeprefix("tag:yaml.org,2002:python/name:").rpartition(".")
        return getattr(importlib.import_module(module), attr)
    if isinstance(value, dict):
        return {key: _python(item) for key, item in value.items()}
    return value
