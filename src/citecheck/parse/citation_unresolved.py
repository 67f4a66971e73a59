"""A citation pandoc could not resolve, as its output shows it: the key and a question mark, "(ghost2020?)".

pandoc's citeproc writes a citation whose key no bibliography entry has as the key followed by "?" (in bold in
HTML and Word), "Unknown (ghost2020?)", "[smith2019?; @lee2018]" rendered "(smith2019?; Lee 2018)", and only warns
on its standard error, which a rendered document no longer carries. Such a key is read as a key citation, so the
check reports it as the missing reference it is ("undefined key ..."). Only a key that holds a digit (as the keys
of Zotero, Better BibTeX and Google Scholar do: "smith2019", "lee_heat_2018") and stands alone in its part of
a parenthesis or bracket is read so: "(really?)" and "(is it 2019?)" are questions, not keys.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Citation, CleanText
from .citations import ignored_mask

_KEY = r"[A-Za-z_][\w:.#$%&+<>~/-]*?\d[\w:.#$%&+<>~/-]*?"
_UNRESOLVED = re.compile(rf"(?<=[(\[;])\s*(?P<key>{_KEY})\?(?=\s*[)\];,])")


def unresolved_key_citations(text: CleanText, found: Sequence[Citation]) -> tuple[Citation, ...]:
    """The keys pandoc left unresolved in ``text`` ("(ghost2020?)"), each a citation of its key; ``found``: the
    citations already read, whose text is passed over."""
    if "?" not in text.text:
        return ()
    taken = sorted((c.span.start, c.span.end) for c in found)
    mask = ignored_mask(text.text)
    out: list[Citation] = []
    for m in _UNRESOLVED.finditer(text.text):
        span = text.span(m.start("key"), m.end() + 1)
        if mask[m.start("key")] or any(start < span.end and span.start < end for start, end in taken):
            continue
        out.append(Citation(text=f"{m.group('key')}?", span=span, names=(), group=m.group(), key=m.group("key")))
    return tuple(out)
