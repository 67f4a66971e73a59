"""Documents as read, and their cleaned text with a map back to the original."""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .span import Span


# opens a line of a PDF's text drawn in a page's margin (``inputs.pdf_layout``): a header or footer however
# often it is seen, which ``parse.cleanup`` removes and names (a noncharacter: no text holds one)
PDF_MARGIN = "\ufdd0"
# opens a PDF's text when every page's lines were placed: its margins are known, so ``parse.cleanup`` takes no
# line for a header or footer only for being at the edge of every page (the same entry last on two pages)
PDF_PLACED = "\ufdd1"


@dataclass(frozen=True)
class SourceDoc:
    """One input file as read from disk (or stdin): its path, text and sniffed format.

    ``format`` is one of ``markdown``, ``text``, ``bibtex``.
    """

    path: str
    text: str
    format: str


@dataclass(frozen=True)
class CleanText:
    """Text after removing artefacts (page headers...), mapped back to the original.

    ``origin[i]`` is the offset in ``source`` of ``text[i]``; ``origin`` has one more
    element than ``text`` (the end position), so ``span(start, end)`` works for any
    slice including an empty one at the end. Text that is its own original has a ``range``
    (a slice of it is one too), which holds no integer per character: a tuple of them would take
    36 bytes a character, 180 MB for a 5 MB document.
    """

    file: str
    text: str
    origin: Sequence[int]
    source: str
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def identity(cls, file: str, source: str) -> "CleanText":
        """Text that is its own original (nothing removed)."""
        return cls(file=file, text=source, origin=range(len(source) + 1), source=source)

    def _starts(self) -> tuple[int, ...]:
        if not self._line_starts:
            starts = [0] + [i + 1 for i, ch in enumerate(self.source) if ch == "\n"]
            object.__setattr__(self, "_line_starts", tuple(starts))
        return self._line_starts

    def original_offset(self, index: int) -> int:
        return self.origin[index]

    def span(self, start: int, end: int) -> Span:
        """The original-file Span of ``text[start:end]``. One ending on a letter the file writes with combining
        marks after it ("n" + U+0303, composed "ñ" in the text: ``parse.composed_letters``) takes in the marks."""
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        while end > start and o_end < len(self.source) and unicodedata.combining(self.source[o_end]):
            o_end += 1
        return span_at(self.file, self.source, o_start, o_end, self._starts())

    def without(self, pattern: "re.Pattern[str]") -> "CleanText":
        """The text with every match of ``pattern`` left out, still mapped to the same original (a citation's
        name with a soft hyphen or a zero-width space inside reads as the name)."""
        dropped = [(m.start(), m.end()) for m in pattern.finditer(self.text)]
        if not dropped:
            return self
        kept: list[int] = []
        last = 0
        for start, end in dropped:
            kept.extend(range(last, start))
            last = end
        kept.extend(range(last, len(self.text)))
        origin = [self.origin[i] for i in kept] + [self.origin[len(self.text)]]
        return CleanText(file=self.file, text="".join(self.text[i] for i in kept), origin=origin, source=self.source,
                         _line_starts=self._line_starts)

    def replaced(self, cuts: Sequence[tuple[int, int, str, Sequence[int]]]) -> "CleanText":
        """The text with each ``(start, end, new, origins)`` of ``cuts`` (in order, not overlapping) written
        ``new`` in place of ``text[start:end]``, each character of ``new`` mapped to its ``origins`` entry."""
        chars: list[str] = []
        origin: list[int] = []
        kept_from = 0
        for start, end, new, origins in cuts:
            chars.append(self.text[kept_from:start])
            origin.extend(self.origin[kept_from:start])
            chars.append(new)
            origin.extend(origins)
            kept_from = end
        chars.append(self.text[kept_from:])
        origin.extend(self.origin[kept_from:])  # with the end position
        return CleanText(file=self.file, text="".join(chars), origin=tuple(origin), source=self.source,
                         _line_starts=self._line_starts)

    def slice(self, start: int, end: int) -> "CleanText":
        """The part ``text[start:end]``, still mapped to the same original."""
        return CleanText(
            file=self.file,
            text=self.text[start:end],
            origin=self.origin[start : end + 1],
            source=self.source,
            _line_starts=self._line_starts,
        )


def span_at(file: str, source: str, start: int, end: int, line_starts: tuple[int, ...] | None = None) -> Span:
    """A Span for offsets ``start:end`` of ``source``."""
    if line_starts is None:
        line_starts = tuple([0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"])
    line_index = bisect.bisect_right(line_starts, start) - 1
    return Span(file=file, line=line_index + 1, column=start - line_starts[line_index] + 1, start=start, end=end)
