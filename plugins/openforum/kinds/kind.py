"""What a record kind is: its folder, its words for one record, its model class, and the
package holding its parts. The generic code walks the registry (`kinds/__init__.py`)
instead of keeping lists of kinds.

A kind's later-layer parts (its checks, pages, table, Popolo, feed and calendar parts) are
modules of its package found by name, so registering a kind imports only its model: the
registry sits below the loader, and the site and exports sit above both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType
from typing import Any

from ..records.fields import Record


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    """Its folder under the records and its URL segment: "meetings"."""
    singular: str
    """One record of it, in messages: "meeting"."""
    model: type[Record]
    package: str
    """The package of its parts: pass `__name__` from the kind's `__init__.py`."""
    place: int
    """Its place among the site's sections and pages, lowest first."""

    @property
    def registered(self) -> Any:
        """The field of `ForumRecords` that registers this kind and holds its records by id.

        An attribute, not a call, so that registering a kind is one short line."""
        return field(default_factory=dict, metadata={"kind": self})

    def part(self, name: str) -> ModuleType | None:
        """The kind's module `name` (checks, pages, table, popolo...), or None without one."""
        module = f"{self.package}.{name}"
        if find_spec(module) is None:
            return None
        return import_module(module)

    def hook(self, part: str, name: str) -> Any:
        """The object `name` of the kind's module `part`, or None when either is missing."""
        module = self.part(part)
        return getattr(module, name, None) if module is not None else None
