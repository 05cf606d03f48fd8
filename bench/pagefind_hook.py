"""MkDocs hook of the bench's `material-pf` build: plain Material with Pagefind in place of
its own search, run over the built site as OpenForum runs it (one thread, the same
allocator setting, no stemming). The like-for-like baseline when the search engine is the
same: OpenForum against it is OpenForum's own work, Pagefind's cost being on both sides.

    hooks: [bench/pagefind_hook.py]   (shapes_bench.py writes it into material-pf.yml)
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from openforum.fulltext import ALLOCATOR, BUNDLE, ONE_THREAD, _command


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    subprocess.run(
        _command(site, site / BUNDLE),  # OpenForum's own command line for Pagefind
        env={**os.environ, **ALLOCATOR, **ONE_THREAD},
        stdout=subprocess.DEVNULL,
        check=True,
    )
