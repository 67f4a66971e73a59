"""Which citation style a document uses, as far as reconciling needs it: MLA's author-page or not.

MLA 9 cites "(Okafor 12)": a name and a page, never a year, for a Works Cited list whose
entries give the year near their end, after the title. Author-date styles (APA, Harvard,
Chicago author-date) cite a year, and their entries give it right after the authors. A
document in the author-page style is not asked for years, and a number after a name in it,
"(Okafor 1234)", is a page unless an entry is from that year.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.model import Citation, Reference

from .keys import is_keyed
from .match import page_or_year

_BARE_PAGE = re.compile(r"(?:(?:pars?|paras?|ll?)\.\s*)?\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?")
_NOT_WORD = re.compile(r"[\W_]+")
_STRUCTURED = re.compile(r"\s*(?:[@{\[<]|TY  -)")  # a .bib, CSL-JSON, RIS or XML record as read


def author_page_style(citations: Sequence[Citation], references: Sequence[Reference] = ()) -> bool:
    """The document cites MLA's way, "(Okafor 12)", where no citation gives a year.

    Most of its author citations give no year, and either two or more do so, or most
    entries are MLA-shaped (the year after the title), or one citation is MLA-shaped (a name
    and a bare page, which no author-date style writes) and the entries are not author-date
    shaped (the year right after the authors). With the ``references`` known, "(Okafor 1234)"
    when no entry is from 1234 counts as a citation without a year.
    """
    years = {r.year for r in references}
    named = [c for c in citations if not is_keyed(c) and c.names]
    pages = [c for c in named if references and page_or_year(c) and c.year not in years]
    undated = [c for c in named if not c.year_label]
    dated = len(named) - len(undated) - len(pages)
    if len(undated) + len(pages) <= dated:
        return False
    shape = entry_shape(references)
    return (len(undated) >= 2 or shape == "mla"
            or (shape != "author-date" and any(bare_page(c) for c in undated + pages)))


def bare_page(citation: Citation) -> bool:
    """ "(Okafor 12)": a page without "p." right after the names, no comma between; "(Okafor 1234)"."""
    text = citation.text.rstrip()
    if citation.locator:
        return (bool(_BARE_PAGE.fullmatch(citation.locator)) and text.endswith(citation.locator)
                and not text[: -len(citation.locator)].rstrip().endswith(","))
    return page_or_year(citation)


def entry_shape(references: Sequence[Reference]) -> str | None:
    """ "mla" when most dated entries give their year after the title (MLA, Chicago's notes),
    "author-date" when most give it before (right after the authors), None when unknown."""
    placed = [p for p in (_year_after_title(r) for r in references) if p is not None]
    if not placed:
        return None
    after = sum(placed)
    if after * 2 > len(placed):
        return "mla"
    return "author-date" if after * 2 < len(placed) else None


def _year_after_title(reference: Reference) -> bool | None:
    if reference.year is None or not reference.title or _STRUCTURED.match(reference.raw):
        return None  # a .bib, CSL-JSON or RIS record's fields come in any order
    raw = reference.raw.casefold()
    year_at = raw.find(str(reference.year))
    words = _NOT_WORD.sub(" ", reference.title.casefold()).split()[:3]
    title = re.search(r"[\W_]+".join(map(re.escape, words)), raw) if words else None
    if year_at < 0 or title is None:
        return None
    return title.start() < year_at
