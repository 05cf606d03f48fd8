"""A build loads the plugin without what only `mkdocs serve` uses (plugin.on_serve)."""

from __future__ import annotations

import subprocess
import sys

SERVE_ONLY = ("mkdocs.livereload", "watchdog", "openforum.incremental", "openforum.serve_errors")


def test_the_plugin_loads_without_the_servers_modules() -> None:
    script = (
        "import sys\n"
        "import openforum.adapters.mkdocs.plugin\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'watchdog', 'openforum'))))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "openforum.adapters.mkdocs.plugin" in loaded
    for module in SERVE_ONLY:
        assert not any(name == module or name.startswith(module + ".") for name in loaded), module
