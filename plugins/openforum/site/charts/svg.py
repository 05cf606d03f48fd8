"""SVG drawn as text when the site is built: no script, a text alternative, a table beside.

Each chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>`
(aria-labelledby), and carries the rows of the table it summarises, which the page shows
folded beside it. Colours pair with words: the legend and the table say what each means.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ...i18n import labels

WIDTH = 640  # viewBox units; the drawing scales to the column's width
FONT = 13
INK = "#212121"
MUTED = "#5f6368"
ALERT = "#b71c1c"
# Fills with white text on them at 4.5:1 or more; the same hues as the status badges.
STATUS_FILLS = {
    "complete": "#1b5e20",
    "substantial": "#0d47a1",
    "limited": "#7a4500",
    "not_started": "#9b1c1c",
    "withdrawn": "#455a64",
}
SERIES_FILLS = ("#0d47a1", "#1b5e20", "#7a4500", "#6a1b9a", "#9b1c1c", "#455a64", "#004d40")


def fill_for(key: str, index: int) -> str:
    return STATUS_FILLS.get(key, SERIES_FILLS[index % len(SERIES_FILLS)])


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawing and the table it summarises (plain text cells)."""

    key: str  # unique on its page: the ids of the title, description and figure
    title: str
    description: str  # what the picture shows, in words: its text alternative
    svg: Markup
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""  # e.g. that only the latest meetings are drawn


def svg(key: str, title: str, description: str, height: int, body: list[str]) -> Markup:
    """The `<svg>` element around `body` (SVG elements written with the helpers below)."""
    return Markup(
        f'<svg class="of-chart__svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{key}-title {key}-desc" xmlns="http://www.w3.org/2000/svg" '
        # Drawn left to right in every language (its x positions assume it): a right-to-left
        # page would otherwise flip where each label is anchored. Arabic words still read
        # right to left inside their own labels.
        f'font-family="sans-serif" font-size="{FONT}" direction="ltr">'
        f'<title id="{key}-title">{escape(title)}</title>'
        f'<desc id="{key}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def text(
    x: float,
    y: float,
    words: str,
    *,
    fill: str = INK,
    anchor: str = "start",
    size: int = FONT,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" fill="{fill}" text-anchor="{anchor}" '
        f'font-size="{size}" font-weight="{weight}">{escape(words)}</text>'
    )


def rect(x: float, y: float, width: float, height: float, fill: str, label: str = "") -> str:
    tip = f"<title>{escape(label)}</title>" if label else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{height:.1f}" '
        f'fill="{fill}">{tip}</rect>'
    )


def line(
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    stroke: str = MUTED,
    *,
    width: float = 1,
    dash: str = "",
) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
        f'stroke-width="{width}"{dashed}/>'
    )


def legend(y: float, items: list[tuple[str, str]]) -> tuple[list[str], float]:
    """Swatches and names in rows across the width; the elements and the height used."""
    body: list[str] = []
    x, row = 0.0, 0
    for fill, name in items:
        room = 22 + len(name) * 7.2
        if x + room > WIDTH and x > 0:
            x, row = 0.0, row + 1
        top = y + row * 20
        body.append(rect(x, top, 12, 12, fill))
        body.append(text(x + 17, top + 11, name))
        x += room + 14
    return body, (row + 1) * 20


def stacked_bars(
    rows: list[tuple[str, list[tuple[str, int]]]], fills: dict[str, str], *, label_width: int = 120
) -> tuple[list[str], float]:
    """One horizontal bar per row, its parts side by side with their counts written in.

    `rows`: (row label, [(series, count)]); every bar is scaled to the largest total."""
    body: list[str] = []
    largest = max((sum(n for _, n in parts) for _, parts in rows), default=0) or 1
    room = WIDTH - label_width - 10
    y = 0.0
    for name, parts in rows:
        body.append(text(0, y + 16, name))
        x = float(label_width)
        for series, count in parts:
            if not count:
                continue
            width = room * count / largest
            body.append(
                rect(x, y + 2, width, 20, fills[series], f"{name}: {labels.label(series)} {count}")
            )
            if width >= 18:
                body.append(text(x + width / 2, y + 16, str(count), fill="#fff", anchor="middle"))
            x += width
        y += 26
    return body, y
