"""The `partners` kind: multilateral partners."""

from ..kind import Kind
from .model import Partner

PARTNERS = Kind("partners", "partner", Partner, __name__, place=7)

__all__ = ["PARTNERS", "Partner"]
