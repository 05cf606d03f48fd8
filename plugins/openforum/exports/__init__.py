"""Layer 3: the Forum's open data, feeds and calendars as generated files. Imports no MkDocs.

`build_exports(records, facts, site_url, today)` returns {site path: text}:

    api/index.json, api/forum.json, api/<kind>.json, api/<kind>/<id>.json,
    api/submissions/<consultation>/<sid>.json            JSON (api.py)
    api/popolo.json                                      Popolo (popolo.py)
    data/datapackage.json, data/<table>.csv              CSV + Data Package (datapackage.py)
    calendar.ics, calendars/consultations.ics,
    calendars/milestones.ics                             iCalendar (calendars.py)
    feeds/updates.atom, feeds/commitments/<id>.atom,
    feeds/plans/<id>.atom                                Atom (feeds.py)
    published-urls.txt                                   permanent links (permalinks.py)

Every file is UTF-8 text. The same records, site address and date give byte-identical files:
nothing reads the clock, keys and rows are sorted, ids come from record ids. What may leave
the records is decided in one place, `public.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterable
from datetime import date

from ..build_context import BuildContext
from ..facts.forum import ForumFacts
from ..i18n import using
from ..records import ForumRecords
from . import datapackage
from .context import ExportContext, ExportError
from .datapackage import DEFAULT_LICENSE
from .permalinks import (
    URLS_FILE,
    format_url_list,
    page_urls,
    parse_url_list,
    published_urls,
)

__all__ = [
    "DEFAULT_LICENSE",
    "FOLDERS",
    "URLS_FILE",
    "ExportError",
    "build_exports",
    "data_exports",
    "export_context",
    "format_url_list",
    "other_exports",
    "page_urls",
    "parse_url_list",
    "published_urls",
    "put_other_exports",
]

# The site's top-level folders the open data is written in; nothing else is written there
# but the open data page (data/index.html).
FOLDERS = ("api", "calendars", "data", "feeds")


def build_exports(
    records: ForumRecords,
    facts: ForumFacts,
    site_url: str,
    today: date,
    *,
    license: dict[str, str] | None = None,
) -> dict[str, str]:
    """Every export file, by site path. `site_url` is the site's absolute public address
    (ids, links and UIDs are built from it); `license` is the Data Package licence entry
    ({"name", "path", "title"}), CC-BY-4.0 when not given."""
    if facts.today != today:  # the one entry given both; a build derives facts for its own
        raise ExportError(
            f"the facts were derived for {facts.today} and the exports asked for {today}: "
            "derive the facts for the same date"
        )
    build = BuildContext.create(records.forum, today=today, site_url=site_url)
    ctx = export_context(records, facts, build)
    files = data_exports(ctx, license)
    files.update(other_exports(ctx, files))
    return dict(sorted(files.items()))


def export_context(records: ForumRecords, facts: ForumFacts, build: BuildContext) -> ExportContext:
    """The context of every export: the facts are those derived for `build` (build.py)."""
    return ExportContext.create(records, facts, build)


def data_exports(ctx: ExportContext, license: dict[str, str] | None = None) -> dict[str, str]:
    """The CSV tables and their Data Package: what the site's open data page describes."""
    files: dict[str, str] = {}
    put_data_exports(ctx, files.__setitem__, license)
    return files


def put_data_exports(
    ctx: ExportContext, put: Callable[[str, str], None], license: dict[str, str] | None = None
) -> None:
    """`data_exports`, each file handed to `put` as soon as it is made (a table of every
    attendance is a hundred megabytes at 10,000 records: a build writes it, keeps none)."""
    made: set[str] = set()
    with using(ctx.language):
        for path, text in datapackage.data_files(ctx, license or DEFAULT_LICENSE):
            _not_taken(made, path)
            made.add(path)
            put(path, text)


def other_exports(ctx: ExportContext, earlier: Collection[str]) -> dict[str, str]:
    """The JSON API, Popolo, calendars, feeds and the list of published URLs; `earlier`
    are the paths already exported (the data tables), which the API index lists too."""
    files: dict[str, str] = {}
    put_other_exports(ctx, earlier, files.__setitem__)
    return files


def put_other_exports(
    ctx: ExportContext, earlier: Collection[str], put: Callable[[str, str], None]
) -> None:
    """`other_exports`, each file handed to `put` as soon as it is made: a build writes it
    and keeps no copy (at 10,000 records the API alone is hundreds of megabytes)."""
    with using(ctx.language):
        _other_exports(ctx, earlier, put)


def _other_exports(
    ctx: ExportContext, earlier: Collection[str], put: Callable[[str, str], None]
) -> None:
    # Imported here: on a multi-core build only the worker makes these files, and the
    # build process is spared loading their libraries (icalendar) on its critical path.
    from . import api, calendars, feeds, popolo

    paths: dict[str, None] = dict.fromkeys(earlier)  # in order: the API index lists them

    def add(new: Iterable[tuple[str, str]]) -> None:
        for path, text in new:
            _not_taken(paths, path)
            paths[path] = None
            put(path, text)

    add(api.api_files(ctx))
    add([("api/popolo.json", popolo.popolo(ctx))])
    add(calendars.calendar_files(ctx).items())
    add(feeds.feed_files(ctx))
    # The index lists whole-forum files; per-record ones follow the address patterns it gives.
    listed = [p for p in paths if p.count("/") <= 1] + [URLS_FILE]
    add([("api/index.json", api.index(ctx, listed))])
    urls = published_urls(ctx.records, [*paths, URLS_FILE])
    add([(URLS_FILE, format_url_list(urls))])


def _not_taken(paths: Container[str], path: str) -> None:
    if path in paths:  # e.g. an alias equal to another record's id
        raise ExportError(f"two exports would be written at {path}: check ids and aliases")
