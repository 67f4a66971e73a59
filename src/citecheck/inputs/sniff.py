"""Tell a document from a BibTeX file by name first, then by content."""
from __future__ import annotations

import re
from pathlib import PurePath

BIBTEX_SUFFIXES = {".bib", ".bibtex"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def sniff_format(path: str, text: str) -> str:
    """``bibtex``, ``markdown`` or ``text``."""
    suffix = PurePath(path).suffix.lower()
    if suffix in BIBTEX_SUFFIXES:
        return "bibtex"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    head = text.lstrip()[:2000]
    if head.startswith("@") and _BIBTEX_ENTRY.search(head):
        return "bibtex"
    return "text"
