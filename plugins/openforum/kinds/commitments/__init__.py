"""The `commitments` kind: commitments: milestones, progress and the IRM's assessment."""

from ..kind import Kind
from .model import Commitment

COMMITMENTS = Kind("commitments", "commitment", Commitment, __name__, place=1)

__all__ = ["COMMITMENTS", "Commitment"]
