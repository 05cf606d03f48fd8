"""The MkDocs adapter: loads and checks the records when a build starts, and watches them.

Everything it publishes comes from the layers below; this module only hands them to MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .records import ForumRecords, load_forum
from .report import format_problem

log = get_plugin_logger(__name__)


class OpenForumConfig(base.Config):
    records = c.Type(str, default="forum_records")
    """The folder holding forum.md and the record folders, relative to mkdocs.yml."""


class OpenForumPlugin(BasePlugin[OpenForumConfig]):
    """Reads the Forum's records into the site build; invalid records stop the build."""

    def __init__(self) -> None:
        self.records: ForumRecords | None = None
        self.records_dir = Path()

    # Runs before other plugins' on_config (priority 50 > default 0) so that a broken record
    # is reported first, not as some later plugin's confusing failure.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        self.records_dir = Path(config.config_file_path).parent / self.config.records
        records, problems = load_forum(self.records_dir)
        if problems:
            listing = "\n".join(format_problem(p) for p in problems)
            raise PluginError(
                f"{len(problems)} problem(s) in the records; nothing was built:\n{listing}"
            )
        self.records = records
        log.info("loaded %d records from %s", len(records.all_records()), self.records_dir)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.records_dir))
        return server
