"""MLA's author + short title citation, "(Smith, *Beloved Reconsidered* 44)": which entry it names.

MLA cites one of several works by an author with a short title after the name, italic for
a book, quoted for an article. The citation reader keeps that title in the citation's text;
here it is read back and compared with the entries' titles: a short title is the start of
the full one (case, accents and punctuation folded), allowing a small slip.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from citecheck.model import Citation, Reference

from .normalize import match_key

TITLE_PREFIX_RATIO = 90.0
# ", *Title*" or ', "Title,"' after the names, then an optional page, at the end of the citation
_SHORT_TITLE = re.compile(
    r",\s*(?:\*(?P<a>[^*]+)\*|_(?P<b>[^_]+)_|[\"“](?P<c>[^\"“”]+?)[,.]?[\"”])\s*[^,*_\"“”]*\Z"
)


def cited_short_title(citation: Citation) -> str:
    """The short title an author citation without a year gives after its names ("" if none)."""
    if citation.year_label or citation.title_as_author or not citation.names:
        return ""
    found = _SHORT_TITLE.search(citation.text)
    if found is None or found.start() < len(citation.names[-1].text):
        return ""
    return (found["a"] or found["b"] or found["c"]).strip()


def title_fits(short: str, reference: Reference) -> bool:
    """``short`` is the start of the entry's title (or nearly: one slip in a long title)."""
    cited, listed = match_key(short), match_key(reference.title)
    if not cited or not listed:
        return False
    head = listed[: len(cited)]
    if head == cited:
        return len(listed) == len(cited) or listed[len(cited)] == " "
    return (len(cited) >= 8 and fuzz.ratio(head, cited) >= TITLE_PREFIX_RATIO)
