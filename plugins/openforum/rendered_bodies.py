"""Record bodies rendered once for every language of a Forum.

A body left untranslated is the same Markdown in each language's site, and rendering it
is a quarter of generating the pages (measured at 1,000 records). The builds of a Forum
with several languages share one `RenderedBodies`: each distinct text is rendered once,
by whichever build (or its worker) meets it first. The HTML depends only on the text and
on the site's Markdown settings, which every language's build reads from the same
mkdocs.yml. Imports nothing of MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping


class RenderedBodies:
    """A Markdown renderer that remembers what it rendered, for the next language's build.

    It pickles with what it knows (a worker started by spawn gets both); a worker sends
    back what it rendered (`learned`) and the build process keeps it (`learn`)."""

    def __init__(self, render: Callable[[str], str], known: dict[str, str] | None = None):
        self.render = render
        self.known: dict[str, str] = {} if known is None else known
        self._new: dict[str, str] = {}  # rendered here: what a worker sends back

    def __call__(self, text: str) -> str:
        html = self.known.get(text)
        if html is None:
            html = self.known[text] = self._new[text] = self.render(text)
        return html

    def sharing(self, render: Callable[[str], str]) -> RenderedBodies:
        """The renderer of another language's build: `render`, its settings the same,
        with what this one rendered."""
        return RenderedBodies(render, self.known)

    def learned(self) -> dict[str, str]:
        """What this renderer rendered itself (not what it was handed)."""
        return self._new

    def learn(self, rendered: Mapping[str, str]) -> None:
        self.known.update(rendered)


def learned(render: object) -> dict[str, str]:
    """What a build's renderer rendered itself, if it remembers (else nothing)."""
    remembering = _remembering(render)
    return remembering.learned() if remembering is not None else {}


def learn(render: object, rendered: Mapping[str, str]) -> None:
    """Hand a build's renderer what its worker rendered, if it remembers."""
    remembering = _remembering(render)
    if remembering is not None and rendered:
        remembering.learn(rendered)


def _remembering(render: object) -> RenderedBodies | None:
    # A renderer wrapping another (language_marks.MarkedBodies) keeps it as `render`.
    for _ in range(4):
        if isinstance(render, RenderedBodies):
            return render
        render = getattr(render, "render", None)
    return None
