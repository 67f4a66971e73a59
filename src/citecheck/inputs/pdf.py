"""A PDF -> text, through pypdf (pure Python, maintained).

Pages are extracted in order and joined by newlines, each page after the first starting with a
form feed ("\f", as pdftotext marks pages; a page drawn row by row across two columns is read in
layout mode: ``_page_text``); running headers and footers (lines repeated on most pages) are left
in: ``parse.cleanup`` removes them, and joins a sentence or citation they split, exactly as for
text copied out of a PDF by hand (knowing where pages start, it also takes a line at the top or
bottom of every page as one: a header on two pages). Bare page numbers are dropped here, and an accent
pdfTeX draws before its letter ("Garc´ıa", "M¨uller") is joined to it ("García", "Müller"). A PDF
without a text layer (a scan), an encrypted one or a damaged one is an InputError.
"""
from __future__ import annotations

import io
import logging
import re
import unicodedata

from ..errors import InputError

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
        pages = [_page_text(page, path, number) for number, page in enumerate(reader.pages, start=1)]
    except PdfReadError as exc:
        raise InputError(f"is not a readable PDF ({exc})", path) from exc
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can fail anywhere inside pypdf
        raise InputError(f"is not a readable PDF ({type(exc).__name__}: {exc})", path) from exc
    lines = []
    for number, page in enumerate(pages, start=1):
        page_lines = _accents_joined(page).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        kept = _notes_marked([line.rstrip() for line in page_lines if not _PAGE_NUMBER.match(line)])
        log.debug("%s: page %d: %d lines", path, number, len(kept))
        if lines and kept:  # where the page starts, for parse.cleanup and parse.columns
            kept[0] = "\f" + kept[0].lstrip("\f")
        lines.extend(kept)
    text = "\n".join(lines).strip()
    if not text:
        raise InputError("the PDF has no text layer (a scan?); run OCR on it first", path)
    return text + "\n"


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


def _page_text(page, path: str, number: int) -> str:
    """A page's text in reading order. pypdf follows the content stream: a two-column page drawn
    column by column (LaTeX, Word) comes out column after column, but one drawn row by row comes
    out with each left line glued to the right one ("A study of Jones, K. (2018)"), beyond
    repair. Such a page is read again in layout mode, its columns apart by a wide gap, which
    ``parse.columns`` unjoins; a form feed marks where that page starts."""
    runs: list[tuple[float, float]] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001 - pypdf's visitor signature
        if text.strip():
            runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    text = page.extract_text(visitor_text=visit) or ""
    width = float(page.mediabox.width) if page.mediabox is not None else 612.0
    if not _rows_across_columns(runs, width):
        return text
    log.info("%s: page %d is drawn row by row across two columns; read in layout mode", path, number)
    return "\f" + (page.extract_text(extraction_mode="layout") or "")


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
