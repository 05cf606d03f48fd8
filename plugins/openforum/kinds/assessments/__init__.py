"""The `assessments` kind: self-assessments of the Forum or of a plan."""

from ..kind import Kind
from .model import Assessment

ASSESSMENTS = Kind("assessments", "assessment", Assessment, __name__, place=6)

__all__ = ["ASSESSMENTS", "Assessment"]
