"""Remove running page headers that PDF-to-text conversion leaves in the prose.

A PDF's running header (the title, "Written by ...") is repeated on every page and
lands in the middle of sentences, citations and reference entries. Lines that recur
at least ``min_repeats`` times (after folding markdown emphasis, heading marks and
case) are taken as page furniture and removed; where a removal splits a sentence
(the text before does not end a sentence, or the text after starts in lower case)
the two sides are joined with a space, otherwise a paragraph break is kept.
The result is a CleanText whose ``origin`` maps every character back to the file.

Before that, blocks of two columns joined side by side (PDF text in layout mode) are rewritten
column after column (``parse.columns``); a full-width header line between two pages' rows
ends one block, so each page's columns are unjoined on their own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import CleanText
from .columns import ColumnBlock, unjoin_columns
from .lines import line_starts

_MARKUP = re.compile(r"^[#>\s]+|[*_`]+")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = tuple(".!?:;)]>\"'”’*")
MIN_REPEATS = 3
MAX_HEADER_CHARS = 200


@dataclass(frozen=True)
class Cleaned:
    text: CleanText
    removed: tuple[str, ...]  # the distinct header lines removed, in first-seen order
    removed_count: int
    columns: tuple[ColumnBlock, ...] = ()  # the two-column blocks rewritten column after column


def fold_line(line: str) -> str:
    return _SPACE.sub(" ", _MARKUP.sub("", line)).strip().lower()


def _is_candidate(folded: str) -> bool:
    if not folded or len(folded) > MAX_HEADER_CHARS:
        return False
    letters = 0
    for ch in folded:  # at least four letters (stop counting at the fourth)
        if ch.isalpha():
            letters += 1
            if letters == 4:
                return True
    return False


def repeated_lines(lines: list[str], min_repeats: int = MIN_REPEATS) -> set[str]:
    counts = Counter(f for f in map(fold_line, lines) if _is_candidate(f))
    return {f for f, n in counts.items() if n >= min_repeats}


def remove_page_headers(file: str, source: str, min_repeats: int = MIN_REPEATS) -> Cleaned:
    """The text with two-column blocks unjoined (``parse.columns``), then page headers removed."""
    read = CleanText(file, source, tuple(range(len(source) + 1)), source, line_starts(source))
    raw_lines = source.split("\n")
    raw_headers = repeated_lines(raw_lines, min_repeats)
    barriers = {n for n, line in enumerate(raw_lines) if raw_headers and fold_line(line) in raw_headers}
    unjoined, columns = unjoin_columns(read, barriers)  # first, each page's columns apart (headers end them)
    text = unjoined.text
    lines = text.split("\n")
    headers = repeated_lines(lines, min_repeats)
    if not headers:  # the text as read (its line starts computed at once: every span needs them)
        return Cleaned(unjoined, (), 0, columns)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    removed = [fold_line(line) in headers for line in lines]
    builder = _Builder(unjoined)
    i = 0
    while i < len(lines):
        if not removed[i]:
            builder.keep(starts[i], starts[i] + len(lines[i]) + (1 if i < len(lines) - 1 else 0))
            i += 1
            continue
        j = i
        while j < len(lines) and (removed[j] or not lines[j].strip()):
            j += 1
        builder.bridge(starts[i], next_line=lines[j] if j < len(lines) else "")
        i = j
    seen: list[str] = []
    for line, gone in zip(lines, removed):
        if gone and line.strip() not in seen:
            seen.append(line.strip())
    cleaned = CleanText(file=file, text="".join(builder.chars), origin=tuple(builder.origin + [len(source)]),
                        source=source, _line_starts=read._line_starts)
    return Cleaned(cleaned, tuple(seen), sum(removed), columns)


class _Builder:
    """Accumulates kept characters and their original offsets."""

    def __init__(self, text: CleanText) -> None:
        self.text = text
        self.chars: list[str] = []
        self.origin: list[int] = []

    def keep(self, start: int, end: int) -> None:
        self.chars.extend(self.text.text[start:end])
        self.origin.extend(self.text.origin[start:end])

    def bridge(self, at: int, next_line: str) -> None:
        """Close the gap left by removed lines: a space inside a sentence, else a paragraph break."""
        while self.chars and self.chars[-1] in " \t\n":
            self.chars.pop()
            self.origin.pop()
        before = "".join(self.chars[-3:]).rstrip()
        after = next_line.lstrip()
        if not self.chars or not after:
            return
        splits_sentence = not before.endswith(_SENTENCE_END) or after[:1].islower()
        glue = " " if splits_sentence else "\n\n"
        self.chars.extend(glue)
        self.origin.extend([self.text.origin[at]] * len(glue))
