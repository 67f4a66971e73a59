"""The numbers Word shows before the paragraphs of a numbered list (a .docx's ``word/numbering.xml``).

A reference list numbered by Word itself (the "List Number" style, the Numbering button) has its
"1.", "2.", "[3]" only in the list's format, not in the text: without them an IEEE or Vancouver
list has no labels, and its "[1]" citations cite nothing. ``ListNumbers.label`` gives the label
Word draws before a paragraph, so ``inputs.docx`` writes it at the start of the paragraph's text,
where ``parse.references`` reads an entry's label as it does in a typed or Markdown list.

A paragraph is numbered by its own ``w:pPr/w:numPr`` (``w:numId``, ``w:ilvl``) or, failing that,
by its style's (and the styles that style is based on). The numbering is kept simple, as Word
keeps it in the common case: paragraphs of one ``numId`` are counted in document order, from the
level's ``w:start`` (or a ``w:startOverride`` of the ``numId``); a paragraph at one level restarts
the deeper levels. Word's rarer rules (a ``numId`` continuing another of the same abstract list,
``w:lvlRestart``, legal numbering) are not followed. Only counted formats are labelled (decimal,
letters, roman numerals): a bulleted list gets nothing; a level whose text is not a label ("%1")
gets "N." as a browser would show it.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVEL_TEXT = re.compile(r"^[\[(]?%(\d)[.)\]]?$")  # "%1.", "[%1]", "(%1)", "%1)"


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters, "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),
}


def _int(element: ET.Element | None, default: int = 0) -> int:
    value = element.get(_W + "val") if element is not None else None
    return int(value) if value is not None and value.lstrip("-").isdigit() else default


@dataclass
class ListNumbers:
    """The levels of each ``numId`` and the counters of the lists met so far in the document."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes) -> ListNumbers:
        """The numbering of a .docx (none when it has no ``word/numbering.xml`` or cannot read it)."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/numbering.xml" not in archive.namelist():
                    return cls()
                root = ET.fromstring(archive.read("word/numbering.xml"))
        except (zipfile.BadZipFile, ET.ParseError):
            return cls()  # the text is still read, only without list numbers
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(_W + "abstractNum"):
            abstract[node.get(_W + "abstractNumId") or ""] = {
                _int_attr(lvl, "ilvl"): _Level(_val(lvl.find(_W + "numFmt")) or "decimal", _val(lvl.find(_W + "lvlText")),
                                               _int(lvl.find(_W + "start"), 1))
                for lvl in node.findall(_W + "lvl")}
        levels: dict[str, dict[int, _Level]] = {}
        for num in root.iter(_W + "num"):
            base = dict(abstract.get(_val(num.find(_W + "abstractNumId")), {}))
            for override in num.findall(_W + "lvlOverride"):
                ilvl, start = _int_attr(override, "ilvl"), override.find(_W + "startOverride")
                if ilvl in base and start is not None:
                    level = base[ilvl]
                    base[ilvl] = _Level(level.fmt, level.text, _int(start, level.start))
            levels[num.get(_W + "numId") or ""] = base
        return cls(levels)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word shows before the next paragraph of list ``num_id`` at level ``ilvl`` ("3.",
        "[3]"), counting it; "" for a bullet or a list the document does not define."""
        level = self.levels.get(num_id, {}).get(ilvl)
        if level is None or level.fmt not in _FORMATS:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        shown = _FORMATS[level.fmt](counters[ilvl])
        own = _LEVEL_TEXT.match(level.text)
        if own and int(own.group(1)) == ilvl + 1:
            return level.text.replace(f"%{ilvl + 1}", shown)
        return f"{shown}."


def _int_attr(element: ET.Element, name: str) -> int:
    value = element.get(_W + name) or ""
    return int(value) if value.isdigit() else 0


def _val(element: ET.Element | None) -> str:
    return (element.get(_W + "val") or "") if element is not None else ""


def paragraph_numbering(p, style) -> tuple[str, int] | None:
    """(numId, level) of a paragraph Word numbers, from its own properties or its style's
    (following ``basedOn``); None when it is not in a list (no numId, or numId 0: numbering removed)."""
    num_id, ilvl = "", -1
    sources = [p.find(f"{_W}pPr/{_W}numPr")]
    seen = 0
    while style is not None and seen < 10:  # a style chain is short; a loop in a broken file is no hang
        sources.append(style.element.find(f"{_W}pPr/{_W}numPr"))
        style, seen = style.base_style, seen + 1
    for numbering in sources:
        if numbering is None:
            continue
        if not num_id and numbering.find(_W + "numId") is not None:
            num_id = numbering.find(_W + "numId").get(_W + "val") or ""
        if ilvl < 0 and numbering.find(_W + "ilvl") is not None:
            ilvl = _int(numbering.find(_W + "ilvl"))
    if not num_id or num_id == "0":
        return None
    return num_id, max(ilvl, 0)
