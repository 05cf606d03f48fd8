"""The `organizations` kind: institutions that lead or support commitments without a seat."""

from ..kind import Kind
from .model import Organization

ORGANIZATIONS = Kind("organizations", "organization", Organization, __name__, place=8)

__all__ = ["ORGANIZATIONS", "Organization"]
