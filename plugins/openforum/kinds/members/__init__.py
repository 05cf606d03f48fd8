"""The `members` kind: a person or organisation and the seats it held."""

from ..kind import Kind
from .model import Member

MEMBERS = Kind("members", "member", Member, __name__, place=4)

__all__ = ["MEMBERS", "Member"]
