"""Where the lines of a text start (for spans: offset -> line and column)."""
from __future__ import annotations

from itertools import accumulate


def line_starts(text: str) -> tuple[int, ...]:
    """The offset of each line of ``text``: 0, and one past each newline (as ``CleanText`` keeps them)."""
    return tuple(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))
