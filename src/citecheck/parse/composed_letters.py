"""Letters written as a base letter and combining marks, composed: "Mun\u0303oz" is "Muñoz", "Garcı\u0301a" "García".

Text can hold an accented letter as two characters: a PDF whose font has no glyph for "ñ" draws an "n" and a
tilde (pypdf gives "n" + U+0303), macOS writes file names and some pasted text decomposed (NFD), and TeX's
``\\'{\\i}`` draws the accent over a dotless i, which a PDF's text gives as "ı" + U+0301. A reference list typed
or exported elsewhere writes the one character (NFC). The citation patterns read a name a letter at a time, and a
combining mark is no letter: "Mun\u0303oz (2017)" read as no citation at all, and "(Lo\u0308we & García, 2020)"
as a name no entry has. So the text is composed (Unicode NFC) before anything reads it, a dotless i or j under
an accent above taken as the i or j it is; each composed letter maps to its base letter in the file
(``CleanText.origin``), and a span ending on it reaches over its marks (``CleanText.span``). The fields of
structured exports (RIS, CSL-JSON) are composed as they are read (``composed_text``), as BibTeX's are.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import CleanText

# combining marks (the Combining Diacritical Marks blocks), and a letter with the marks after it
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# (written so, not "[...]+", the pattern opens with a character set: a search then skips ahead to a mark,
# where a repeat first tried a match at every character, a 160,000-character list's at 170 instructions each)
_MARK_RUN = re.compile(f"[{_MARKS}][{_MARKS}]*")
_DECOMPOSED = re.compile(f"[^\\W\\d_][{_MARKS}]+")
_LETTER = re.compile(r"[^\W\d_]")
_DOTLESS = {"\u0131": "i", "\u0237": "j"}
_ABOVE = 230  # the canonical combining class of a mark drawn above its letter (acute, grave, tilde ...)


def composed_letter(letters: str) -> str:
    """ "n\u0303" -> "ñ"; "ı\u0301" -> "í" (the accent takes the place of the dot); "x\u0301" stays as it is
    (Unicode has no such letter)."""
    base, marks = letters[0], letters[1:]
    if base in _DOTLESS and any(unicodedata.combining(m) == _ABOVE for m in marks):
        base = _DOTLESS[base]
    composed = unicodedata.normalize("NFC", base + marks)
    return composed if len(composed) < len(letters) else letters


def composed_text(text: str) -> str:
    """A field's value with its letters composed (an RIS or CSL-JSON export's "Mun\u0303oz" is "Muñoz", as a
    .bib's is once decoded): pdflatex's inputenc stops on a combining mark in a .bib written from it ("Unicode
    character U+0303 not set up for use with LaTeX")."""
    if not _MARK_RUN.search(text):  # (a scan for a mark alone: most text has none)
        return text
    return _DECOMPOSED.sub(lambda m: composed_letter(m.group()), text)


def compose_letters(text: CleanText) -> CleanText:
    """``text`` with every letter written with combining marks composed, still mapped to the file (``text``
    itself when it holds no such letter)."""
    # each run of marks and the letter before it: looked for from the marks, which most text has none of (a
    # pattern that tried every letter cost a twentieth of a reference list's whole parse)
    whole = text.text
    found = [(m.start() - 1, m.end(), composed_letter(whole[m.start() - 1:m.end()])) for m in _MARK_RUN.finditer(whole)
             if m.start() > 0 and _LETTER.match(whole, m.start() - 1)]
    found = [(start, end, letters) for start, end, letters in found if len(letters) < end - start]
    if not found:
        return text
    # each composed letter to its base letter; marks NFC could not take in to the last marks
    return text.replaced([(start, end, letters, [text.origin[start], *text.origin[end - len(letters) + 1:end]])
                          for start, end, letters in found])
