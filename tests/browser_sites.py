"""The built sites the browser tests share: the demo forum and a held-out one, each built
once per session and served on a local port for as long as the session lasts."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from browser_kit import serve
from held_out_forum import Planted, write_held_out_forum
from openforum.site.urls import RECORD_KINDS
from site_build import BuiltSite, build_site, demo_site

_servers = ExitStack()
atexit.register(_servers.close)


@dataclass(frozen=True, slots=True)
class Served:
    site: BuiltSite
    base: str  # "http://127.0.0.1:PORT/"
    planted: tuple[Planted, ...] = ()


@cache
def served_demo() -> Served:
    site = demo_site()
    return Served(site, _servers.enter_context(serve(site.root)))


@cache
def served_held_out() -> Served:
    workdir = Path(tempfile.mkdtemp(prefix="openforum-held-out-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    planted = write_held_out_forum(workdir / "records")
    site = build_site(workdir / "build", workdir / "records")
    return Served(site, _servers.enter_context(serve(site.root)), tuple(planted))


def page_types(site: BuiltSite) -> list[str]:
    """One URL of every page type: home, each index, one record of each kind, the rest."""
    urls = ["", "timeline/", "accountability/", "data/", "about/", "forum/"]
    for kind in RECORD_KINDS:
        urls.append(f"{kind}/")
        records = sorted(site.records.of_kind(kind))
        if records:
            urls.append(f"{kind}/{records[0]}/")
    return [url for url in urls if site.page(url).exists()]
