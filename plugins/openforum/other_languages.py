"""Each other language's site, built beside the default language's (language_sites.py).

A build of one language leaves a core idle for much of its time: the theme frames every
page in one process. So where a second process may start (worker.py) and the machine has
two cores, the other languages are built in one as soon as the default language's pages
are generated (its record bodies already rendered, rendered_bodies.py), while this
process frames, indexes and scans the default language's. They are built into a folder
beside the site, with their own search index and privacy scan, and moved under
`<site>/<lang>/` once both are done: the default language's index and scan never see
them half-written. Their warnings are logged here, where `--strict` and `openforum
build` count them. Where no process may start (`mkdocs serve`), they are built here, one
after the other, when the default language's site is done. Either way a failure in any
language removes the whole site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.plugins import get_plugin_logger

from .exports import URLS_FILE, format_url_list, parse_url_list
from .records.translations import LANGUAGE
from .staging import staging_prefix
from .worker import StartMethodError, Worker, reply, start_method

if TYPE_CHECKING:
    from .language_sites import SiteLanguage

log = get_plugin_logger(__name__)


@dataclass(frozen=True, slots=True)
class Others:
    """The other languages' builds: where and how (it travels to a worker)."""

    config_file: str
    site_dir: str  # the default language's site folder
    home: str  # the default language's site address, ending with "/"
    strict: bool
    languages: tuple[str, ...]  # the other languages
    plugin: type  # the openforum plugin's class, to find it in each build's config

    def build(self, default: SiteLanguage, language: str, site_dir: Path) -> None:
        """The site in `language` into `site_dir`, its records as the default build loaded
        them. Its build shares its work with a process of its own as the default build
        does (the worker that builds it is no daemon, so it may start one): once the
        default language's site is done, that keeps both cores busy."""
        other = load_config(
            self.config_file, site_dir=str(site_dir), site_url=f"{self.home}{language}/",
            strict=self.strict)  # fmt: skip
        # MkDocs hands every build of a process the same instance of a plugin that has
        # on_startup (this one, for `mkdocs serve`): its language is set for this build and
        # given back after it.
        twin: Any = next(p for p in other.plugins.values() if isinstance(p, self.plugin))
        own, twin.site_language = twin.site_language, default.for_language(language)
        log.info(f"building the '{language}' site")
        try:
            build(other)
        except (Abort, ConfigurationError, PluginError) as error:
            raise PluginError(f"openforum: the '{language}' site: {error}") from None
        finally:
            twin.site_language = own
        _list_urls(site_dir, language)


class OtherSites:
    """The other languages' sites of one build of the default language's."""

    def __init__(self, default: SiteLanguage, others: Others) -> None:
        self.default = default
        self.others = others
        self.site = Path(others.site_dir)
        self._worker: Worker | None = None
        self._staging: Path | None = None
        for language in others.languages:
            if not LANGUAGE.fullmatch(language):
                raise PluginError(f"openforum: '{language}' in forum.md languages is no language")

    def start(self, parallel: bool | None) -> None:
        """Begin building them in a second process, where one may start and pays."""
        try:
            method = start_method() if parallel is not False else None
        except StartMethodError as error:
            raise PluginError(f"openforum: {error}") from None
        if method is None or (os.cpu_count() or 1) < 2:
            return
        self.site.parent.mkdir(parents=True, exist_ok=True)
        self._staging = Path(tempfile.mkdtemp(
            prefix=staging_prefix(Path(self.site.name.split("-building-")[0].lstrip("."))),
            dir=self.site.parent))  # fmt: skip
        self._worker = Worker(
            method, _build_in_worker, self.default, self.others, self._staging, daemon=False
        )

    def finish(self) -> None:
        """Every other language's site under `<site>/<lang>/` (built here if not begun)."""
        try:
            if self._worker is None:
                for language in self.others.languages:
                    self.others.build(self.default, language, self.site / language)
                return
            try:
                relayed = self._worker.receive()
            finally:
                self._worker.stop()
                self._worker = None
            for name, level, message in relayed:
                logging.getLogger(name).log(level, message)
            assert self._staging is not None
            for language in self.others.languages:
                target = self.site / language
                if target.exists():  # a folder of the default site in the way, as MkDocs cleans it
                    shutil.rmtree(target)
                (self._staging / language).rename(target)
        except PluginError as error:
            # Nothing of a failed build may be served, in any language.
            self.abandon()
            shutil.rmtree(self.site, ignore_errors=True)
            raise PluginError(f"{error}\n{self.site} was removed; nothing was published.") from None
        except BaseException:
            self.abandon()
            raise
        finally:
            if self._staging is not None:
                shutil.rmtree(self._staging, ignore_errors=True)
                self._staging = None

    def abandon(self) -> None:
        """The build failed: stop the other languages' build, remove what it wrote."""
        if self._worker is not None:
            self._worker.stop(wait=0)
            self._worker = None
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


class _Relay(logging.Handler):
    """The warnings and errors of the worker's builds, to be logged by the build process."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _build_in_worker(
    conn: Connection, default: SiteLanguage, others: Others, staging: Path
) -> None:
    # Handlers inherited from the build process would print the warnings a second time.
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in logger.handlers:
            handler.addFilter(lambda record: record.levelno < logging.WARNING)
    relay = _Relay()
    logging.getLogger("mkdocs").addHandler(relay)
    for language in others.languages:
        try:
            others.build(default, language, staging / language)
        except PluginError as error:
            told = [f"{logging.getLevelName(level)}: {text}" for _, level, text in relay.records]
            raise PluginError("\n".join([str(error), *told])) from None
    reply(conn, relay.records)


def _list_urls(site: Path, language: str) -> None:
    """The language's list of published URLs (exports' URLS_FILE) gives them under
    `/<lang>/`, where they are."""
    own = site / URLS_FILE
    if own.is_file():
        urls = [f"/{language}{url}" for url in parse_url_list(own.read_text("utf-8"))]
        own.write_text(format_url_list(urls), "utf-8")
