"""Paragraphs of a long text field (an abstract, a note, an annotation).

In a .bib value a paragraph ends at a blank line or ``\\par``, as TeX reads it; in the plain text the
records hold, and in CSL-JSON, paragraphs are apart by a blank line (``"\\n\\n"``). A break inside a
brace group (``\\emph{a <blank line> b}``) is no paragraph's end here: the group stays whole.
"""
from __future__ import annotations

import re

# BibTeX fields whose paragraphs are kept (any other value is one line)
PARAGRAPH_FIELDS = frozenset({"abstract", "note", "annotation", "annote"})

_LATEX_BREAK = re.compile(r"[ \t\r]*\n[ \t\r]*\n\s*|\s*\\par(?![A-Za-z])\s*")
PARAGRAPH_BREAK = re.compile(r"[ \t\r]*\n[ \t\r]*\n\s*")  # between two paragraphs of a plain text
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")


def latex_paragraphs(value: str) -> list[str]:
    """The paragraphs of a LaTeX value, split at a blank line or ``\\par`` outside brace groups."""
    if "\n" not in value and "\\par" not in value:
        return [value]
    out: list[str] = []
    depth = start = 0
    index = 0
    while index < len(value):
        ch = value[index]
        if ch == "\\" and not value.startswith("\\par", index):
            index += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            match = _LATEX_BREAK.match(value, index)
            if match and match.end() > index:
                out.append(value[start:index])
                start = index = match.end()
                continue
        index += 1
    out.append(value[start:])
    return [piece for piece in out if piece.strip()] or [""]


def plain_paragraphs(text: str) -> list[str]:
    """The paragraphs of a plain text (a blank line between them), each on one line."""
    return [p for p in (_BLANKS.sub(" ", piece).strip() for piece in PARAGRAPH_BREAK.split(text)) if p] or [""]


def joined(paragraphs: list[str]) -> str:
    """Paragraphs as one plain text, a blank line between them."""
    return "\n\n".join(p for p in paragraphs if p)
