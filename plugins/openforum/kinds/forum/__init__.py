"""forum.md: the one record about the Forum itself (not a kind with a folder of records)."""
