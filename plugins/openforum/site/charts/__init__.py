"""Pictures of the records, drawn as SVG at build time (see svg.py for what each carries)."""

from .forum import forum_charts
from .plans import status_over_time
from .svg import Chart

__all__ = ["Chart", "forum_charts", "status_over_time"]
