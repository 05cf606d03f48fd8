"""Pages that keep old ids answering: /<kind>/<alias>/ sends readers to the record."""

from __future__ import annotations

from collections.abc import Iterator

from .context import Context, StaticFile
from .render import render
from .urls import RECORD_KINDS, record_src, redirect_src, relative, url_of


def redirect_pages(ctx: Context) -> Iterator[StaticFile]:
    site_url = ctx.options.site_url
    for kind in RECORD_KINDS:
        for key, record in sorted(ctx.records.of_kind(kind).items()):
            target = record_src(kind, key)
            title = str(getattr(record, "title", None) or getattr(record, "name", None) or key)
            for alias in record.aliases:
                src = redirect_src(kind, alias)
                href = relative(src, target)
                # A canonical link is best absolute; without a known site URL, relative works.
                canonical = site_url.rstrip("/") + "/" + url_of(target) if site_url else href
                text = render("redirect.html.j2", href=href, canonical=canonical, title=title)
                yield StaticFile(src, text)
