"""The `members` kind: a person or organisation and the seats it held."""

from ..kind import Kind
from .model import Member

KIND = Kind("members", "member", Member, __name__, place=4)

__all__ = ["KIND", "Member"]
