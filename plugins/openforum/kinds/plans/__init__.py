"""The `plans` kind: national Action Plans and their phases."""

from ..kind import Kind
from .model import Plan

PLANS = Kind("plans", "plan", Plan, __name__, place=2)

__all__ = ["PLANS", "Plan"]
