"""The `meetings` kind: meetings: notice, agenda, attendance, decisions and minutes."""

from ..kind import Kind
from .model import Meeting

MEETINGS = Kind("meetings", "meeting", Meeting, __name__, place=3)

__all__ = ["MEETINGS", "Meeting"]
