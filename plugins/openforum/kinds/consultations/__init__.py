"""The `consultations` kind: public consultations and their written submissions."""

from ..kind import Kind
from .model import Consultation

CONSULTATIONS = Kind("consultations", "consultation", Consultation, __name__, place=5)

__all__ = ["CONSULTATIONS", "Consultation"]
