"""Remove running page headers and footers that PDF-to-text conversion leaves in the prose.

A PDF's running header (the title, "Written by ...") is repeated on every page and
lands in the middle of sentences, citations and reference entries. Lines that recur
at least ``min_repeats`` times (after folding markdown emphasis, heading marks and
case) a page apart (on different pages where pages are marked, else ``PAGE_GAP`` lines apart at
least, ``SENTENCE_PAGE_GAP`` for a line ending in a full stop; a line repeated closer is text, such
as the publisher line of three wrapped entries) are taken as page furniture and removed, and so
are lines that recur so once a page number at their start or end is masked ("Essays on Energy · 3",
"... · 4"; closer too where the numbers rise a page at a time) and
bare page numbers ("12" alone on a line, between text lines; not a run of them close
together, which is a list). Where the pages are known (``inputs.pdf`` starts each page after
the first with a form feed, "\\f") a line among the first ``PAGE_EDGE_LINES`` lines of every
page (all but one, for three pages or more) is a running header too, even on two pages, and
one among the last lines of every page a running footer. Where a removal splits a sentence
(the text before does not end a sentence, or the text after starts in lower case) the two
sides are joined with a space, otherwise a paragraph break is kept. A line break is kept instead of the
space where the text before ends in a link (a URL never ends with a full stop) or the text after opens
like a reference list's entry ("Xiang, B. (2013) ..."): the entry splitter then decides as it would
had the header not been there, so two entries do not become one. A line ``inputs.pdf`` found drawn in a
page's margin (opening with ``PDF_MARGIN``) is removed too, however often it is seen, and the notes it
writes after the text stay apart from the entry before them. Every removed line is
counted (``Cleaned.removed_count``) and named (``Cleaned.removed``).

The kept text has its ligatures ("ﬁ", "ﬂ" ...) written out as letters, its form feeds dropped, its
non-breaking spaces as spaces, its hyphens (U+2010, Word's non-breaking U+2011) as "-" and its soft hyphens dropped, with the line break after one (a PDF
viewer's copy: "Kowal\u00ad" / "ski, 2001" is "Kowalski, 2001", in a citation as in an entry); the
result is a CleanText whose ``origin`` maps every character back to the file (both letters of a
ligature to the ligature). Before all that, a manuscript's margin line numbers are taken off its
lines (``parse.line_numbers``) and letters written with combining marks are composed, "Mun\u0303oz" as "Muñoz"
(``parse.composed_letters``).

Before that, blocks of two columns joined side by side (PDF text in layout mode) are rewritten
column after column (``parse.columns``); a full-width header line between two pages' rows
ends one block, so each page's columns are unjoined on their own.

Last, a Wikipedia reference list copied as text keeps the back-links to the places an entry is
cited: "^" (one use), "^ a b c" (several), "↑" (other languages), at the start of each entry,
after its number if it has one. They are removed (``strip_backlinks``) and counted
(``Cleaned.backlinks``), so "^ a b Wheeler, Alwyne" reads as Wheeler's entry; entries copied without
their list numbers are numbered again in order, as the page showed them.
"""
from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, replace

from ..model import PDF_MARGIN, PDF_PLACED, CleanText
from .columns import ColumnBlock, unjoin_columns
from .composed_letters import compose_letters
from .line_numbers import strip_line_numbers
from .lines import entry_shape, line_starts

_LEADING = re.compile(r"^[#>\s\ufdd0\ufdd1]+")  # a heading's or quote's marks and indentation (and ``inputs.pdf``'s)
_EMPHASIS = re.compile(r"[*_`]+")
_SENTENCE_END = tuple(".!?:;)]>\"'”’*")
# a page number starting or ending a line, with the page count after it ("Page 2/5", "3 of 12")
_EDGE_NUMBER = re.compile(r"^\d{1,4}(?:[ \t]*(?:/|of)[ \t]*\d{1,4})?(?!\w)\s*|\s*(?<![\w/])\d{1,4}(?:[ \t]*(?:/|of)[ \t]*\d{1,4})?$")
# text that ends in a link, or in the piece of one wrapped onto its last line ("https://x.org/impact-" +
# "remittances-and-growth"): no sentence end tells whether its entry ends there
_ENDS_IN_LINK = re.compile(r"(?:https?://|www\.|doi:|\b10\.\d{4,9}/)\S*(?:\n[ \t]*[\w.~%+/?=&#\-]+)?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_NOTE_DEFINITION = re.compile(r"\[\^[^\]\s]+\]:")  # a Markdown note's first line: "[^1]: See also ..."
_BARE_NUMBER = re.compile(r"^\s*[1-9]\d{0,2}\s*$")  # "12" alone ("12." is a list's number: kept)
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# a PDF viewer's copy: a soft hyphen where a line broke a word ("Kowal\u00ad" / "ski"), non-breaking spaces
SOFT_HYPHEN_BREAK = re.compile("\u00ad[ \t]*\n?[ \t]*")
SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
# Unicode's hyphen and Word's non-breaking hyphen (Ctrl+Shift+-): "Kowalski\u2011Nowak" is Kowalski-Nowak
HYPHENS = {"\u2010": "-", "\u2011": "-"}
_PLAIN = {**SPACES, **HYPHENS}
_REWRITTEN = re.compile("[\f\u00ad" + PDF_PLACED + "".join(LIGATURES) + "".join(_PLAIN) + "]")
MIN_REPEATS = 3
MAX_HEADER_CHARS = 200
PAGE_EDGE_LINES = 2  # lines at the top (at the bottom) of a page that may be its header (its footer)
LIST_GAP = 12  # bare numbers fewer lines apart than this number a list, not pages
# a line repeated fewer lines apart than this is text, not a running header (pages not marked);
# pasted text may hold a page in a few long lines, so a page is taken to be this short
PAGE_GAP = 6
SENTENCE_PAGE_GAP = 15  # the same for a line ending in a full stop, as a wrapped entry's last line does
# Wikipedia's back-links at an entry's start, after its list marker: "^", "^ a b c", "↑", "^ Jump up to: a b" (the
# letters as pandoc writes a page's superscripts too, "^ ^a^ ^b^", "^ ^***a***^")
_BACKLINK = re.compile(
    r"^[ \t]*(?:\[\d{1,4}\][ \t]*|\d{1,4}[.)][ \t]+|[-*+•][ \t]+)?"
    r"(?P<mark>[\^↑](?:[ \t\u00a0]+Jump[ \t\u00a0]up(?:[ \t\u00a0]to)?:?)?)"
    r"(?P<letters>(?:[ \t\u00a0]+[\^*_]{0,4}[a-z]{1,2}[\^*_]{0,4}(?=[ \t\u00a0]))*)(?P<space>[ \t\u00a0]+)(?=\S)",
    re.MULTILINE,
)
# the letters of the back-links in order: a ... z, aa ... zz
_BACKLINK_LETTERS = tuple(string.ascii_lowercase) + tuple(a + b for a in string.ascii_lowercase for b in string.ascii_lowercase)


@dataclass(frozen=True)
class Cleaned:
    text: CleanText
    removed: tuple[str, ...]  # the distinct header lines (and page numbers) removed, in first-seen order
    removed_count: int
    columns: tuple[ColumnBlock, ...] = ()  # the two-column blocks rewritten column after column
    backlinks: int = 0  # Wikipedia back-links ("^", "^ a b") removed from the start of entries
    line_numbers: int = 0  # a manuscript's margin line numbers taken off the start of lines (``parse.line_numbers``)


@dataclass(frozen=True)
class Furniture:
    """Running headers and footers: folded lines, and folded lines with their page number masked."""

    exact: frozenset[str] = frozenset()
    masked: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.exact or self.masked)

    def holds(self, line: str) -> bool:
        folded = fold_line(line)
        if folded in self.exact:
            return True
        return bool(self.masked) and _is_candidate(folded) and mask_page_number(folded) in self.masked


def fold_line(line: str) -> str:
    """A line as headers are compared: without leading "#", ">" and Markdown emphasis, spaces folded,
    lower case (it runs on every line: each regular expression only where it can match)."""
    text = _LEADING.sub("", line) if line[:1] in "#>" or line[:1].isspace() else line
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split()).lower()


def mask_page_number(folded: str) -> str:
    """``folded`` with a number at its start or end as "#": a footer on any page folds alike."""
    if not (folded[:1].isdigit() or folded[-1:].isdigit()):
        return folded  # no number at either edge (str.isdigit accepts every digit \d matches)
    # _EDGE_NUMBER.sub("#", folded), its second branch, which ends the text, searched for only in the text's
    # last run of what it can hold (spaces, digits, "/" and "of"): a sub tried it at every character
    head = _EDGE_NUMBER.match(folded)
    at = head.end() if head else 0
    start = len(folded)
    while start > at and (folded[start - 1].isspace() or folded[start - 1].isdigit() or folded[start - 1] in "/of"):
        start -= 1
    tail = _EDGE_NUMBER.search(folded, start) if at < len(folded) else None
    if head is None and tail is None:
        return folded
    if tail is None:
        return "#" + folded[at:]
    return ("#" if head else "") + folded[at : tail.start()] + "#" + folded[tail.end() :]  # ("$" holds before a last "\n")


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


def repeated_lines(lines: list[str], min_repeats: int = MIN_REPEATS, at_edges: bool = True) -> Furniture:
    """The lines seen ``min_repeats`` times a page apart (as such, or with their page number masked
    on two page numbers at least), and those at a page's edge on every page where pages are marked
    ("\\f"). A page apart: on different pages where pages are marked, else ``PAGE_GAP`` lines apart
    at least (``SENTENCE_PAGE_GAP`` for a line ending in a full stop, as an entry's last line does);
    lines with page numbers that rise one page at a time may be closer (pasted text, short pages).
    A line repeated closer than that is text: the publisher line of three wrapped entries, an entry
    listed twice, "Ibid." lines."""
    folds = list(map(fold_line, lines))
    counts = Counter(f for f in folds if _is_candidate(f))
    masked: Counter[str] = Counter()
    variants: dict[str, set[str]] = {}
    for folded, n in counts.items():
        key = mask_page_number(folded)
        if key != folded:
            masked[key] += n
            variants.setdefault(key, set()).add(folded)
    exact = {f for f, n in counts.items() if n >= min_repeats}
    numbered = {m for m, n in masked.items() if n >= min_repeats and len(variants[m]) >= 2}
    page_of = _page_index(lines)
    if exact or numbered:
        exact, numbered = _a_page_apart(folds, page_of, exact, numbered)
    pages = _pages(lines, folds) if at_edges else []  # a PDF's placed pages: its margins are known (``PDF_PLACED``)
    if len(pages) >= 2:
        need = max(2, len(pages) - 1)
        for edge in (slice(None, PAGE_EDGE_LINES), slice(-PAGE_EDGE_LINES, None)):  # headers, then footers
            edges = [set(page[edge]) for page in pages]
            on_edges = Counter(f for lines_at in edges for f in lines_at)
            masked_edges = Counter(m for lines_at in edges for m in {mask_page_number(f) for f in lines_at} - lines_at)
            exact |= {f for f, n in on_edges.items() if n >= need}
            numbered |= {m for m, n in masked_edges.items() if n >= need}
    return Furniture(frozenset(exact), frozenset(numbered))


def _page_index(lines: list[str]) -> list[int]:
    """The page of each line (a line starting with a form feed starts one); empty where no page is marked."""
    if not any(line.startswith("\f") for line in lines):
        return []
    page_of: list[int] = []
    page = 0
    for line in lines:
        if line.startswith("\f"):
            page += 1
        page_of.append(page)
    return page_of


def _apart(at: list[int], page_of: list[int], gap: int) -> bool:
    """Every two successive lines of ``at`` (line indexes, in order) on different pages where pages
    are marked, else at least ``gap`` lines apart."""
    if page_of:
        return all(page_of[a] != page_of[b] for a, b in zip(at, at[1:]))
    return all(b - a >= gap for a, b in zip(at, at[1:]))


def _rising_pages(at: list[int], folds: list[str]) -> bool:
    """The numbers at the edge of the lines ``at`` go up a page or two at a time, as page numbers do."""
    previous = -1
    for i in at:
        found = _EDGE_NUMBER.search(folds[i])
        if found is None:
            return False
        number = int(_DIGITS.findall(found.group())[0])  # "2/5": page 2 (of 5)
        if previous >= 0 and not 0 < number - previous <= 2:
            return False
        previous = number
    return True


def _a_page_apart(folds: list[str], page_of: list[int], exact: set[str],
                  numbered: set[str]) -> tuple[set[str], set[str]]:
    """``exact`` and ``numbered`` (masked) lines kept only where their repeats are a page apart."""
    at_exact: dict[str, list[int]] = {f: [] for f in exact}
    at_masked: dict[str, list[int]] = {m: [] for m in numbered}
    for i, folded in enumerate(folds):
        if folded in at_exact:
            at_exact[folded].append(i)
        elif numbered and _is_candidate(folded):
            key = mask_page_number(folded)
            if key in at_masked:
                at_masked[key].append(i)
    kept = {f for f, at in at_exact.items()
            if _apart(at, page_of, SENTENCE_PAGE_GAP if f.endswith(".") else PAGE_GAP) or _opens_twice(f, at, page_of)}
    kept_masked = {m for m, at in at_masked.items()
                   if _apart(at, page_of, PAGE_GAP) or _rising_pages(at, folds)}
    return kept, kept_masked


def _opens_twice(folded: str, at: list[int], page_of: list[int]) -> bool:
    """Is a line that is on every page a page apart, but for its first two, close together, a running header
    all the same? E-International Relations' first page has the title as header and, after a few lines of
    notice, as the essay's heading: the repeats after the first are a page apart, ``MIN_REPEATS`` of them."""
    return (len(at) > MIN_REPEATS and at[0] < PAGE_GAP * 2
            and _apart(at[1:], page_of, SENTENCE_PAGE_GAP if folded.endswith(".") else PAGE_GAP))


def _pages(lines: list[str], folds: list[str]) -> list[list[str]]:
    """The candidate lines of each page (a line starting with a form feed starts one), folded."""
    if not any(line.startswith("\f") for line in lines):
        return []
    pages: list[list[str]] = [[]]
    for line, folded in zip(lines, folds):
        if line.startswith("\f") and pages[-1]:
            pages.append([])
        if _is_candidate(folded):
            pages[-1].append(folded)
    return [page for page in pages if page]


def page_numbers(lines: list[str]) -> set[int]:
    """Indexes of bare page numbers: a number alone on its line, with text before and after it,
    and no other such number within ``LIST_GAP`` lines (numbers close together are a list's)."""
    bare = [i for i, line in enumerate(lines) if _BARE_NUMBER.match(line)]
    if not bare:
        return set()
    text = [i for i, line in enumerate(lines) if line.strip() and not _BARE_NUMBER.match(line)]
    if not text:
        return set()
    listed = {i for a, b in zip(bare, bare[1:]) if b - a < LIST_GAP for i in (a, b)}
    listed -= {i for i in bare if _at_page_mark(lines, i)}  # next to a form feed: a page's number, pages short or not
    return {i for i in bare if i not in listed and text[0] < i < text[-1]}


def _at_page_mark(lines: list[str], at: int) -> bool:
    """Is line ``at`` the last line of a page (the next non-blank line starts with a form feed) or the
    first (its own line, or the blank ones just before it, starts with one)?"""
    after = next((line for line in lines[at + 1 :] if line.strip()), "")
    if after.startswith("\f") or lines[at].startswith("\f"):
        return True
    k = at - 1
    while k >= 0 and not lines[k].strip(" \t"):
        if lines[k].startswith("\f"):
            return True
        k -= 1
    return False


def _furniture_lines(lines: list[str], min_repeats: int) -> list[bool]:
    furniture = repeated_lines(lines, min_repeats, at_edges=not (lines and lines[0].startswith(PDF_PLACED)))
    numbers = page_numbers(lines)
    return [n in numbers or line.lstrip("\f" + PDF_PLACED).startswith(PDF_MARGIN) or (bool(furniture) and furniture.holds(line))
            for n, line in enumerate(lines)]


def remove_page_headers(file: str, source: str, min_repeats: int = MIN_REPEATS) -> Cleaned:
    """The text with two-column blocks unjoined (``parse.columns``), then page headers removed."""
    read = CleanText(file, source, range(len(source) + 1), source, line_starts(source))
    read, line_numbers = strip_line_numbers(read)  # a manuscript's margin numbers first: "412 Sleep was ..."
    read = compose_letters(read)  # "Mun\u0303oz" is "Muñoz" (``parse.composed_letters``)
    raw_lines = read.text.split("\n")
    furniture = _furniture_lines(raw_lines, min_repeats)
    barriers = {n for n, gone in enumerate(furniture) if gone}
    unjoined, columns = unjoin_columns(read, barriers)  # first, each page's columns apart (headers end them)
    text = unjoined.text
    lines = text.split("\n")
    removed = _furniture_lines(lines, min_repeats) if columns else furniture  # no columns: the same lines
    if not any(removed) and not _REWRITTEN.search(text):  # the text as read (its line starts computed at once)
        return _without_backlinks(Cleaned(unjoined, (), 0, columns, line_numbers=line_numbers))
    if not any(removed):  # characters to write out only (a soft hyphen, a ligature): no line to bridge
        chars, kept = _written_out(unjoined)
        cleaned = CleanText(file=file, text=chars, origin=tuple(kept + [len(source)]), source=source,
                            _line_starts=read._line_starts)
        return _without_backlinks(Cleaned(cleaned, (), 0, columns, line_numbers=line_numbers))
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
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
        if gone and line.strip().lstrip(PDF_PLACED + PDF_MARGIN) not in seen:
            seen.append(line.strip().lstrip(PDF_PLACED + PDF_MARGIN))
    cleaned = CleanText(file=file, text="".join(builder.chars), origin=tuple(builder.origin + [len(source)]),
                        source=source, _line_starts=read._line_starts)
    return _without_backlinks(Cleaned(cleaned, tuple(seen), sum(removed), columns, line_numbers=line_numbers))


def _written_out(read: CleanText) -> tuple[str, list[int]]:
    """The text and origins ``_Builder.keep`` gives of every line of ``read`` (ligatures written out, no
    soft hyphens nor form feeds), the text between those characters taken a slice at a time rather than
    a character at a time: a soft hyphen's break ends at its line's end, as ``keep`` of the line ends it."""
    text, origin = read.text, read.origin
    pieces: list[str] = []
    kept: list[int] = []
    at = 0
    for m in _REWRITTEN.finditer(text):
        k = m.start()
        if k < at:  # inside a soft hyphen's break
            continue
        pieces.append(text[at:k])
        kept.extend(origin[at:k])
        ch = text[k]
        if ch == "\u00ad":
            newline = text.find("\n", k)
            end = len(text) if newline < 0 else newline + 1
            joined = SOFT_HYPHEN_BREAK.match(text, k)
            at = max(k + 1, min(end, joined.end() if joined is not None else k + 1))
            continue
        letters = _letters(ch)
        pieces.append(letters)
        kept.extend([origin[k]] * len(letters))
        at = k + 1
    pieces.append(text[at:])
    kept.extend(origin[at:len(text)])
    return "".join(pieces), kept


def _letters(ch: str) -> str:
    """What a character ``_REWRITTEN`` finds is written as: nothing (a form feed, the PDF's placed-pages mark),
    a ligature's letters, a space or a hyphen."""
    return "" if ch in ("\f", PDF_PLACED) else LIGATURES.get(ch) or _PLAIN.get(ch, ch)


def _without_backlinks(cleaned: Cleaned) -> Cleaned:
    text, count = strip_backlinks(cleaned.text)
    return replace(cleaned, text=text, backlinks=count) if count else cleaned


def strip_backlinks(text: CleanText) -> tuple[CleanText, int]:
    """``text`` without Wikipedia's back-links at the start of its lines (the list marker kept), and how
    many were removed. "^ a b" loses its letters only when they run a, b, c ... (two at least), so
    "^ a study" keeps its "a". Entries copied without their numbers (a browser copies an ``<ol>``'s items,
    not its numbers) get them back, "^ Ólafsson, Jón" -> "1. Ólafsson, Jón", so the page's "[1]" cites them."""
    if "^" not in text.text and "↑" not in text.text:
        return text, 0
    matches = list(_BACKLINK.finditer(text.text))
    numbers = _lost_numbers(text.text, matches)
    cuts: list[tuple[int, int, str]] = []
    for m, number in zip(matches, numbers):
        letters = [letter.strip("^*_") for letter in m.group("letters").split()]  # pandoc's superscripts "^a^ ^b^"
        end = m.end() if len(letters) >= 2 and tuple(letters) == _BACKLINK_LETTERS[: len(letters)] else -1
        if end < 0:  # the letters are words of the entry: only the mark goes (with the space after it)
            gap = re.match(r"[ \t\u00a0]+", text.text[m.end("mark") :])
            end = m.end("mark") + (gap.end() if gap else 0)
        cuts.append((m.start("mark"), end, f"{number}. " if number else ""))
    if not cuts:
        return text, 0
    stripped = text.replaced([(start, end, inserted, [text.origin[start]] * len(inserted)) for start, end, inserted in cuts])
    return stripped, len(cuts)


_HEADING_WORDS = 5


def _lost_numbers(text: str, matches: list[re.Match[str]]) -> list[int]:
    """The number each back-linked entry had in its list, when none kept one (else 0s): counted
    1, 2, 3 ... in order, from 1 again after a heading between entries ("Notes" then "References")."""
    if len(matches) < 2 or any(text[m.start() : m.start("mark")].strip() for m in matches):
        return [0] * len(matches)
    numbers: list[int] = []
    previous_end = -1
    for m in matches:
        between = text[previous_end:m.start()].splitlines() if previous_end >= 0 else []
        heading = any(line.strip() and len(line.split()) <= _HEADING_WORDS and not line.rstrip().endswith(".")
                      for line in between[1:])
        numbers.append(1 if not numbers or heading else numbers[-1] + 1)
        previous_end = m.end()
    return numbers


class _Builder:
    """Accumulates kept characters and their original offsets."""

    def __init__(self, text: CleanText) -> None:
        self.text = text
        self.chars: list[str] = []
        self.origin: list[int] = []

    def keep(self, start: int, end: int) -> None:
        """Characters ``start:end``, ligatures written out (each letter mapped to the ligature), no form feeds."""
        text, origin = self.text.text, self.text.origin
        if not _REWRITTEN.search(text, start, end):
            self.chars.extend(text[start:end])
            self.origin.extend(origin[start:end])
            return
        k = start
        while k < end:
            if text[k] == "\u00ad":  # the word goes on, on this line or the next: "Kowalski"
                joined = SOFT_HYPHEN_BREAK.match(text, k)
                k = max(k + 1, min(end, joined.end() if joined is not None else k + 1))
                continue
            letters = _letters(text[k])
            self.chars.extend(letters)
            self.origin.extend([origin[k]] * len(letters))
            k += 1

    def bridge(self, at: int, next_line: str) -> None:
        """Close the gap left by removed lines: a space inside a sentence, else a paragraph break; a line
        break after a link or before a line that opens like an entry (the list's splitter decides)."""
        while self.chars and self.chars[-1] in " \t\n":
            self.chars.pop()
            self.origin.pop()
        before = "".join(self.chars[-3:]).rstrip()
        after = next_line.lstrip()
        if not self.chars or not after:
            return
        splits_sentence = not before.endswith(_SENTENCE_END) or after[:1].islower()
        glue = " " if splits_sentence else "\n\n"
        if splits_sentence and (entry_shape(after) is not None or _ENDS_IN_LINK.search("".join(self.chars[-300:]))):
            glue = "\n"
        if _NOTE_DEFINITION.match(after):  # a PDF's footnotes, written after its text (``inputs.pdf``)
            glue = "\n\n"
        self.chars.extend(glue)
        self.origin.extend([self.text.origin[at]] * len(glue))
