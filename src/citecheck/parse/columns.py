"""Two columns joined side by side (PDF text extracted in layout mode, or copied from a 2-column page).

Each physical line then holds a line of the left column and a line of the right column apart
by a wide gap of spaces::

    Smith, J. (2019). A study of              Jones, K. (2018). Another title
       river stages. Water, 3, 1-9.              of note. Rivers, 4, 5-6.

A block of such lines is found by the column where the right column's text starts: it is the
same (give or take ``JITTER``; a hanging indent may sit up to ``INDENT`` further right) on at
least ``MIN_SPLIT_ROWS`` lines where a gap of ``MIN_GAP`` spaces or more ends there. Inside the
block a line may also hold the left column alone (short of that column), the right column alone
(indented to it) or nothing. The block is rewritten as its left column's lines followed by its
right column's lines, so that wrapped entries and sentences are joined as usual; every character
keeps its offset in the file (``CleanText.origin``), only the gap's spaces are dropped, so every
line of the block ends up in the text and spans still point at the file.

Ordinary prose has no such gaps; indentation is not a gap (text must stand left of it); a table
is told apart by its short cells (on average both sides of a split line must hold at least
``MIN_WORDS`` words), code by its aligned comments or its fences, and one table row (or a few)
is never enough. A page break ends a block,
so that each page's columns are unjoined on their own: a form feed, a line the caller names as
a page header (``barriers``), or left-only lines between blank lines (a running header) before
the next page's rows. After the block's last right-column line, the left column may go on alone
(the right one ended): with lines about as wide as its own, also after a heading ("References"),
so that a short right column (one entry) is read after all of the left column, as on the page.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ..model import CleanText

MIN_GAP = 3  # spaces between the columns on the lines that establish a block
MIN_GAP_INSIDE = 2  # ... and on a line inside it (a long left line comes close to the right column)
MIN_SPLIT_ROWS = 4
MIN_SPLIT_SHARE = 0.5  # of the block's non-blank lines (up to its last line with a right column)
MIN_WORDS = 3.0  # mean words per side on split lines: fewer is a table of short cells
MIN_COLUMN = 12  # the right column starts at least this far right
JITTER = 2  # the right column's start may wander this far left ...
INDENT = 8  # ... and this far right (a hanging indent)
SEED_LINES = 12  # lines looked at for where a block's right column starts
COLUMN_TEXT = 0.6  # after a blank line, the left column goes on alone with lines this wide (of its widest)
MAX_HEADING_WORDS = 6  # ... or with a heading, then such lines
_COMMENT = ("#", "//", "--", "%", ";", "/*")
_PARAGRAPH_END = tuple(".!?:;)]\"'”’")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_GAP = re.compile(r"(?<=\S) {%d,}(?=\S)" % MIN_GAP_INSIDE)


@dataclass(frozen=True)
class ColumnBlock:
    """Lines ``first`` to ``last`` (1-based, of the text read) held two columns, the right one at ``column``."""

    first: int
    last: int
    column: int  # 0-based character column where the right column starts


@dataclass(frozen=True)
class _Row:
    kind: str  # "split", "left", "right", "blank"
    cut: int = 0  # where the left part ends (split rows)
    wide: bool = False  # a split row whose gap is at least MIN_GAP


def _classify(line: str, column: int) -> _Row | None:
    """How ``line`` sits in a block whose right column starts at ``column``; None: it does not."""
    if line == "\t":
        return None  # code, a table row
    body = line.rstrip()
    if not body.strip():
        return _Row("blank")
    indent = len(body) - len(body.lstrip(" "))
    if column - JITTER <= indent <= column + INDENT:
        return _Row("right")
    for gap in _GAP.finditer(body):
        if column - JITTER <= gap.end() <= column + INDENT:
            return _Row("split", gap.start(), gap.end() - gap.start() >= MIN_GAP)
    if len(body) <= column - MIN_GAP_INSIDE and "\t" not in body:
        return _Row("left")
    return None


def _grow(lines: list[str], first: int, column: int) -> tuple[int, list[_Row]]:
    """The rows from ``first`` that fit a block at ``column``, up to its last split or right row,
    and the left-only rows after it: those right after it, and after blank lines those as wide as
    the left column's text (``COLUMN_TEXT`` of its widest line)."""
    rows: list[_Row] = []
    last_core = -1
    for row_line in lines[first:]:
        row = _classify(row_line, column)
        if row is None or (rows and row_line.startswith("\f")):
            break  # a line of another shape, or a new page (a form feed, as pdftotext and inputs.pdf mark it)
        if row.kind == "split" and _page_break(rows):
            break
        rows.append(row)
        if row.kind in ("split", "right"):
            last_core = len(rows) - 1
    end = last_core + 1
    while end < len(rows) and rows[end].kind == "left":
        end += 1
    core = [len(lines[first + k].rstrip()) if r.kind == "left" else r.cut
            for k, r in enumerate(rows[:end]) if r.kind in ("left", "split")]
    wide = COLUMN_TEXT * max(core, default=0)
    at = end
    while at < len(rows):  # the left column going on alone after blank lines (the right one ended)
        stop, segment = _left_segment(rows, at)
        if segment == stop:
            break
        if max(len(lines[first + k].rstrip()) for k in range(stop, segment)) < wide:
            after = _left_segment(rows, segment)  # a heading ("References") whose text goes on in the column
            if not (_heading(lines[first + stop : first + segment]) and after[1] > after[0]
                    and max(len(lines[first + k].rstrip()) for k in range(*after)) >= wide):
                break  # a short line after the block ("After the list."): text of its own
            segment = after[1]
        end = at = segment
    return end, rows[:end]


def _left_segment(rows: list[_Row], at: int) -> tuple[int, int]:
    """(start, end) of the left-only rows that follow the blank rows from ``at``."""
    stop = at
    while stop < len(rows) and rows[stop].kind == "blank":
        stop += 1
    segment = stop
    while segment < len(rows) and rows[segment].kind == "left":
        segment += 1
    return stop, segment


def _heading(lines: list[str]) -> bool:
    """One short line that ends no sentence: "References", "## Works Cited"."""
    if len(lines) != 1:
        return False
    words = lines[0].split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not lines[0].rstrip().endswith(_PARAGRAPH_END)


def _page_break(rows: list[_Row]) -> bool:
    """Whether the rows so far end in blank, left-only, blank: a page's running header between
    two pages' columns (the right column is never empty just there while both go on)."""
    end = len(rows)
    if not end or rows[end - 1].kind != "blank":
        return False
    while end and rows[end - 1].kind == "blank":
        end -= 1
    lefts = end
    while lefts and rows[lefts - 1].kind == "left":
        lefts -= 1
    return 0 < lefts < end and rows[lefts - 1].kind == "blank"


def _is_block(lines: list[str], first: int, rows: list[_Row], proven: bool = False) -> bool:
    """Enough split lines, with words on both sides; ``proven``: a block at this column was found
    before (the next page's rows, however few, are columns too)."""
    split = [(first + i, r) for i, r in enumerate(rows) if r.kind == "split"]
    core = max((i for i, r in enumerate(rows) if r.kind in ("split", "right")), default=-1) + 1
    filled = [r for r in rows[:core] if r.kind != "blank"]  # the left column going on alone is no evidence
    wide = sum(r.wide for _, r in split)
    if wide < (1 if proven else MIN_SPLIT_ROWS) or len(split) < MIN_SPLIT_SHARE * len(filled):
        return False
    if sum(lines[i][r.cut :].lstrip().startswith(_COMMENT) for i, r in split) * 2 >= len(split):
        return False  # code with its comments aligned
    left_words = sum(len(lines[i][: r.cut].split()) for i, r in split) / len(split)
    right_words = sum(len(lines[i][r.cut :].split()) for i, r in split) / len(split)
    return min(left_words, right_words) >= MIN_WORDS


def _code_lines(lines: list[str], barriers: Collection[int]) -> list[str]:
    """``lines`` with the lines of fenced code blocks and Markdown table rows emptied of text
    (aligned comments and cells are no columns), and with fences and ``barriers`` as lines
    that are in no block (a tab alone: ``_classify`` stops there)."""
    out, fenced = [], False
    for number, line in enumerate(lines):
        fence = _FENCE.match(line)
        if fence:
            fenced = not fenced
        out.append("\t" if fence or fenced or number in barriers or line.lstrip().startswith("|") else line)
    return out


def _left_edge(wide_ends: list[list[int]], first: int, column: int) -> int:
    """Where the right column starts, seen from a gap ending at ``column`` on line ``first``: the
    leftmost wide gap end a little left of it on the next lines (the first may be a hanging indent)."""
    return min((end for ends in wide_ends[first : first + SEED_LINES] for end in ends
                if column - INDENT <= end <= column), default=column)


def find_column_blocks(lines: list[str], barriers: Collection[int] = ()) -> list[tuple[int, int, int, list[_Row]]]:
    """(first line index, end index, column, rows) of every two-column block, in order;
    ``barriers``: indexes of lines that end a block (a page's running header)."""
    lines = _code_lines(lines, barriers)
    wide = " " * MIN_GAP  # a line without such a run of spaces has no gap to look for
    wide_ends = [[g.end() for g in _GAP.finditer(line.rstrip()) if g.end() - g.start() >= MIN_GAP] if wide in line else []
                 for line in lines]
    blocks = []
    tried: dict[int, int] = {}  # column -> the line a failed block at it reached (a table is tried once)
    i = 0
    while i < len(lines):
        best = None
        for gap_end in wide_ends[i]:
            column = _left_edge(wide_ends, i, gap_end)
            if column < MIN_COLUMN:
                continue
            if any(tried.get(c, -1) > i for c in range(column - JITTER, column + JITTER + 1)):
                continue
            end, rows = _grow(lines, i, column)
            tried[column] = i + end
            proven = any(abs(column - b[2]) <= JITTER for b in blocks)
            if _is_block(lines, i, rows, proven) and (best is None or i + end > best[1]):
                best = (i, i + end, column, rows)
        if best is None:
            i += 1
            continue
        first, end, column, rows = best
        right_starts = [len(lines[first + k]) - len(lines[first + k].lstrip(" ")) if r.kind == "right"
                        else r.cut + len(lines[first + k][r.cut :]) - len(lines[first + k][r.cut :].lstrip(" "))
                        for k, r in enumerate(rows) if r.kind in ("split", "right")]
        blocks.append((first, end, min(right_starts), rows))
        i = end
    return blocks


def unjoin_columns(text: CleanText, barriers: Collection[int] = ()) -> tuple[CleanText, tuple[ColumnBlock, ...]]:
    """``text`` with each two-column block rewritten as its left column, then its right column;
    ``barriers``: indexes of lines that end a block (``parse.cleanup`` passes the page headers)."""
    lines = text.text.split("\n")
    blocks = find_column_blocks(lines, barriers)
    if not blocks:
        return text, ()
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    chars: list[str] = []
    origin: list[int] = []

    def put(start: int, end: int, newline_at: int | None) -> None:
        """Characters text[start:end], then a newline mapped to text offset ``newline_at``."""
        chars.extend(text.text[start:end])
        origin.extend(text.origin[start:end])
        if newline_at is not None:
            chars.append("\n")
            origin.append(text.origin[newline_at])

    found = []
    at = 0
    for first, end, column, rows in blocks:
        put(starts[at], starts[first], None)  # the lines before the block, newlines and all
        left, right = _cells(text.text, lines, starts, first, column, rows)
        column_lines = left + right
        block_end = starts[end - 1] + len(lines[end - 1])  # the newline after the block's last line
        for n, (a, b) in enumerate(column_lines):
            last = n == len(column_lines) - 1
            newline = None if last and block_end >= len(text.text) else (block_end if last else b)
            put(a, b, newline)
        at = end
        found.append(ColumnBlock(first=_line_of(text, starts[first]), last=_line_of(text, starts[end - 1]),
                                 column=column))
    put(starts[at] if at < len(lines) else len(text.text), len(text.text), None)
    rewritten = CleanText(file=text.file, text="".join(chars), origin=tuple(origin) + (text.origin[-1],),
                          source=text.source, _line_starts=text._line_starts)
    return rewritten, tuple(found)


def _cells(source: str, lines: list[str], starts: list[int], first: int, column: int,
           rows: list[_Row]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) in ``source`` of each line of the left column and of the right column.

    A row empty on one side is a blank line of that column only where its text so far ends a
    sentence: layout mode leaves a blank row where one column has a gap, and the other column's
    sentence (or entry) goes on across it. Once the right column has ended, the left one's blank
    lines are its own (after a heading too)."""
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []

    def add(cells: list[tuple[int, int]], start: int, end: int, kept: bool = False) -> None:
        if end > start or kept or (cells and source[cells[-1][0] : cells[-1][1]].rstrip().endswith(_PARAGRAPH_END)):
            cells.append((start, end))

    alone = max((k for k, r in enumerate(rows) if r.kind in ("split", "right")), default=-1)

    for k, row in enumerate(rows):
        line, base = lines[first + k], starts[first + k]
        body = len(line.rstrip())
        if row.kind == "split":
            add(left, base, base + row.cut)
            add(right, base + min(column, row.cut + len(line[row.cut :]) - len(line[row.cut :].lstrip(" "))), base + body)
        elif row.kind == "right":
            add(left, base, base)
            add(right, base + min(column, len(line) - len(line.lstrip(" "))), base + body)
        elif row.kind == "left":
            add(left, base, base + body)
            add(right, base + body, base + body)
        else:
            add(left, base, base, kept=k > alone)  # the left column alone: its blank lines are its own
            add(right, base, base)
    while left and left[-1][0] == left[-1][1]:
        left.pop()
    while right and right[-1][0] == right[-1][1]:
        right.pop()
    return left, right


def _line_of(text: CleanText, index: int) -> int:
    return text.span(index, index).line
