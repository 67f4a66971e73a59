"""The word space pypdf measures a TeX font's gaps against, where the font's own width at the space's code is no space.

pdfTeX draws no space character: a gap between words is a displacement in a ``TJ`` array ("[(See)-222(Knuth)]"),
and pypdf writes a space where a displacement is wide enough against the font's width of code 32 (pypdf issue
#3978). In a T1-encoded TeX font (``\\usepackage[T1]{fontenc}``, Latin Modern, cm-super) code 32 is the visible
space "␣", 500 units wide (525 in the typewriter fonts), wider than any word space: a line justified tight, its
gaps shrunk to 222 units, came out as one word, "SeeKnuth(1984),UrbanHeatNetwork(2022)", and its citations with
it. Such a font's width at 32 is taken, for the extraction only (the file is not changed), as TeX's word space, a
third of an em, when the font's encoding does not make code 32 a space (its differences name no "/space" there, and
it has no base encoding of its own) and the width there is wider than any font's word space.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

TEX_WORD_SPACE = 333  # a TeX roman font's interword space at 10pt: 3.33pt, a third of an em (cmr10, lmr10, ecrm1000)
WIDEST_WORD_SPACE = 400  # wider than any font's own space glyph (Times 250, Helvetica 278, Courier 600 is fixed-width)
SPACE_CODE = 32


def tex_word_spaces(page) -> int:  # noqa: ANN001 - a pypdf PageObject
    """Give each simple font of ``page`` whose width at code 32 is a T1 visible space TeX's word space instead
    (in the reader's copy of the font); the number of fonts changed."""
    from pypdf.generic import ArrayObject, DictionaryObject, NumberObject

    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    fonts = fonts.get_object() if fonts is not None else None
    if not isinstance(fonts, DictionaryObject):
        return 0
    changed = 0
    for name in list(fonts.keys()):
        font = fonts[name].get_object()
        if not isinstance(font, DictionaryObject) or font.get("/Subtype") != "/Type1":
            continue
        encoding = font.get("/Encoding")
        encoding = encoding.get_object() if encoding is not None else None
        widths = font.get("/Widths")
        widths = widths.get_object() if widths is not None else None
        first = font.get("/FirstChar")
        if (not isinstance(encoding, DictionaryObject) or "/BaseEncoding" in encoding or not isinstance(widths, ArrayObject)
                or first is None or not int(first) <= SPACE_CODE < int(first) + len(widths)):
            continue
        if _glyph_at(encoding.get("/Differences"), SPACE_CODE) == "/space":
            continue
        at = SPACE_CODE - int(first)
        if float(widths[at]) <= WIDEST_WORD_SPACE:
            continue
        log.debug("font %s (%s): width %s at code 32 is no word space; %d used", name, font.get("/BaseFont"),
                  widths[at], TEX_WORD_SPACE)
        widths[at] = NumberObject(TEX_WORD_SPACE)
        changed += 1
    return changed


def _glyph_at(differences, code: int) -> str:  # noqa: ANN001 - a pypdf ArrayObject or None
    """The glyph an encoding's ``/Differences`` array ("[21 /endash 39 /quoteright /parenleft ...]") names for
    ``code``, or ""."""
    at = -1
    for item in differences.get_object() if differences is not None else []:
        if isinstance(item, int):
            at = int(item)
            continue
        if at == code:
            return str(item)
        at += 1
    return ""
