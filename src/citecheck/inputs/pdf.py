"""A PDF -> text, through pypdf (pure Python, maintained).

Pages are extracted in order and joined by newlines, each page after the first starting with a
form feed ("\f", as pdftotext marks pages; a page drawn row by row across two columns is read in
layout mode: ``_page_text``); running headers and footers (lines repeated on most pages) are left
in: ``parse.cleanup`` removes them, and joins a sentence or citation they split, exactly as for
text copied out of a PDF by hand (knowing where pages start, it also takes a line at the top or
bottom of every page as one: a header on two pages). Where pypdf places each line (``inputs.pdf_layout``),
a line drawn in a page's margin is marked as one (``PDF_MARGIN``: a header or footer seen once, which
``parse.cleanup`` removes and names; with every page placed, the text opens with ``PDF_PLACED``), and a
page's footnotes (smaller type under a raised number) are taken out of the page's text and written after
all of it as Markdown notes ("[^1]: See also ..."), read with the body and never glued to the entry the
page ends on. Bare page numbers are dropped here, an accent
pdfTeX draws before its letter ("Garc´ıa", "M¨uller") is joined to it ("García", "Müller"), and the codes of a
T1 font drawn as bitmaps, which pypdf gives as control characters, are the dashes, quotes and ligatures they
stand for ("33\x1541" is "33–41"). A T1 TeX font's gaps between words are measured against TeX's word space,
not the visible space "␣" the font has at the space's code (``inputs.pdf_spaces``). A PDF
without a text layer (a scan), an encrypted one or a damaged one is an InputError.
"""
from __future__ import annotations

import io
import logging
import re
import unicodedata

from ..errors import InputError
from ..model import PDF_MARGIN, PDF_PLACED
from .pdf_layout import PlacedLine, Run, body_size, margin_lines, note_lines, placed_lines, run_at
from .pdf_spaces import tex_word_spaces

log = logging.getLogger(__name__)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)


def pdf_text(data: bytes, path: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        raise InputError("reading PDF needs pypdf (pip install pypdf)", path) from exc
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # an owner password only: readable without asking
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise InputError(f"is an encrypted PDF; decrypt it first ({exc})", path) from exc
            if not opened:  # PasswordType.NOT_DECRYPTED: it needs the user's password
                raise InputError("is an encrypted PDF that needs a password; decrypt it first "
                                 "(e.g. qpdf --password=PASSWORD --decrypt in.pdf out.pdf)", path)
        read = [_page_text(page, path, number) for number, page in enumerate(reader.pages, start=1)]
    except PdfReadError as exc:
        raise InputError(f"is not a readable PDF ({exc})", path) from exc
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can fail anywhere inside pypdf
        raise InputError(f"is not a readable PDF ({type(exc).__name__}: {exc})", path) from exc
    pages = [_accents_joined(_t1_controls_written(text.replace(PDF_MARGIN, "").replace(PDF_PLACED, ""))).replace("\r\n", "\n")
             .replace("\r", "\n").split("\n") for text, _ in read]
    placed = [p if p is not None and len(p) == len(lines) else [] for (_, p), lines in zip(read, pages)]
    margins = margin_lines(placed)
    body = body_size(placed)
    lines: list[str] = []
    notes: list[str] = []
    for number, (page_lines, page_placed, margin) in enumerate(zip(pages, placed, margins), start=1):
        moved = note_lines(page_placed, body, margin) if page_placed else []
        notes += _notes_written([(page_lines[n].strip(), page_placed[n].mark) for n in moved])
        kept = _notes_marked([PDF_MARGIN + line.rstrip() if n in margin else line.rstrip()
                              for n, line in enumerate(page_lines) if not _PAGE_NUMBER.match(line) and n not in moved])
        log.debug("%s: page %d: %d lines, %d in its margins, %d of its footnotes", path, number, len(kept),
                  len(margin), len(moved))
        if lines and kept:  # where the page starts, for parse.cleanup and parse.columns
            kept[0] = "\f" + kept[0].lstrip("\f")
        lines.extend(kept)
    text = "\n".join(lines).strip()
    if not text:
        raise InputError("the PDF has no text layer (a scan?); run OCR on it first", path)
    placed_all = all(placed) and bool(placed)
    return (PDF_PLACED if placed_all else "") + text + "\n" + ("\n" + "\n".join(notes) + "\n" if notes else "")


def _notes_written(lines: list[tuple[str, str]]) -> list[str]:
    """Footnote lines (each with the raised mark that opens a note, if it opens one) as Markdown writes
    notes, "[^1]: See also ...", the note's other lines run on below it."""
    out: list[str] = []
    for line, mark in lines:
        if mark and line.startswith(mark):
            out.append(f"[^{mark}]: {line[len(mark):].lstrip()}")
        elif out:
            out.append(line)
        else:  # a note's lines whose first line is on the page before: its own note
            out.append(f"[^*]: {line}")
    return out


# pdfTeX with its default (OT1) fonts draws an accent as a glyph of its own before the letter, and pypdf gives
# it as a spacing accent: "Garc´ıa" (a dotless i under it), "M¨uller", "Dvoˇr´ak", "Fran¸cois"
_SPACING_ACCENTS = {"\u00b4": "\u0301", "\u00a8": "\u0308", "\u02c6": "\u0302", "\u02dc": "\u0303", "\u02c7": "\u030c",
                    "\u02da": "\u030a", "\u02dd": "\u030b", "\u00b8": "\u0327", "\u02d8": "\u0306", "\u00af": "\u0304",
                    "\u02d9": "\u0307", "\u02db": "\u0328"}
_ACCENT_BEFORE_LETTER = re.compile("(?P<accent>[" + "".join(_SPACING_ACCENTS) + "])(?P<letter>[^\\W\\d_])")
_DOTLESS = {"\u0131": "i", "\u0237": "j"}


def _accents_joined(text: str) -> str:
    """A spacing accent drawn before its letter written as the accented letter ("Garc´ıa" is "García"),
    when Unicode has one ("´x" is left as it is)."""

    def joined(m: re.Match[str]) -> str:
        letter = m.group("letter")
        composed = unicodedata.normalize("NFC", _DOTLESS.get(letter, letter) + _SPACING_ACCENTS[m.group("accent")])
        return composed if len(composed) == 1 else m.group()

    return _ACCENT_BEFORE_LETTER.sub(joined, text)


# pdfTeX's T1 (Cork) fonts, drawn as bitmaps (Type 3, where cm-super is not installed), have glyph names pypdf
# cannot read ("/a21"), and it gives their codes: the dashes, quotation marks, guillemets and ligatures T1 keeps below
# the space are control characters then ("pages 33\x1541", "\x10quoted\x11", "e\x1bort"); no text has them
_T1_CONTROLS = {"\x0e": "\u2039", "\x0f": "\u203a", "\x10": "\u201c", "\x11": "\u201d",
                "\x12": "\u201e", "\x13": "\u00ab", "\x14": "\u00bb", "\x15": "\u2013", "\x16": "\u2014", "\x17": "",
                "\x19": "\u0131", "\x1a": "\u0237", "\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi", "\x1f": "ffl"}
_T1_CONTROL = re.compile("[\x0e-\x17\x19-\x1f]")


def _t1_controls_written(text: str) -> str:
    """The characters a T1 font's codes below the space stand for, where pypdf gives the codes ("33\x1541" is
    "33–41", "e\x1bort" "effort"). A carriage return (also T1's single low quotation mark) is left as a line end."""
    return _T1_CONTROL.sub(lambda m: _T1_CONTROLS[m.group()], text)


# a footnote's first line as pypdf gives it, its raised number glued to its text: "1See also Lane (2014)."
_NOTE_START = re.compile(r"^(?P<number>[1-9]\d?)(?=[A-Z][a-z])")


def _notes_marked(lines: list[str]) -> list[str]:
    """A page's lines with each footnote's first line written as Markdown writes a note, "[^1]: See also
    ...", when the page's text before it has that number as a raised marker ("... 2018).1 Further"):
    a note at the foot of the page holding the reference list is then no entry of it
    (``parse.trailing_notes``), and its citations are read."""
    out: list[str] = []
    for line in lines:
        start = _NOTE_START.match(line)
        if start and out and re.search(rf"[^\s\d]{start.group('number')}(?!\d)", "\n".join(out)):
            line = f"[^{start.group('number')}]: {line[start.end():]}"
        out.append(line)
    return out


def _page_text(page, path: str, number: int) -> tuple[str, list[PlacedLine] | None]:
    """A page's text in reading order. pypdf follows the content stream: a two-column page drawn
    column by column (LaTeX, Word) comes out column after column, but one drawn row by row comes
    out with each left line glued to the right one ("A study of Jones, K. (2018)"), beyond
    repair. Such a page is read again in layout mode, its columns apart by a wide gap, which
    ``parse.columns`` unjoins; a form feed marks where that page starts. With the text, each of its
    lines placed on the page (``inputs.pdf_layout``), unless it was read in layout mode."""
    runs: list[tuple[float, float]] = []
    pieces: list[Run] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001 - pypdf's visitor signature
        if text.strip():
            runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
        pieces.append(run_at(text, cm, tm, size or 0.0))

    try:
        tex_word_spaces(page)  # a T1 TeX font's "␣" at code 32 is no word space: "SeeKnuth(1984)" otherwise
    except (AttributeError, KeyError, TypeError, ValueError) as exc:  # fonts beyond use: pypdf's own reading
        log.debug("%s: page %d: word spaces not set (%s)", path, number, exc)
    text = page.extract_text(visitor_text=visit) or ""
    width = float(page.mediabox.width) if page.mediabox is not None else 612.0
    if not _rows_across_columns(runs, width):
        try:
            return text, placed_lines(text, pieces)
        except (ArithmeticError, TypeError, ValueError) as exc:  # positions beyond use: the text as read
            log.debug("%s: page %d: lines not placed (%s)", path, number, exc)
            return text, None
    log.info("%s: page %d is drawn row by row across two columns; read in layout mode", path, number)
    return "\f" + (page.extract_text(extraction_mode="layout") or ""), None


MIN_CROSSINGS = 4
CROSSING_SHARE = 0.6  # of the page's rows (distinct baselines)


def _rows_across_columns(runs: list[tuple[float, float]], width: float) -> bool:
    """Whether the content stream goes left column -> right column on the same baseline, row
    after row (to one right-column x), as a two-column page drawn row by row does."""
    targets = [round(b[0]) for a, b in zip(runs, runs[1:]) if abs(a[1] - b[1]) < 1.0 and b[0] - a[0] > 0.3 * width
               and b[0] > 0.35 * width]
    if len(targets) < MIN_CROSSINGS:
        return False
    common = max(sum(abs(t - u) <= 3 for u in targets) for t in targets)
    rows = len({round(y) for _, y in runs})
    return common >= MIN_CROSSINGS and common >= CROSSING_SHARE * rows / 2


def is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"
