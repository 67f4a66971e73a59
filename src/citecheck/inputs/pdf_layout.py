"""Where a PDF draws each line of its text: the lines in a page's margins and the page's footnotes.

pypdf hands every piece of text it extracts to a visitor with its position and font size; the pieces
joined are the page's text. Each line of that text is placed (``PlacedLine``: its baseline and the size
most of its characters are drawn at), and two kinds of line are told apart by where they are drawn,
which no reading of the text alone can do when a line is seen on one page only:

- a line in a page's margin (``margin_lines``): the page's lowest lines, or its highest, set apart from
  the text by a gap wider than ``MARGIN_GAP`` lines and drawn below (above) every other line of the
  document: a footer seen on the last page only ("2 Preprint - not peer reviewed"), a header on one page
  of two, but not a footnote (one opens with its mark). A line at the top is taken only in a document of
  two pages or more, never when larger than the body text (a heading, "1 Introduction"), and only when it
  is smaller, holds a digit (a page number, a volume, a year) or is at the top of every page: a "References"
  heading is never one; on a page printed alone, a smaller line opening with the date and time a browser
  prints there (``PRINT_STAMP``: "11/23/26, 7:35 PM Title"), which pypdf gives after the page's text, where
  it ran into the last reference ("Energy and Buildings, 140, 1–9. 11/23/26, 7:35 PM" read as page 35);
- a page's footnotes (``note_lines``): lines smaller than the body text, in one run to where the page's
  text (or its column) ends, the first opening with a raised mark ("1", "*") drawn smaller than its text.

A page whose pieces do not join to its text (pypdf's layout mode) is not placed: its lines are read as
they are.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

MARGIN_GAP = 1.6  # lines of the body's spacing between a margin line and the text
MAX_MARGIN_LINES = 2  # a header or footer is one line or two (on distinct baselines)
SMALLER = 0.9  # a size below this share of the body's is smaller than the body text
LARGER = 1.05  # a size above this share of the body's is larger (a heading's)
_NOTE_MARK = re.compile(r"[1-9]\d?|[*\u2217\u2020\u2021\u00a7\u00b6\u2016#a-z]")


@dataclass(frozen=True)
class PlacedLine:
    text: str
    y: float  # the baseline most of its characters are drawn on
    size: float  # the size most of its characters are drawn at
    mark: str = ""  # a raised mark opening it, drawn smaller than its text ("1" of a footnote)


@dataclass(frozen=True)
class Run:
    """A piece of text pypdf extracted, where it is drawn and at what size."""

    text: str
    y: float
    size: float


def run_at(text: str, cm: list[float], tm: list[float], size: float) -> Run:
    """The piece pypdf's visitor is given, placed on the page (``cm`` then ``tm``, as PDF draws it)."""
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
    return Run(text, y, abs(size * scale))


def placed_lines(text: str, runs: list[Run]) -> list[PlacedLine] | None:
    """Each line of ``text`` placed, or None when the runs do not join to the text."""
    if "".join(r.text for r in runs) != text:
        return None
    lines: list[PlacedLine] = []
    ys: Counter[float] = Counter()
    sizes: Counter[float] = Counter()
    pieces: list[tuple[str, Run]] = []
    for run in runs:
        parts = run.text.split("\n")
        for n, part in enumerate(parts):
            if part.strip():
                ys[round(run.y, 1)] += len(part.strip())
                sizes[round(run.size, 1)] += len(part.strip())
                pieces.append((part, run))
            if n < len(parts) - 1:
                lines.append(_line(ys, sizes, pieces))
                ys, sizes, pieces = Counter(), Counter(), []
    lines.append(_line(ys, sizes, pieces))
    return lines


def _line(ys: Counter[float], sizes: Counter[float], pieces: list[tuple[str, Run]]) -> PlacedLine:
    text = "".join(part for part, _ in pieces)
    if not pieces:
        return PlacedLine(text, math.nan, 0.0)
    y, size = ys.most_common(1)[0][0], sizes.most_common(1)[0][0]
    first, run = pieces[0]
    raised = len(pieces) > 1 and run.size < SMALLER * size and run.y > y + 0.2 * size
    mark = first.strip() if raised and _NOTE_MARK.fullmatch(first.strip()) else ""
    return PlacedLine(text, y, size, mark)


def body_size(pages: list[list[PlacedLine]]) -> float:
    """The size most of the document's characters are drawn at."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            if line.size:
                sizes[line.size] += len(line.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _spacing(pages: list[list[PlacedLine]], body: float) -> float:
    """The distance most often between two baselines of body text next to each other."""
    steps: Counter[float] = Counter()
    for page in pages:
        baselines = sorted({line.y for line in page if line.size and abs(line.size - body) < 0.5}, reverse=True)
        steps.update(round(a - b, 0) for a, b in zip(baselines, baselines[1:]) if 0.8 * body <= a - b <= 2.5 * body)
    return steps.most_common(1)[0][0] if steps else 1.2 * body


def margin_lines(pages: list[list[PlacedLine]]) -> list[set[int]]:
    """Per page, the indexes of its lines drawn in its margins (see the module's docstring)."""
    body = body_size(pages)
    if not body:
        return [set() for _ in pages]
    gap = MARGIN_GAP * _spacing(pages, body)
    bottom = [_edge(page, gap, low=True) for page in pages]
    top = [_edge(page, gap, low=False) for page in pages]
    text_ys = [line.y for page, lo, hi in zip(pages, bottom, top) for n, line in enumerate(page)
               if line.size and n not in lo and n not in hi]
    if not text_ys:
        return [set() for _ in pages]
    lowest, highest = min(text_ys), max(text_ys)
    margin = 0.5 * gap / MARGIN_GAP
    on_every = set.intersection(*({_folded(page[n].text) for n in hi} for page, hi in zip(pages, top)))
    out: list[set[int]] = []
    for page, lo, hi in zip(pages, bottom, top):
        kept = {n for n in lo if page[n].y < lowest - margin}
        kept |= {n for n in hi if page[n].y > highest + margin and page[n].size <= LARGER * body
                 and ((len(pages) > 1 and (page[n].size < SMALLER * body or any(c.isdigit() for c in page[n].text)
                                           or _folded(page[n].text) in on_every))
                      or (page[n].size < SMALLER * body and PRINT_STAMP.match(page[n].text.strip())))}
        out.append(kept)
    return out


# the date and time a browser prints at the top of each page it prints to PDF (Chrome's "11/23/26, 7:35 PM Title",
# "23/11/2026, 19:35 Title"): a header also on a page printed alone, where no other page tells it apart
PRINT_STAMP = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?!\S)")


def _folded(text: str) -> str:
    """A line as a running header repeats it: its case, spaces and numbers aside."""
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def _edge(page: list[PlacedLine], gap: float, low: bool) -> set[int]:
    """The page's lowest (highest) lines, on at most ``MAX_MARGIN_LINES`` baselines, set apart from the
    rest of its lines by more than ``gap``."""
    baselines = sorted({line.y for line in page if line.size}, reverse=not low)
    for k in range(1, min(MAX_MARGIN_LINES, len(baselines) - 1) + 1):
        if abs(baselines[k] - baselines[k - 1]) > gap:
            edge = set(baselines[:k])
            lines = {n for n, line in enumerate(page) if line.size and line.y in edge}
            return set() if any(page[n].mark for n in lines) else lines  # a footnote opens with its mark
    return set()


def note_lines(page: list[PlacedLine], body: float, skip: set[int]) -> list[int]:
    """The indexes of the page's footnote lines, in order (``skip``: its margin lines, passed over): each
    run of lines smaller than the body text that opens with a raised mark and reaches the page's end, or a
    line drawn above it (the next column's first)."""
    order = [n for n, line in enumerate(page) if n not in skip and line.text.strip()]
    notes: list[int] = []
    i = 0
    while i < len(order):
        if not (page[order[i]].mark and _small(page[order[i]], body)):
            i += 1
            continue
        j = i
        while j < len(order) and _small(page[order[j]], body):
            j += 1
        if j == len(order) or page[order[j]].y > page[order[j - 1]].y:
            notes.extend(order[i:j])
        i = j
    return notes


def _small(line: PlacedLine, body: float) -> bool:
    return bool(line.size) and line.size < SMALLER * body
