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
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from .build import BuildError, build
from .export_cmd import CommandError, Source, add_command, read_source, refuse_private, replacing
from .i18n.templates import bake_folder
from .records.translations import page_translation
from .site import HOME_MARKER, home_figures
from .site.context import GeneratedPage
from .site.urls import HOME
from .site_config import SiteConfig, dump_config
from .stage_config import OVERRIDES, copy_theme, plain_config

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
        source = read_source(args, pages=True)
        if source.config is None:
            raise CommandError(
                f"{args.config}: no such file: staging needs the site's mkdocs.yml "
                "(its pages, theme and nav)"
            )
        with replacing(args.out, "mkdocs.yml") as folder:
            pages = write_stage(source, source.config, folder)
            refuse_private(source, folder / DOCS, "the staged site")
    except CommandError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"staged {pages} pages in {args.out}: build it with `zensical build` or `mkdocs build`")
    return 0


def write_stage(source: Source, config: SiteConfig, folder: Path) -> int:
    """The docs tree, its overrides and its config in `folder`; the number of pages."""
    docs = folder / DOCS
    handwritten = _handwritten(config.docs_dir)
    written_pages = [src for src in handwritten if src.endswith(".md")]
    try:
        # The generated pages, the open data and the list of every page's address.
        built = build(source.loaded, source.ctx, docs, more_pages=written_pages)
    except BuildError as error:
        raise CommandError(str(error)) from None
    site = built.site
    _copy_handwritten(config.docs_dir, docs, handwritten, source)
    for src, page in site.pages.items():
        _write(docs / _folder_page(src), _page_markdown(page), handwritten, config)
    for src, text in site.static.items():
        _write(docs / src, text, handwritten, config)
    try:
        copy_theme(config, folder / OVERRIDES)
        bake_folder(folder / OVERRIDES, source.ctx.language)
    except NotADirectoryError as error:
        raise CommandError(f"{error} is not a folder") from None
    kinds = sorted({src.split("/")[0] for src in site.pages if src not in site.sections})
    assert source.records.forum is not None  # loaded without problems
    raw = plain_config(config, source.records.forum, DOCS, kinds)
    (folder / "mkdocs.yml").write_text(dump_config(raw), encoding="utf-8")
    return len(written_pages) + len(site.pages)


def _handwritten(source_docs: Path) -> list[str]:
    """The docs folder's files, as site paths."""
    if not source_docs.is_dir():
        raise CommandError(f"{source_docs}: the docs_dir of mkdocs.yml is not a folder")
    found = (path for path in sorted(source_docs.rglob("*")) if path.is_file())
    srcs = (path.relative_to(source_docs).as_posix() for path in found)
    return [src for src in srcs if not page_translation(src)]  # the default language only


def _copy_handwritten(
    source_docs: Path, docs: Path, handwritten: list[str], source: Source
) -> None:
    """The docs folder's files, the home figures put in as the plugin puts them."""
    for src in handwritten:
        path, target = source_docs / src, docs / src
        if target.exists():
            raise CommandError(
                f"{path} is in the way of an open data file with the same address; rename it"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.endswith(".md"):
            text = path.read_text(encoding="utf-8-sig")
            if HOME_MARKER in text or src == HOME:
                figures = home_figures(source.records, source.ctx, src)
                text = text.replace(HOME_MARKER, figures) if HOME_MARKER in text else text + figures
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, target)


def _write(target: Path, text: str, handwritten: list[str], config: SiteConfig) -> None:
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
