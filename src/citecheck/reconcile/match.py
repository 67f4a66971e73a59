"""Find the reference each citation points at: exactly, fuzzily, or not at all.

A citation's names are compared with every reference's ``cite_names`` (family names,
literals, or the title of an author-less entry) after folding (``normalize.match_key``),
and its year label with the reference's ("in press" is no "n.d.": ``pubstate``). Candidates fall into tiers, best first:

1. names as listed, same year (or the citation gives no year);
2. names as listed, same year but another suffix (2019 vs 2019a);
3. a name spelled differently (ratio >= 80, or one edit for names of 3+ letters; in a
   co-author list where all other names agree, ratio >= 50), or a title-as-author within
   ratio 90 of the title; same year (or none);
4. an "et al." citation naming a later author of the work, or every author named as listed but in
   another order ("Garcia and Olsen" for Olsen & Garcia), same year (or none);
5. names as listed, another year.

When no tier holds any, a citation of one name that is one of the first author's names without being the family
name, "(Tedros, 2021)" for Tedros Adhanom Ghebreyesus (2021), fits the one entry of its year so (``name_parts``).

Cited names that each fit a listed author in the list's order, with authors between them left out,
"(de Figueiredo, Simas, & Larson, 2020)" for five authors, fit as listed (tier 1), as a first name alone
does, not fully: the check then says the citation names only some of the authors.

Names are compared in the forms ``listed.fits`` accepts: with or without a particle
("van der Berg", "Berg"), an organisation by its acronym, accents and case folded. APA's initials
before a family name, "(J. Smith, 2019)", tell apart authors of one family name: the entry whose
author has other initials fits less well (``OTHER_INITIALS``), so the one with those initials wins.
A title used as author ("(*Beloved*)", a legal case's name) also fits, exactly, an entry listed
under that title (``listed.listed_under``), however the entry's fields were read; when the sentence
names the author ("Morrison insists ... (*Beloved* 45)", a narrative title citation), it fits the
entry listed under an author that has that title (or starts so).

An MLA citation that gives a short title after the names ("Smith, *White Teeth* 12") fits
only the entries whose title starts so; when the names fit entries but none has that
title, nothing fits (a work missing from the list), and those entries are its ``rivals``.
A citation whose year suffix is not listed ("2020c" with only 2020a and 2020b) fits none of
several entries with other suffixes: it names a work the list lacks, the others are ``rivals``.

The best non-empty tier decides. Within it, the entry whose author count the citation fits
best wins: every author named, or "et al." for a work with three or more authors (then
"et al." for two authors, which is misused but closer than for one); then higher
similarity wins; a tie is an ambiguous citation. The other entries of the deciding tier
are kept as ``rivals``, so a check can tell "the only entry" from "the best of several".
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from citecheck.model import Citation, CitedName, Reference

from .keys import ALL_KEYS, is_keyed, key_candidates, key_index
from .listed import (
    ListedName, author_count, cited_keys, cited_people, declined_form, fits, initials_agree, listed_names, listed_under, literal_name,
)
from .name_parts import known_by
from .pubstate import same_state
from .short_titles import cited_short_title, title_fits

NAME_RATIO = 80.0
OTHER_INITIALS = 95.0  # "J. Smith" for Smith, A.: the name fits, less well than for Smith, J.
COAUTHOR_RATIO = 50.0
TITLE_RATIO = 90.0
FULL_FIT, PARTIAL_FIT, NO_FIT = 2, 1, 0


class MatchKind(str, Enum):
    EXACT = "exact"  # names as listed; year as listed or not given
    FUZZY = "fuzzy"  # same year, some cited name spelled differently
    ETAL_ORDER = "etal-order"  # "X et al." where X is not the first author
    NAME_ORDER = "name-order"  # "Garcia and Olsen" for Olsen & Garcia: every name as listed, in another order
    YEAR_DIFFERS = "year-differs"  # names as listed, year (or its suffix) differs
    KNOWN_BY = "known-by"  # nothing else fits; the one name cited is one of the first author's, not the family name
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
    an author-less entry as its author. ``fit`` is how well the cited names fit the
    entry's author count (``FULL_FIT``: all named, or "et al." for three or more);
    ``rivals`` are the other entries of the deciding tier, which fit less well.
    """

    citation: int
    kind: MatchKind
    reference: int | None = None
    candidates: tuple[int, ...] = ()
    differences: tuple[NameDifference, ...] = ()
    by_title: bool = False
    score: float = 0.0
    fit: int = 0
    rivals: tuple[int, ...] = ()

    @property
    def found(self) -> bool:
        return self.reference is not None


@dataclass(frozen=True)
class _NameFit:
    kind: MatchKind  # EXACT, FUZZY or ETAL_ORDER
    differences: tuple[NameDifference, ...]
    fit: int  # FULL_FIT, PARTIAL_FIT or NO_FIT
    by_title: bool
    score: float


def match_citations(
    citations: Sequence[Citation], references: Sequence[Reference], author_page: bool = False
) -> tuple[Match, ...]:
    """One Match per citation, in order.

    In an ``author_page`` document (MLA) a number written after the names without a comma,
    "(Okafor 1234)", is a page when the entry gives another year: it is not compared as one.
    """
    keys = key_index(references) if any(is_keyed(c) for c in citations) else {}  # once, not once a citation
    people = _People(references)  # each entry's names folded once, not once a citation: time linear in the list
    return tuple(_match_key(i, c, references, keys) if is_keyed(c) else _match_one(i, c, references, author_page, people)
                 for i, c in enumerate(citations))


class _People:
    """The listed names and author count of each reference (``listed_names``, ``author_count``), found
    the first time a citation is compared with it and kept for the others."""

    def __init__(self, references: Sequence[Reference]):
        self.references = references
        self.found: list[tuple[tuple[ListedName, ...], int] | None] = [None] * len(references)

    def of(self, index: int) -> tuple[tuple[ListedName, ...], int]:
        found = self.found[index]
        if found is None:
            reference = self.references[index]
            found = self.found[index] = (listed_names(reference), author_count(reference))
        return found


def page_or_year(citation: Citation) -> bool:
    """ "(Okafor 1234)": names, a space and a number: a year in Harvard, a page in MLA."""
    if citation.year is None or citation.year_suffix or citation.locator or citation.narrative or is_keyed(citation):
        return False
    return re.search(rf"[^\W\d_]\s+{citation.year}\Z", citation.text.rstrip()) is not None


def _match_one(index: int, citation: Citation, references: Sequence[Reference], author_page: bool = False,
               people: _People | None = None) -> Match:
    if is_keyed(citation):
        return _match_key(index, citation, references)
    people = people if people is not None else _People(references)
    short = cited_short_title(citation)
    tiers: dict[int, list[tuple[tuple[int, float], int, _NameFit]]] = {}
    other_titles: list[int] = []
    for ref_index, reference in enumerate(references):
        fit = _fit_names(citation, reference, lambda: people.of(ref_index))
        if fit is None:
            continue
        relation = _year_relation(citation, reference)
        if author_page and relation == "different" and page_or_year(citation):
            relation = "missing"
        tier = _tier(fit.kind, relation)
        if tier is None:
            continue
        if short and not title_fits(short, reference):
            other_titles.append(ref_index)
            continue
        tiers.setdefault(tier, []).append(((fit.fit, fit.score), ref_index, fit))
    if not tiers:
        known = None if other_titles or short else known_by(citation, references)  # "(Tedros, 2021)"
        if known is not None:
            return Match(citation=index, kind=MatchKind.KNOWN_BY, reference=known, candidates=(known,),
                         score=100.0, fit=FULL_FIT)
        return Match(citation=index, kind=MatchKind.NONE, rivals=tuple(other_titles))
    tier = min(tiers)
    ranked = tiers[tier]
    best_rank = max(rank for rank, _, _ in ranked)
    best = [(ref_index, fit) for rank, ref_index, fit in ranked if rank == best_rank]
    if len(best) > 1 and tier == 2 and _unlisted_suffix(citation, [references[i] for i, _ in best]):
        return Match(citation=index, kind=MatchKind.NONE, rivals=tuple(i for _, i, _ in ranked))
    if len(best) > 1:
        return Match(
            citation=index, kind=MatchKind.AMBIGUOUS, candidates=tuple(i for i, _ in best), score=best_rank[1],
            fit=best_rank[0],
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
        fit=fit.fit,
        rivals=tuple(i for _, i, _ in ranked if i != ref_index),
    )


def _unlisted_suffix(citation: Citation, fits: Sequence[Reference]) -> bool:
    """The citation gives a suffix ("2020c") and every entry it fits has another one (2020a, 2020b)."""
    return bool(citation.year_suffix) and all(r.year_suffix for r in fits)


def _match_key(
    index: int, citation: Citation, references: Sequence[Reference], keys: dict[str, tuple[int, ...]] | None = None
) -> Match:
    """A key-based citation: the reference with that key, exactly (``*`` cites them all); ``keys``: the
    references' ``key_index``."""
    found = key_candidates(citation, references, keys)
    if not found:
        return Match(citation=index, kind=MatchKind.NONE)
    target = None if citation.key == ALL_KEYS else found[0]
    return Match(citation=index, kind=MatchKind.EXACT, reference=target, candidates=found, score=100.0, fit=FULL_FIT)


def _tier(name_kind: MatchKind, year: str) -> int | None:
    same = year in ("same", "missing")
    if name_kind is MatchKind.EXACT:
        return {"same": 1, "missing": 1, "suffix": 2}.get(year, 5)
    if name_kind is MatchKind.FUZZY and same:
        return 3
    if name_kind in (MatchKind.ETAL_ORDER, MatchKind.NAME_ORDER) and same:
        return 4
    return None


def _year_relation(citation: Citation, reference: Reference) -> str:
    cited = citation.year_label.casefold()
    if not cited:
        return "missing"
    if not same_state(citation, reference):
        return "different"  # "(Nowak, in press)" for "Nowak (n.d.)", or the other way round
    if cited == reference.year_label.casefold():
        return "same"
    cited_base = "n.d." if citation.no_date else str(citation.year)
    listed_base = "n.d." if reference.no_date or reference.year is None else str(reference.year)
    if (reference.year is not None and citation.year is not None and not reference.year_suffix
            and f"{reference.year}/{citation.year}" in citation.text.replace(" ", "")):
        return "same"  # "Piaget (1966/2000)" for a list that writes "Piaget, J. (1966/2000)" (read as 1966, the first)
    return "suffix" if cited_base == listed_base else "different"


def _is_titled(reference: Reference) -> bool:
    """An author-less entry, cited by its title."""
    return not cited_people(reference) and bool(reference.title)


def _by_organisation(reference: Reference) -> bool:
    """Every author is an organisation (a literal name), which the parser may take for a title."""
    people = cited_people(reference)
    return bool(people) and all(p.is_literal for p in people)


def _fit_names(citation: Citation, reference: Reference, people: Callable[[], tuple[tuple[ListedName, ...], int]]
               ) -> _NameFit | None:
    """``people``: the reference's ``listed_names`` and ``author_count``."""
    fit = _fit_fields(citation, reference, people)
    exact = fit is not None and fit.kind is MatchKind.EXACT
    if (not exact and (citation.title_as_author or not cited_people(reference)) and len(citation.names) == 1
            and listed_under(citation.names[0].text, reference)):
        # (*Beloved*) for "*Beloved*. Directed by ...", an organisation for an entry it opens that was read without
        # authors: "(ASSOCIAÇÃO BRASILEIRA DE NORMAS TÉCNICAS, 2018)" for "ASSOCIAÇÃO BRASILEIRA DE NORMAS TÉCNICAS. ..."
        return _NameFit(MatchKind.EXACT, (), FULL_FIT, True, 100.0)
    if not exact and _title_of_named_author(citation, reference):
        return _NameFit(MatchKind.EXACT, (), FULL_FIT, True, 100.0)
    return fit


def _title_of_named_author(citation: Citation, reference: Reference) -> bool:
    """ "Morrison insists ... (*Beloved* 45)": a title cited while the sentence names its author (MLA
    9), for the entry listed under an author with that title (or one starting so: a short title)."""
    return (citation.title_as_author and citation.narrative and len(citation.names) == 1
            and bool(cited_people(reference)) and title_fits(citation.names[0].text, reference))


def _fit_fields(citation: Citation, reference: Reference, people: Callable[[], tuple[tuple[ListedName, ...], int]]
                ) -> _NameFit | None:
    """How the cited names fit the entry's authors, or the title of an entry without any."""
    if not citation.names:
        return None
    if _is_titled(reference):
        return _fit_title(citation, reference.title) if len(citation.names) == 1 else None
    if citation.title_as_author and not _by_organisation(reference):
        return None  # a title used as author stands for an entry without authors, or an organisation
    return _fit_people(citation, *people())


def _fit_title(citation: Citation, title: str) -> _NameFit | None:
    cited = citation.names[0]
    listed = literal_name(title)
    if fits(cited.text, listed):
        return _NameFit(MatchKind.EXACT, (), FULL_FIT, True, 100.0)
    score = _similarity(cited.text, listed)
    if score >= TITLE_RATIO:
        return _NameFit(MatchKind.FUZZY, (NameDifference(0, cited, title),), FULL_FIT, True, score)
    return None


def _fit_people(citation: Citation, listed: tuple[ListedName, ...], count: int) -> _NameFit | None:
    cited = citation.names
    if len(cited) > len(listed):
        return None
    fit = _count_fit(citation, count)
    pairs = list(zip(cited, listed))
    differing = [i for i, (name, entry) in enumerate(pairs) if not fits(name.text, entry)
                 and not (citation.narrative and declined_form(name.text, entry))]  # "Podle Svobody (2020)"
    if not differing:
        other = any(initials_agree(name.text, entry) is False for name, entry in pairs)
        return _NameFit(MatchKind.EXACT, (), fit, False, OTHER_INITIALS if other else 100.0)
    if citation.etal and len(cited) == 1 and any(fits(cited[0].text, entry) for entry in listed[1:]):
        return _NameFit(MatchKind.ETAL_ORDER, (), fit, False, 100.0)
    if len(differing) > 1:
        return _fit_out_of_place(citation, listed, fit)
    (position,) = differing
    name, entry = pairs[position]
    score = _similarity(name.text, entry)
    anchored = len(pairs) > 1 and score >= COAUTHOR_RATIO
    if not (anchored or any(_similar(a, b, score) for a in cited_keys(name.text) for b in entry.keys)):
        return _fit_out_of_place(citation, listed, fit)
    difference = NameDifference(position, name, entry.text)
    mean = (score + 100.0 * (len(pairs) - 1)) / len(pairs)
    return _NameFit(MatchKind.FUZZY, (difference,), fit, False, mean)


def _fit_out_of_place(citation: Citation, listed: tuple[ListedName, ...], fit: int) -> _NameFit | None:
    """Two or more cited names that each fit a different listed author, though not at their places: in the
    list's order with authors left out between them ("de Figueiredo, Simas, & Larson" for five: as listed,
    naming only some), else in another order ("Garcia and Olsen" for Olsen & Garcia). None otherwise."""
    cited = citation.names
    if len(cited) < 2 or citation.etal:
        return None
    places: list[int] = []
    for name in cited:
        place = next((i for i, entry in enumerate(listed) if i not in places and fits(name.text, entry)), None)
        if place is None:
            return None
        places.append(place)
    if places[0] == 0 and places == sorted(places):
        return _NameFit(MatchKind.EXACT, (), NO_FIT, False, 100.0)
    return _NameFit(MatchKind.NAME_ORDER, (), fit, False, 100.0)


def _count_fit(citation: Citation, count: int) -> int:
    """How well the number of cited names (and "et al.") fits a work with ``count`` authors."""
    named = len(citation.names)
    if not citation.etal:
        return FULL_FIT if named == count else NO_FIT
    if count > named:
        return FULL_FIT if count >= 3 else PARTIAL_FIT
    return NO_FIT


def _similarity(cited: str, listed: ListedName) -> float:
    return max((fuzz.ratio(a, b) for a in cited_keys(cited) for b in listed.keys), default=0.0)


def _similar(a: str, b: str, score: float) -> bool:
    return score >= NAME_RATIO or (min(len(a), len(b)) >= 3 and OSA.distance(a, b) <= 1)
