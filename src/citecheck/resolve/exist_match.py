"""How close a record comes to a reference: graded title similarity, author share, year window.

* title: 0..100 (``textmatch.title_similarity``); ``SAME_TITLE`` (95) is the same title,
  ``SAME_WORK`` (85) the same work (a subtitle, a typo, punctuation);
* authors: the share of the reference's personal family names found on the record
  (accents, case and small misspellings forgiven: a misspelling is a metadata problem,
  not a fabrication); None when there is nothing to compare;
* year: equal, or one year off (online-first vs print), or for a preprint -1..+2
  (cited as the preprint, indexed as the later paper); a book fits any edition's year or
  any reprint after its first publication.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz

from citecheck.model import EntryType, Reference

from .exist_records import Work
from .textmatch import fold, title_similarity

SAME_TITLE = 95.0
SAME_WORK = 85.0
AUTHOR_SHARE = 0.5
FAMILY_RATIO = 85.0
PREPRINT_WINDOW = (-1, 2)
_STOP = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from"}


class Grade(str, Enum):
    MATCH = "match"  # title, authors and year agree
    AUTHORS = "other-authors"  # same work title, other people
    YEAR = "other-year"  # same work and authors, a year outside the window
    FAR = "far"  # a different work


@dataclass(frozen=True)
class Score:
    work: Work
    title: float
    share: float | None
    year_gap: int | None
    year_ok: bool

    @property
    def grade(self) -> Grade:
        if self.title < SAME_WORK:
            return Grade.FAR
        if self.share is not None and self.share < AUTHOR_SHARE:
            return Grade.AUTHORS
        return Grade.MATCH if self.year_ok else Grade.YEAR

    @property
    def rank(self) -> float:
        return self.title / 100 + (self.share if self.share is not None else 0.5) * 0.3 + (0.1 if self.year_ok else 0)

    def detail(self) -> str:
        parts = [f"title {self.title:.0f}/100"]
        if self.share is not None:
            parts.append(f"{self.share:.0%} of the cited family names on the record")
        if self.year_gap is not None:
            parts.append("same year" if self.year_gap == 0 else f"year {self.year_gap:+d} ({'within' if self.year_ok else 'outside'} the window)")
        return "; ".join(parts)


def cited_families(reference: Reference) -> tuple[str, ...]:
    people = reference.authors or reference.editors
    return tuple(n.family for n in people if n.family and not n.is_literal)


def author_share(reference: Reference, work: Work) -> float | None:
    cited = [fold(f) for f in cited_families(reference)]
    record = [fold(f) for f in work.families if fold(f)] + [fold(a) for a in work.authors if fold(a)]
    if not cited or not record:
        return None
    return sum(1 for family in cited if _named(family, record)) / len(cited)


def _named(family: str, record: list[str]) -> bool:
    words = family.split()
    for name in record:
        parts = name.split()
        if family == name or (words and _contains(parts, words)):
            return True
        if any(fuzz.ratio(family, part) >= FAMILY_RATIO for part in parts if len(part) > 3) and len(family) > 3:
            return True
    return False


def _contains(parts: list[str], words: list[str]) -> bool:
    size = len(words)
    return any(parts[i:i + size] == words for i in range(len(parts) - size + 1))


def year_fit(reference: Reference, work: Work) -> tuple[int | None, bool]:
    years = work.all_years
    if reference.year is None or not years:
        return None, True
    gaps = [y - reference.year for y in years]
    gap = min(gaps, key=abs)
    if reference.type is EntryType.BOOK or work.kind == "book":
        return gap, any(abs(g) <= 1 for g in gaps) or min(years) <= reference.year
    low, high = PREPRINT_WINDOW if (work.preprint or _cites_preprint(reference)) else (-1, 1)
    return gap, any(low <= g <= high for g in gaps)


def _cites_preprint(reference: Reference) -> bool:
    text = fold(" ".join((reference.container, reference.note, reference.publisher)))
    return any(w in text.split() for w in ("arxiv", "biorxiv", "medrxiv", "preprint", "ssrn", "corr"))


def score(reference: Reference, work: Work) -> Score:
    gap, ok = year_fit(reference, work)
    return Score(work=work, title=title_similarity(reference.title, work.title), share=author_share(reference, work),
                 year_gap=gap, year_ok=ok)


def generic_title(title: str) -> bool:
    """Too short or common to tell works apart by title alone ("Introduction", "Human Trafficking")."""
    words = [w for w in fold(title).split() if w not in _STOP]
    return len(words) < 3 or len(fold(title)) < 16
