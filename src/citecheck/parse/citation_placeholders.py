"""EndNote's unformatted citations, the placeholders its Word add-in writes before (or instead of) formatting them.

"{Smith, 2019 #12}": the first author's name, the year and the record number in the writer's EndNote library, in
braces; several parted by ";" ("{Smith, 2019 #12; García, 2020 #7}"), the pages after "@" ("{Lee, 2018
#3@33-35}"), a prefix before a backslash ("{See \\Lee, 2018 #3}"). A document keeps them when Cite While You Write
is off, or after "Convert to Unformatted Citations", as drafts are shared. The record number means nothing outside
that library, so each is read as an author-date citation of the name and year, marked ``placeholder``: it names the
first author only, whatever the style will print, and so how many authors it names is no finding.
"""
from __future__ import annotations

import re

from ..model import Citation, CitedName, CleanText
from .citation_parts import fold

_GROUP = re.compile(r"\{(?P<inner>[^{}\n]{0,400}?#\d+[^{}\n]{0,200}?)\}")
_PART = re.compile(r"\s*(?:[^\\;]*\\)?(?P<name>[^\W\d_][^,#@;\\]{0,80}?)\s*,\s*(?P<year>(?:1[5-9]|20)\d{2})(?P<suffix>[a-z]?)"
                   r"\s*#\d+(?:@(?P<pages>[^;@\\]{1,40}?))?\s*(?:\\[^;]*)?")


def endnote_placeholders(text: CleanText) -> tuple[Citation, ...]:
    """Each work of EndNote's unformatted citations in ``text`` ("{Smith, 2019 #12}"), as a citation of its first
    author and year (``placeholder``)."""
    if "#" not in text.text:
        return ()
    found: list[Citation] = []
    for group in _GROUP.finditer(text.text):
        at = group.start("inner")
        for part in group.group("inner").split(";"):
            m = _PART.fullmatch(part)
            if m is not None:
                name = text.span(at + m.start("name"), at + m.end("name"))
                start = at + len(part) - len(part.lstrip())
                found.append(Citation(
                    text=fold(part.strip()), span=text.span(start, at + len(part.rstrip())),
                    names=(CitedName(m.group("name"), name),), year=int(m.group("year")), year_suffix=m.group("suffix"),
                    locator=(m.group("pages") or "").strip(), group=fold(group.group()), placeholder=True))
            at += len(part) + 1
    return tuple(found)
