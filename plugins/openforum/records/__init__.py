"""Layer 1: reading, modelling and checking the Forum's records. Imports no MkDocs."""

from ..kinds import KINDS, SINGULAR, ForumRecords
from .loader import ReadCache, load_forum
from .problems import Mark, Problem, Problems

__all__ = [
    "KINDS",
    "SINGULAR",
    "ForumRecords",
    "Mark",
    "Problem",
    "Problems",
    "ReadCache",
    "load_forum",
]
