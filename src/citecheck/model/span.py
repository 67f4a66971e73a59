"""Where a parsed item came from: file, line, column and character offsets."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A place in an input file.

    ``line`` and ``column`` are 1-based and meant for humans; ``start`` and ``end``
    are 0-based character offsets into the file's original text, so a fix can
    replace exactly these characters.
    """

    file: str
    line: int
    column: int
    start: int
    end: int

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"
