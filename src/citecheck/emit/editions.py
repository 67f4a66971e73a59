"""An edition's number as classic BibTeX writes it, an ordinal word, and back.

bibtex's standard styles (plain, abbrv, unsrt, alpha; natbib's plainnat) print ``edition`` followed by " edition",
lower-casing it mid-sentence: their convention is ``edition = {Second}`` ("Second edition", "second edition"), and
``{2}`` printed "2 edition". biblatex wants the integer and makes the ordinal itself (biblatex manual 2.2.2:
"Don't say edition={First} or edition={1st} but edition={1}"), as CSL does ("2nd ed."). So ``emit.bibtex_classic``
writes an edition that is a number as its word, and ``parse.bibtex`` reads an ordinal word back as the number: CSL's
``edition: "2"`` -> classic BibTeX -> CSL keeps "2", and a classic .bib's "Second" becomes biblatex's 2.
"""
from __future__ import annotations

import re

ORDINAL_WORDS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                 "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
                 "Eighteenth", "Nineteenth", "Twentieth")
_NUMBERS = {word.lower(): str(number) for number, word in enumerate(ORDINAL_WORDS, 1)}
_SUFFIXED = re.compile(r"(\d+)(?:st|nd|rd|th)")


def classic_edition(value: str) -> str:
    """``value`` as bibtex's styles want it: a number as its ordinal word ("2" -> "Second"), past the twentieth
    with its suffix ("21" -> "21st"); anything else ("Revised", "3rd ed.") as it is."""
    text = value.strip()
    if not text.isdigit() or not 0 < int(text):
        return value
    number = int(text)
    if number <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[number - 1]
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def edition_number(value: str) -> str:
    """An edition written as an ordinal word ("Second", "second") or as ``classic_edition`` writes one past the
    twentieth ("21st") as its number; anything else as it is."""
    text = value.strip()
    if text.lower() in _NUMBERS:
        return _NUMBERS[text.lower()]
    suffixed = _SUFFIXED.fullmatch(text)
    if suffixed and int(suffixed.group(1)) > len(ORDINAL_WORDS) and classic_edition(suffixed.group(1)) == text:
        return suffixed.group(1)
    return value
