"""Find the reference each citation points at: exactly, fuzzily, or not at all.

A citation's names are compared with every reference's ``cite_names`` (family names,
literals, or the title of an author-less entry) after folding (``normalize.match_key``),
and its year label with the reference's. Candidates fall into tiers, best first:

1. names as listed, same year (or the citation gives no year);
2. names as listed, same year but another suffix (2019 vs 2019a);
3. a name spelled differently (ratio >= 80, or one edit for names of 3+ letters; in a
   co-author list where all other names agree, ratio >= 50), or a title-as-author within
   ratio 90 of the title; same year (or none);
4. an "et al." citation naming a later author of the work, same year (or none);
5. names as listed, another year.

The best non-empty tier decides. Within it, a citation that lists every author beats one
that lists only the first, then higher similarity wins; a tie is an ambiguous citation.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from citecheck.model import Citation, CitedName, Reference

from .normalize import match_key

NAME_RATIO = 80.0
COAUTHOR_RATIO = 50.0
TITLE_RATIO = 90.0


class MatchKind(str, Enum):
    EXACT = "exact"  # names as listed; year as listed or not given
    FUZZY = "fuzzy"  # same year, some cited name spelled differently
    ETAL_ORDER = "etal-order"  # "X et al." where X is not the first author
    YEAR_DIFFERS = "year-differs"  # names as listed, year (or its suffix) differs
    AMBIGUOUS = "ambiguous"  # two or more references fit equally well
    NONE = "none"  # nothing fits


@dataclass(frozen=True)
class NameDifference:
    """A cited name that differs from the listed one at ``position`` of ``cite_names``."""

    position: int
    cited: CitedName
    listed: str


@dataclass(frozen=True)
class Match:
    """Where citation number ``citation`` points: ``reference`` is an index into the references.

    ``candidates`` are the references that fit best (one for a match, several when
    ambiguous, none when nothing fits). ``by_title`` says the citation uses the title of
    an author-less entry as its author.
    """

    citation: int
    kind: MatchKind
    reference: int | None = None
    candidates: tuple[int, ...] = ()
    differences: tuple[NameDifference, ...] = ()
    by_title: bool = False
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.reference is not None


@dataclass(frozen=True)
class _NameFit:
    kind: MatchKind  # EXACT, FUZZY or ETAL_ORDER
    differences: tuple[NameDifference, ...]
    complete: bool
    by_title: bool
    score: float


def match_citations(citations: Sequence[Citation], references: Sequence[Reference]) -> tuple[Match, ...]:
    """One Match per citation, in order."""
    return tuple(_match_one(i, c, references) for i, c in enumerate(citations))


def _match_one(index: int, citation: Citation, references: Sequence[Reference]) -> Match:
    tiers: dict[int, list[tuple[tuple[bool, float], int, _NameFit]]] = {}
    for ref_index, reference in enumerate(references):
        fit = _fit_names(citation, reference)
        if fit is None:
            continue
        tier = _tier(fit.kind, _year_relation(citation, reference))
        if tier is not None:
            tiers.setdefault(tier, []).append(((fit.complete, fit.score), ref_index, fit))
    if not tiers:
        return Match(citation=index, kind=MatchKind.NONE)
    tier = min(tiers)
    ranked = tiers[tier]
    best_rank = max(rank for rank, _, _ in ranked)
    best = [(ref_index, fit) for rank, ref_index, fit in ranked if rank == best_rank]
    if len(best) > 1:
        return Match(
            citation=index, kind=MatchKind.AMBIGUOUS, candidates=tuple(i for i, _ in best), score=best_rank[1]
        )
    ref_index, fit = best[0]
    kind = MatchKind.YEAR_DIFFERS if tier in (2, 5) else fit.kind
    return Match(
        citation=index,
        kind=kind,
        reference=ref_index,
        candidates=(ref_index,),
        differences=fit.differences,
        by_title=fit.by_title,
        score=fit.score,
    )


def _tier(name_kind: MatchKind, year: str) -> int | None:
    same = year in ("same", "missing")
    if name_kind is MatchKind.EXACT:
        return {"same": 1, "missing": 1, "suffix": 2}.get(year, 5)
    if name_kind is MatchKind.FUZZY and same:
        return 3
    if name_kind is MatchKind.ETAL_ORDER and same:
        return 4
    return None


def _year_relation(citation: Citation, reference: Reference) -> str:
    cited = citation.year_label.casefold()
    if not cited:
        return "missing"
    if cited == reference.year_label.casefold():
        return "same"
    cited_base = "n.d." if citation.no_date else str(citation.year)
    listed_base = "n.d." if reference.no_date or reference.year is None else str(reference.year)
    return "suffix" if cited_base == listed_base else "different"


def _is_titled(reference: Reference) -> bool:
    """An author-less entry, cited by its title."""
    return not reference.authors and not reference.editors and bool(reference.title)


def _fit_names(citation: Citation, reference: Reference) -> _NameFit | None:
    if not citation.names:
        return None
    if _is_titled(reference):
        return _fit_title(citation, reference.title) if len(citation.names) == 1 else None
    if citation.title_as_author:
        return None  # a title used as author only stands for an entry without authors
    return _fit_people(citation, reference.cite_names)


def _fit_title(citation: Citation, title: str) -> _NameFit | None:
    cited = citation.names[0]
    key, listed = match_key(cited.text), match_key(title)
    if key == listed:
        return _NameFit(MatchKind.EXACT, (), True, True, 100.0)
    score = fuzz.ratio(key, listed)
    if score >= TITLE_RATIO:
        return _NameFit(MatchKind.FUZZY, (NameDifference(0, cited, title),), True, True, score)
    return None


def _fit_people(citation: Citation, listed: tuple[str, ...]) -> _NameFit | None:
    cited = citation.names
    if len(cited) > len(listed):
        return None
    complete = len(cited) == len(listed) or citation.etal
    keys = [match_key(n.text) for n in cited]
    listed_keys = [match_key(n) for n in listed]
    pairs = list(zip(keys, listed_keys))
    differing = [i for i, (a, b) in enumerate(pairs) if a != b]
    if not differing:
        return _NameFit(MatchKind.EXACT, (), complete, False, 100.0)
    if citation.etal and len(cited) == 1 and keys[0] in listed_keys[1:]:
        return _NameFit(MatchKind.ETAL_ORDER, (), complete, False, 100.0)
    if len(differing) > 1:
        return None
    (position,) = differing
    a, b = pairs[position]
    score = fuzz.ratio(a, b)
    anchored = len(pairs) > 1 and score >= COAUTHOR_RATIO
    if not (anchored or _similar(a, b, score)):
        return None
    difference = NameDifference(position, cited[position], listed[position])
    mean = (score + 100.0 * (len(pairs) - 1)) / len(pairs)
    return _NameFit(MatchKind.FUZZY, (difference,), complete, False, mean)


def _similar(a: str, b: str, score: float) -> bool:
    return score >= NAME_RATIO or (min(len(a), len(b)) >= 3 and OSA.distance(a, b) <= 1)
