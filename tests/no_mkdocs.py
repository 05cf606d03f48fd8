"""Run the `openforum` command in a Python where MkDocs and Material cannot be imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# An import hook in front of every other refuses mkdocs and material, as on a machine
# without them; the script first proves that it does.
_WITHOUT_MKDOCS = """
import sys

class NoMkDocs:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("mkdocs", "material"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoMkDocs())
try:
    import mkdocs
except ModuleNotFoundError:
    pass
else:
    raise SystemExit("mkdocs could still be imported")
from openforum.cli import main
sys.exit(main(sys.argv[1:]))
"""


def openforum_without_mkdocs(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_MKDOCS, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
