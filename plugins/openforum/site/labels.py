"""The labels of the site live in one module, `openforum.i18n.labels`; this name stays for
the modules that import it from here."""

from __future__ import annotations

from ..i18n.labels import *  # noqa: F403
from ..i18n.labels import __all__  # noqa: F401
