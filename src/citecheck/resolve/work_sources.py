"""Evidence from bibliographic services: Crossref, OpenLibrary, OpenAlex.

Each finds the record of the work a reference describes (``lookup``) and weighs
candidate spellings against the authors that record lists (``weigh``): a record found
by an identifier (DOI, ISBN) is worth +4, a search hit accepted on a clear margin +3.
A service that cannot find the work says nothing; one that fails (outage, rate limit, a
malformed answer) says only that, as a weight-0 note "not verified online: <source> did not
answer (...)", so the decision visibly falls back to the offline evidence.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

from rapidfuzz import fuzz

from citecheck.model import EntryType, Evidence, Reference

from .answers import Answer, Outcome
from .crossref import CrossrefClient, CrossrefWork, accept_search_hit, normal_doi
from .openalex import OpenAlexWork, accept_work
from .openlibrary import OpenLibraryBook, accept_book
from .record import RecordAuthor, WorkRecord, weigh_record
from .textmatch import family_of, fold

log = logging.getLogger(__name__)

EXACT_WEIGHT = 4.0
SEARCH_WEIGHT = 3.0
SCHOLARLY = frozenset({EntryType.ARTICLE, EntryType.CONFERENCE, EntryType.CHAPTER, EntryType.THESIS, EntryType.REPORT})


def _usable(answer: Answer, service: str, reference: Reference, failures: list[str] | None = None):
    if answer.outcome is Outcome.FAILED and failures is not None:
        failures.append(answer.detail)
    if not answer.found:
        log.info("%s: nothing for %s (%s)", service, reference.key, answer.detail or answer.outcome.value)
        return None
    return answer.value


class _IndexEvidence:
    """A work source that is also an evidence source: ``weigh`` compares the record's authors."""

    name = ""

    def __init__(self, client, *, exact_weight: float = EXACT_WEIGHT, search_weight: float = SEARCH_WEIGHT) -> None:
        self._client = client
        self._exact, self._search = exact_weight, search_weight

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        failures: list[str] = []
        record = self._lookup(reference, failures)
        if record is None and failures:
            return (not_verified(self.name, "; ".join(failures)),)
        return weigh_record(record, candidates, self.name)

    def lookup(self, reference: Reference) -> WorkRecord | None:
        return self._lookup(reference, [])

    def _lookup(self, reference: Reference, failures: list[str]) -> WorkRecord | None:
        raise NotImplementedError


def not_verified(source: str, why: str) -> Evidence:
    """Informational (weight 0): the decision falls back to the other evidence, unverified by ``source``."""
    return Evidence(source=source, detail=f"not verified online: {source} did not answer ({why})")


class CrossrefEvidence(_IndexEvidence):
    """Evidence source and work source: the Crossref record (by DOI, else a margin-accepted search)."""

    name = "Crossref"

    def __init__(self, client: CrossrefClient, *, exact_weight: float = EXACT_WEIGHT,
                 search_weight: float = SEARCH_WEIGHT, margin: float = 1.25) -> None:
        super().__init__(client, exact_weight=exact_weight, search_weight=search_weight)
        self._margin = margin

    def _lookup(self, reference: Reference, failures: list[str]) -> WorkRecord | None:
        doi = normal_doi(reference.doi)
        if doi:
            answer = self._client.work(doi)
            work = _usable(answer, self.name, reference, failures)
            if work is not None:
                return self._record(work, f"its DOI ({doi})", self._exact, exact=True)
            if answer.outcome is not Outcome.NOT_FOUND:
                return None  # a failed lookup is no reason to guess by searching
        if not reference.title or (reference.type not in SCHOLARLY and not doi):
            return None
        families = [a.family for a in reference.authors if a.family][:3]
        answer = self._client.search(reference.title, families, reference.year, reference.container)
        works = _usable(answer, self.name, reference, failures)
        accepted = accept_search_hit(works, reference.title, margin=self._margin) if works else None
        if accepted is None:
            return None
        work, how = accepted
        return self._record(work, how, self._search)

    def _record(self, work: CrossrefWork, how: str, weight: float, exact: bool = False) -> WorkRecord:
        authors = tuple(
            RecordAuthor(name=a.display(), family=a.family, form="the Crossref record", weight=weight)
            for a in work.authors
            if a.family
        )
        return WorkRecord(
            source="Crossref", authors=authors, title=work.full_title, year=work.year, doi=work.doi,
            container=work.container, publisher=work.publisher, url=f"https://doi.org/{work.doi}",
            how=how, weight=weight, exact=exact,
        )


class OpenLibraryEvidence(_IndexEvidence):
    """Evidence source and work source for books: OpenLibrary by ISBN, else title + publisher (+ year)."""

    name = "OpenLibrary"

    def _lookup(self, reference: Reference, failures: list[str]) -> WorkRecord | None:
        if reference.isbn:
            book = _usable(self._client.by_isbn(reference.isbn), self.name, reference, failures)
            if book is not None:
                return self._record(book, reference, f"its ISBN ({reference.isbn})", self._exact, exact=True)
        if reference.type is not EntryType.BOOK or not reference.title:
            return None
        # the author is left out of the query on purpose: a misspelled name would hide the book
        answer = self._client.search(reference.title, publisher=reference.publisher)
        books = _usable(answer, self.name, reference, failures)
        accepted = accept_book(books, reference.title, publisher=reference.publisher, year=reference.year) if books else None
        if accepted is None:
            return None
        book, how = accepted
        return self._record(book, reference, how, self._search)

    def _record(self, book: OpenLibraryBook, reference: Reference, how: str, weight: float,
                exact: bool = False) -> WorkRecord:
        authors = tuple(RecordAuthor(name=n, family=family_of(n), form="the OpenLibrary record", weight=weight)
                        for n in book.authors)
        return WorkRecord(
            source="OpenLibrary", authors=authors, title=book.title, year=book.year_for(reference.year),
            publisher=_closest(reference.publisher, book.publishers), url=f"https://openlibrary.org{book.key}",
            how=how, weight=weight, exact=exact,
        )


class OpenAlexEvidence(_IndexEvidence):
    """Evidence source and work source for scholarly works: OpenAlex by DOI, else title + year."""

    name = "OpenAlex"

    def _lookup(self, reference: Reference, failures: list[str]) -> WorkRecord | None:
        doi = normal_doi(reference.doi)
        if doi:
            work = _usable(self._client.work(doi), self.name, reference, failures)
            return self._record(work, f"its DOI ({doi})", self._exact, exact=True) if work else None
        if reference.type not in SCHOLARLY or not reference.title:
            return None
        works = _usable(self._client.search(reference.title, reference.year), self.name, reference, failures)
        accepted = accept_work(works, reference.title) if works else None
        return self._record(*accepted, self._search) if accepted else None

    def _record(self, work: OpenAlexWork, how: str, weight: float, exact: bool = False) -> WorkRecord:
        authors = tuple(RecordAuthor(name=n, family=family_of(n), form="the OpenAlex record", weight=weight)
                        for n in work.authors)
        return WorkRecord(
            source="OpenAlex", authors=authors, title=work.title, year=work.year, doi=work.doi, container=work.venue,
            url=work.id, how=how, weight=weight, exact=exact,
        )


def _closest(wanted: str, options: tuple[str, ...]) -> str:
    if not options:
        return ""
    if not wanted:
        return options[0]
    return max(options, key=lambda o: fuzz.partial_ratio(fold(wanted), fold(o)))
