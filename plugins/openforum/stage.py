"""`openforum stage DIR`: the whole site as a docs tree that a static site generator builds
without any plugin (MkDocs, or Zensical, which runs no MkDocs plugin).

    DIR/mkdocs.yml     the site's config: docs_dir docs, the theme files in overrides/,
                       every plugin but MkDocs' own search removed, and what the plugin
                       settles in a build (name, description from forum.md; edit_uri)
    DIR/docs/          the hand-written pages (the home page with its figures), every
                       generated page (front matter, then its finished HTML), the redirect
                       pages of renamed records, the open data and published-urls.txt
    DIR/overrides/     the package's theme files (main.html, assets/), then the site's
                       own custom_dir over them

What the plugin adds around a build is not staged: the lean search entries of record
pages (a plain build indexes their full text), "Edit this page" links to record files,
the cleaning of hand-written pages, the privacy scan of the built site (the staged files
are scanned instead) and the check of published URLs. Runs without MkDocs.
"""

from __future__ import annotations

import argparse
import html
import importlib
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from .export_cmd import (
    CommandError,
    Source,
    add_command,
    read_source,
    refuse_private,
    replacing,
)
from .exports import ExportError, format_url_list
from .generation import Generation
from .records.translations import page_translation
from .site import HOME_MARKER, SiteError, SiteOptions, home_figures
from .site.context import GeneratedPage
from .site.html import DEFAULT_EXTENSIONS, MarkdownRenderer
from .site.urls import HOME, url_of
from .site_config import SiteConfig, Tagged, dump_config
from .stage_config import OVERRIDES, copy_theme, plain_config, record_edit_base

DOCS = "docs"


def add_parser(commands: Any) -> None:
    add_command(
        commands,
        "stage",
        "write the whole site as a docs tree a static site generator builds without plugins "
        "(MkDocs, Zensical)",
        "Write DIR/mkdocs.yml and DIR/docs/: the hand-written pages, every generated page, "
        "the site's assets and the open data, for a build without plugins.",
        run_stage,
    )


def run_stage(args: argparse.Namespace) -> int:
    try:
        source = read_source(args)
        if source.config is None:
            raise CommandError(
                f"{args.config}: no such file: staging needs the site's mkdocs.yml "
                "(its pages, theme and nav)"
            )
        with replacing(args.out, "mkdocs.yml") as folder:
            pages = write_stage(source, source.config, folder)
            refuse_private(source, folder / DOCS)
    except CommandError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"staged {pages} pages in {args.out}: build it with `zensical build` or `mkdocs build`")
    return 0


def write_stage(source: Source, config: SiteConfig, folder: Path) -> int:
    """The docs tree, its overrides and its config in `folder`; the number of pages."""
    docs = folder / DOCS
    options = _site_options(source, config)
    try:
        generation = Generation(source.records, options, source.facts, source.site_url, share=False)
        site = generation.pages(docs)
        docs.mkdir(parents=True, exist_ok=True)
        exported = generation.finish()  # the open data, into docs/
    except (SiteError, ExportError) as error:
        raise CommandError(str(error)) from None
    handwritten = _copy_handwritten(config.docs_dir, docs, source, options)
    for src, page in site.pages.items():
        _write(docs / _folder_page(src), _page_markdown(page), handwritten, config)
    for src, text in site.static.items():
        _write(docs / src, text, handwritten, config)
    # Every page's address and the open data's, as a build lists them.
    pages = [*(src for src in handwritten if src.endswith(".md")), *site.pages]
    urls = {"/" + url_of(src) for src in pages} | set(exported.urls)
    (docs / "published-urls.txt").write_text(format_url_list(urls), encoding="utf-8")
    try:
        copy_theme(config, folder / OVERRIDES)
    except NotADirectoryError as error:
        raise CommandError(f"{error} is not a folder") from None
    kinds = sorted({src.split("/")[0] for src in site.pages if src not in site.sections})
    assert source.records.forum is not None  # loaded without problems
    raw = plain_config(config, source.records.forum, DOCS, kinds)
    (folder / "mkdocs.yml").write_text(dump_config(raw), encoding="utf-8")
    return len(pages)


def _site_options(source: Source, config: SiteConfig) -> SiteOptions:
    """As the plugin makes them: the record bodies with the site's Markdown extensions."""
    try:
        extensions, configs = markdown_settings(config.raw)
        renderer = MarkdownRenderer(extensions, configs)
    except (ImportError, AttributeError, ValueError, TypeError) as error:
        raise CommandError(
            f"{config.root / 'mkdocs.yml'}: markdown_extensions: {error}; install the "
            "extension (and what its settings name) where this command runs"
        ) from None
    return SiteOptions(
        today=source.facts.today,
        edit_base=record_edit_base(config),
        repo_root=config.root,
        site_url=source.site_url,
        markdown=renderer,
    )


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


def _copy_handwritten(
    source_docs: Path, docs: Path, source: Source, options: SiteOptions
) -> set[str]:
    """The docs folder's files, the home figures put in as the plugin puts them."""
    if not source_docs.is_dir():
        raise CommandError(f"{source_docs}: the docs_dir of mkdocs.yml is not a folder")
    copied: set[str] = set()
    for path in sorted(source_docs.rglob("*")):
        src = path.relative_to(source_docs).as_posix()
        if not path.is_file() or page_translation(src):  # the default language is staged
            continue
        target = docs / src
        if target.exists():
            raise CommandError(
                f"{path} is in the way of an open data file with the same address; rename it"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        copied.add(src)
        if src.endswith(".md"):
            text = path.read_text(encoding="utf-8-sig")
            if HOME_MARKER in text or src == HOME:
                figures = home_figures(source.records, options, src)
                text = text.replace(HOME_MARKER, figures) if HOME_MARKER in text else text + figures
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, target)
    return copied


def _write(target: Path, text: str, handwritten: set[str], config: SiteConfig) -> None:
    src = target.as_posix().rsplit(f"/{DOCS}/", 1)[-1]
    if src in handwritten:
        raise CommandError(
            f"{config.docs_dir / src} is in the way of a generated page with the same "
            "address; rename or remove it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _folder_page(src: str) -> str:
    """`commitments/x.md` as `commitments/x/index.md`: the same address, and a source
    folder that is the page's own. Zensical rewrites relative links in a page's HTML as
    if relative to its source file; the links are written relative to the page."""
    if src.endswith(".md") and not src.endswith(("/index.md", HOME)):
        return src.removesuffix(".md") + "/index.md"
    return src


def _page_markdown(page: GeneratedPage) -> str:
    """Front matter, then the page's HTML kept whole: a block that starts with a `<div>`
    at the start of a line is passed through by Markdown untouched, to its `</div>`."""
    # The theme writes the title into HTML unescaped, as for the plugin's pages.
    meta = {**page.meta, "title": html.escape(page.title, quote=False)}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f'---\n{front}---\n\n<div class="openforum-page">\n{page.html}\n</div>\n'
