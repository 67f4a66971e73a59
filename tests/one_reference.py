"""Test helper: the one reference a free-text entry reads as (``pythonpath = ["tests"]``)."""
from __future__ import annotations

from citecheck.model import CleanText, Reference
from citecheck.parse.references import parse_reference_list


def read_one(entry: str, file: str = "refs.md") -> Reference:
    """The reference ``entry``, one entry of a list, parses to (the test fails if it reads as more or none)."""
    (ref,) = parse_reference_list(CleanText.identity(file, entry if entry.endswith("\n") else entry + "\n"))
    return ref
