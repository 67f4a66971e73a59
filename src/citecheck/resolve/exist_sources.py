"""The scholarly indexes an existence check asks, each behind one small interface.

``find(reference) -> Reply`` looks the reference up by its identifier (DOI, arXiv ID,
ISBN) and by its title; ``by_author(reference)`` is the second search, among the first
author's works, asked when the title only matched other people's papers. A source that has
nothing to say about a kind of reference answers ``skipped``; failures are ``failed``
replies (never absence).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from citecheck.model import EntryType, Reference

from .answers import Answer, Outcome
from .arxiv import ArxivClient, ArxivEntry, arxiv_id
from .crossref import CrossrefClient, CrossrefWork, normal_doi
from .exist_match import cited_families
from .exist_records import Reply, Status, Work
from .openalex import OpenAlexClient, OpenAlexWork
from .openlibrary import OpenLibraryBook, OpenLibraryClient
from .semantic_scholar import ScholarPaper, SemanticScholarClient
from .textmatch import family_of

SCHOLARLY_TYPES = frozenset({EntryType.ARTICLE, EntryType.CONFERENCE, EntryType.CHAPTER, EntryType.BOOK,
                             EntryType.THESIS, EntryType.REPORT, EntryType.DOCUMENT})


@runtime_checkable
class Searcher(Protocol):
    name: str

    def find(self, reference: Reference) -> Reply: ...

    def by_author(self, reference: Reference) -> Reply | None: ...


class _Gather:
    """Collects the answers of one source's requests into one Reply."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.works: list[Work] = []
        self.answered = False
        self.failures: list[str] = []
        self.missing = ""

    def add(self, answer: Answer, convert: Callable[[object], tuple[Work, ...]], missing: str = "") -> None:
        if answer.found:
            self.answered = True
            self.works.extend(convert(answer.value))
        elif answer.outcome is Outcome.NOT_FOUND:
            self.answered = True
            self.missing = self.missing or missing
        else:
            self.failures.append(answer.detail)

    def reply(self) -> Reply:
        works = tuple(dict.fromkeys(self.works))
        if self.answered:
            note = "; ".join(self.failures)
            return Reply(self.source, Status.ANSWERED, works, detail=note, missing_id=self.missing)
        if self.failures:
            return Reply(self.source, Status.FAILED, detail="; ".join(self.failures))
        return Reply(self.source, Status.SKIPPED, detail="nothing to look up")


def _families(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(family_of(n) for n in names)


def _by_doi_then_title(name: str, client, convert, reference: Reference) -> Reply:
    """An index's answer: the record of the reference's DOI, and a search by its title."""
    got = _Gather(name)
    doi = normal_doi(reference.doi)
    if doi:
        got.add(client.work(doi), lambda w: (convert(w, f"DOI {doi}"),), missing=f"DOI {doi}")
    if reference.title:
        got.add(client.search(reference.title), lambda ws: tuple(convert(w) for w in ws))
    return got.reply()


class CrossrefSearch:
    name = "Crossref"

    def __init__(self, client: CrossrefClient) -> None:
        self._client = client

    def find(self, reference: Reference) -> Reply:
        return _by_doi_then_title(self.name, self._client, _crossref, reference)

    def by_author(self, reference: Reference) -> Reply | None:
        families = cited_families(reference)[:1]
        if not families or not reference.title:
            return None
        got = _Gather(self.name)
        got.add(self._client.search(reference.title, families), lambda ws: tuple(_crossref(w) for w in ws))
        return got.reply()


def _crossref(work: CrossrefWork, by_id: str = "") -> Work:
    names = tuple(a.display() for a in work.authors)
    return Work(
        source="Crossref", title=work.full_title, authors=names,
        families=tuple(a.family or family_of(a.display()) for a in work.authors), year=work.year, doi=work.doi,
        container=work.container, publisher=work.publisher, url=f"https://doi.org/{work.doi}", kind=work.type,
        by_id=by_id, notices=work.notices,
    )


class OpenAlexSearch:
    name = "OpenAlex"

    def __init__(self, client: OpenAlexClient) -> None:
        self._client = client

    def find(self, reference: Reference) -> Reply:
        return _by_doi_then_title(self.name, self._client, _openalex, reference)

    def by_author(self, reference: Reference) -> Reply | None:
        return None


def _openalex(work: OpenAlexWork, by_id: str = "") -> Work:
    return Work(source="OpenAlex", title=work.title, authors=work.authors, families=_families(work.authors),
                year=work.year, doi=work.doi, container=work.venue, url=work.id, kind=work.type, by_id=by_id)


class ArxivSearch:
    name = "arXiv"

    def __init__(self, client: ArxivClient) -> None:
        self._client = client

    def find(self, reference: Reference) -> Reply:
        ident = arxiv_id(reference)
        if not ident:
            return Reply(self.name, Status.SKIPPED, detail="no arXiv identifier")
        got = _Gather(self.name)
        got.add(self._client.by_id(ident), lambda e: (_arxiv(e, f"arXiv {ident}"),), missing=f"arXiv {ident}")
        return got.reply()

    def by_author(self, reference: Reference) -> Reply | None:
        return None


def _arxiv(entry: ArxivEntry, by_id: str) -> Work:
    return Work(source="arXiv", title=entry.title, authors=entry.authors, families=_families(entry.authors),
                year=entry.year, doi=entry.doi, arxiv=entry.id, container=entry.journal_ref,
                url=f"https://arxiv.org/abs/{entry.id}", kind="preprint", by_id=by_id)


class OpenLibrarySearch:
    name = "OpenLibrary"

    def __init__(self, client: OpenLibraryClient) -> None:
        self._client = client

    def find(self, reference: Reference) -> Reply:
        if reference.type is not EntryType.BOOK and not reference.isbn:
            return Reply(self.name, Status.SKIPPED, detail="not a book")
        got = _Gather(self.name)
        if reference.isbn:
            got.add(self._client.by_isbn(reference.isbn), lambda b: (_book(b, f"ISBN {reference.isbn}"),),
                    missing=f"ISBN {reference.isbn}")
        if reference.title:
            got.add(self._client.search(reference.title), lambda bs: tuple(_book(b) for b in bs))
        return got.reply()

    def by_author(self, reference: Reference) -> Reply | None:
        families = cited_families(reference)[:1]
        if reference.type is not EntryType.BOOK or not families or not reference.title:
            return None
        got = _Gather(self.name)
        got.add(self._client.search(reference.title, author=families[0]), lambda bs: tuple(_book(b) for b in bs))
        return got.reply()


def _book(book: OpenLibraryBook, by_id: str = "") -> Work:
    return Work(source="OpenLibrary", title=book.title, authors=book.authors, families=_families(book.authors),
                year=book.first_publish_year or (min(book.years) if book.years else None),
                years=tuple(sorted(set(book.years) | ({book.first_publish_year} if book.first_publish_year else set()))),
                publisher=book.publishers[0] if book.publishers else "", url=f"https://openlibrary.org{book.key}",
                kind="book", by_id=by_id)


class SemanticScholarSearch:
    name = "Semantic Scholar"

    def __init__(self, client: SemanticScholarClient) -> None:
        self._client = client

    def find(self, reference: Reference) -> Reply:
        if not reference.title or reference.type not in SCHOLARLY_TYPES:
            return Reply(self.name, Status.SKIPPED, detail="not a scholarly work")
        got = _Gather(self.name)
        got.add(self._client.search(reference.title), lambda ps: tuple(_paper(p) for p in ps))
        return got.reply()

    def by_author(self, reference: Reference) -> Reply | None:
        return None


def _paper(paper: ScholarPaper) -> Work:
    return Work(source="Semantic Scholar", title=paper.title, authors=paper.authors, families=_families(paper.authors),
                year=paper.year, doi=paper.doi, arxiv=paper.arxiv, container=paper.venue,
                url=f"https://www.semanticscholar.org/paper/{paper.id}")
