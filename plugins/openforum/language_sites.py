"""One site per language (records.md, "Translations"), for the MkDocs adapter.

The default language's site is the build MkDocs runs, at the contract's URLs. When it is
done, it builds each other language's site into `<site>/<lang>/` as mkdocs-static-i18n
did: the same mkdocs.yml loaded again with that theme language and site folder, and the
openforum plugin of that build told its language and handed the records already loaded
(no second reading or checking). Hand-written pages `content/<page>.<lang>.md` stand in for
`content/<page>.md` in that language. Every page names its counterparts (`hreflang`) and
Material's language selector leads to the same page in each language. Works the same under
`mkdocs build` and `mkdocs serve` (where a saved record updates the default language's
pages and builds the other languages' sites again: incremental_languages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .build import BuildContext, Loaded
from .identity import _theme_language as theme_language
from .other_languages import Others, OtherSites
from .records import ForumRecords
from .records.translated import RecordState, Untranslated, in_language, translation_status
from .records.translations import page_translation
from .rendered_bodies import RenderedBodies
from .site.citation import git_versions
from .site.generate import GeneratedSite
from .site.language_marks import (
    MarkedBodies,
    add_status,
    language_name,
    mark_site,
    untranslated_page,
)

log = get_plugin_logger(__name__)


@dataclass(slots=True)
class SiteLanguage:
    """The language one build publishes. The default build makes one for each other build."""

    language: str | None = None  # None: the Forum's default language
    inherited: ForumRecords | None = None  # the default build's records, as loaded
    home_url: str = ""  # the default language's site address
    loaded: ForumRecords | None = None  # as loaded, before translation
    languages: tuple[str, ...] = ()
    untranslated: Untranslated | None = None
    states: dict[str, list[RecordState]] = field(default_factory=dict)
    translated_pages: set[str] = field(default_factory=set)  # hand-written, in this language
    bodies: RenderedBodies | None = None  # the record bodies every language's build renders
    compiled: CompiledTemplates | None = None  # the theme's templates, for every language
    others: OtherSites | None = None  # the other languages' sites, from the default build

    @property
    def nested(self) -> bool:
        return self.inherited is not None

    def inherit(self) -> Loaded | None:
        """The default build's records, for another language's build (None: load them)."""
        return None if self.inherited is None else Loaded(self.inherited)

    def settle(self, config: MkDocsConfig, loaded: Loaded) -> Loaded:
        """The records in this build's language; the default build reads the translations'
        state (one `git log`) when the Forum has several languages."""
        loaded.records = self._settle(loaded.records, config)
        return loaded

    def context(self, ctx: BuildContext, config: MkDocsConfig) -> BuildContext:
        """The build's context in this build's language, record bodies shown untranslated
        marked; the theme speaks that language too (Material's labels, `<html lang>`)."""
        self._set_theme(config)
        if self.language is None:
            return ctx
        markdown = self.renderer(self._shared(ctx.markdown)) if ctx.markdown is not None else None
        return replace(ctx, language=self.language, markdown=markdown)

    def _shared(self, render: Callable[[str], str]) -> Callable[[str], str]:
        """With several languages, each body is rendered once for all their builds."""
        if self.nested:
            return render if self.bodies is None else self.bodies.sharing(render)
        self.bodies = RenderedBodies(render) if len(self.languages) > 1 else None
        return self.bodies or render

    def _settle(self, records: ForumRecords, config: MkDocsConfig) -> ForumRecords:
        assert records.forum is not None
        self.loaded = records
        self.languages = tuple(records.forum.languages)
        if not self.nested:  # the default build, afresh each time (`mkdocs serve`)
            self.language, self.states = self.languages[0], {}
            self.home_url = config.site_url or ""
            self.compiled = CompiledTemplates() if len(self.languages) > 1 else None
            if len(self.languages) > 1:
                self.states = translation_status(records, git_versions(records.root))
        published, self.untranslated = in_language(records, self.language or self.languages[0])
        return published

    def _set_theme(self, config: MkDocsConfig) -> None:
        if len(self.languages) < 2 or self.language is None:
            return  # one language: forum.md or mkdocs.yml say which (identity.py)
        found = theme_language(config, self.language)
        if found is None:
            log.info(f"the theme has no translation for '{self.language}'; its menus stay")
        else:
            config.theme["language"] = found

    def share_templates(self, env: jinja2.Environment) -> None:
        """With several languages, the theme's templates are compiled once for all their
        builds (each build makes its own environment, in its own language)."""
        if self.compiled is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.compiled

    def renderer(self, render: Callable[[str], str]) -> Callable[[str], str]:
        """The Markdown renderer, marking bodies shown untranslated."""
        if self.untranslated is None or not self.untranslated.bodies:
            return render
        return MarkedBodies(render, self.untranslated.bodies.values(), self.untranslated.language)

    def mark(self, site: GeneratedSite) -> GeneratedSite:
        """Untranslated text marked, record pages noted; the state of every language on
        the open data page."""
        add_status(site, self.states, self.language or "")
        if self.untranslated is None or self.language == self.languages[0]:
            return site
        states = {(s.kind, s.key): s for s in self.states.get(self.language or "", [])}
        mark_site(site, self.untranslated, self.language or "", states)
        return site

    def pages(self, files: Files, config: MkDocsConfig) -> Files:
        """Hand-written pages in this language: `<page>.<lang>.md` stands in for
        `<page>.md`; other languages' versions are no page of this site."""
        for file in list(files.documentation_pages()):
            found = page_translation(file.src_uri)
            if found is None:
                continue
            page, language = found
            files.remove(file)
            if language not in self.languages:
                log.info(f"{file.src_uri} is not published: forum.md's languages lack '{language}'")
            if language != self.language:
                continue
            original = files.get_file_from_path(page)
            if original is not None:
                files.remove(original)
            files.append(_standing_in(file, page, config))
            self.translated_pages.add(page)
        return files

    def mark_page(self, page: Page, content: str) -> str:
        """A hand-written page with no version in this language: its text is marked as the
        default language's, and says so."""
        default = self.languages[0] if self.languages else None
        if default is None or self.language == default:
            return content
        if page.file.src_uri in self.translated_pages:
            return content
        return untranslated_page(content, default, self.language or default)

    def alternates(self, config: MkDocsConfig, page: Page) -> None:
        """Point Material's language selector and `hreflang` links at this page's
        counterparts, as absolute addresses (what search engines ask for)."""
        if len(self.languages) < 2:
            return
        home = self.home_url if self.home_url.endswith("/") else self.home_url + "/"
        config.extra["alternate"] = [
            {
                "name": language_name(language, language).capitalize(),
                "link": home + ("" if index == 0 else f"{language}/") + page.url,
                "lang": language,
            }
            for index, language in enumerate(self.languages)
        ]

    def for_language(self, language: str) -> SiteLanguage:
        """What another language's build is handed: the records as the default build
        loaded them, their translations' state, the bodies and templates it made."""
        home = self.home_url if self.home_url.endswith("/") else self.home_url + "/"
        loaded = self.inherited if self.nested else self.loaded
        return SiteLanguage(language, loaded, home, states=self.states, bodies=self.bodies,
                            compiled=self.compiled)  # fmt: skip

    def start_others(
        self, config: MkDocsConfig, plugin: BasePlugin[Any], parallel: bool | None
    ) -> None:
        """From the default build, once its pages are made: the other languages' sites
        begin (in a second process where one may start, other_languages.py)."""
        self.abandon()
        if self.nested or len(self.languages) < 2:
            return
        home = self.for_language("").home_url
        others = Others(config.config_file_path, config.site_dir, home, config.strict,
                        self.languages[1:], type(plugin))  # fmt: skip
        self.others = OtherSites(self.for_language(self.languages[0]), others)
        self.others.start(parallel)

    def build_others(self) -> None:
        """From the default build, when it is done: each other language's site, in place."""
        if self.others is not None:
            others, self.others = self.others, None
            others.finish()

    def abandon(self) -> None:
        """The build failed: the other languages' sites are not made."""
        if self.others is not None:
            self.others.abandon()
            self.others = None


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled by the first build, for the next languages'.
    Jinja checks each against its source's checksum before using it."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def _standing_in(file: File, src_uri: str, config: MkDocsConfig) -> File:
    """`file` (a page's translation) published at the address of `src_uri`."""
    page = File(
        src_uri,
        src_dir=file.src_dir,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=file.inclusion,
    )
    page.abs_src_path = file.abs_src_path  # read from the translation's file
    page.edit_uri = file.edit_uri  # "Edit this page" opens the translation
    return page
