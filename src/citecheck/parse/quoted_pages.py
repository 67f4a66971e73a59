"""The page of a quotation that follows a narrative citation: APA's 'Kowalski (2018) writes that "rent is
the price of distance" (p. 40).'

The page stands after the quotation, in a parenthesis of its own, and belongs to the citation that opened
the sentence: without it, "(p. 75)" for an article on pages 33-58 would never be checked. Only within
the citation's sentence, only a page or pages ("p.", "pp.", "para."), and only after a closing quotation
mark, so that an unrelated parenthesis is never taken.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence

from ..model import Citation, CleanText

# the rest of the sentence up to a closing quotation mark, then "(p. 40)", "(pp. 3–4)", "(para. 2)"
_QUOTED_PAGE = re.compile(r"[^.!?()]*?[\"”’]\s*\((?P<loc>(?:pp?|paras?)\.\s*\d[\d\s,–—-]*)\)")
_WINDOW = 600


def with_quoted_pages(citations: Sequence[Citation], clean: CleanText) -> list[Citation]:
    """``citations``, a narrative one without a locator given the page of the quotation its sentence closes with."""
    text, out = clean.text, []
    for citation in citations:
        if citation.narrative and not citation.locator and citation.year is not None:
            end = bisect_left(clean.origin, citation.span.end - 1, 0, len(text)) + 1  # the citation's end in ``text``
            if not 0 < end <= len(text) or clean.origin[end - 1] != citation.span.end - 1:
                out.append(citation)  # text reordered (columns): no place to read on from
                continue
            found = _QUOTED_PAGE.match(text, end, min(len(text), end + _WINDOW))
            if found is not None and _quoted(text[end : found.start("loc")]):
                citation = dataclasses.replace(citation, locator=" ".join(found["loc"].split()))
        out.append(citation)
    return out


def _quoted(between: str) -> bool:
    """Does the text between the citation and the page hold a quotation (an opening and a closing mark)?"""
    return ("“" in between and "”" in between) or between.count('"') >= 2
