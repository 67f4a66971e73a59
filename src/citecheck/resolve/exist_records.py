"""What an index said about a reference, for existence checks: candidate works and replies.

A ``Work`` is one record an index (or the cited page) offered, normalised across
services; a ``Reply`` is one source's whole answer for one reference: ``answered`` (with
zero or more works), ``failed`` (no usable answer: never evidence of absence), ``skipped``
(the source has nothing to say about this kind of reference) or ``stopped`` (the circuit
breaker no longer asks a source that kept failing).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .retraction import Notice


class Status(str, Enum):
    ANSWERED = "answered"
    FAILED = "failed"
    SKIPPED = "skipped"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Work:
    source: str  # "Crossref", "OpenAlex", "arXiv", "OpenLibrary", "Semantic Scholar", "cited page"
    title: str
    authors: tuple[str, ...] = ()  # display names
    families: tuple[str, ...] = ()  # family names, parallel to authors
    year: int | None = None
    years: tuple[int, ...] = ()  # every year the record knows (book editions); () = (year,)
    doi: str = ""
    arxiv: str = ""
    container: str = ""
    publisher: str = ""
    url: str = ""
    kind: str = ""  # the service's type ("journal-article", "posted-content", "book" ...)
    by_id: str = ""  # the identifier it was found by ("DOI 10...", "arXiv 2106.01345"); "" for a search hit
    notices: tuple[Notice, ...] = ()

    @property
    def all_years(self) -> tuple[int, ...]:
        return self.years or ((self.year,) if self.year else ())

    @property
    def preprint(self) -> bool:
        return self.source == "arXiv" or self.kind in ("posted-content", "preprint") or bool(self.arxiv)

    def describe(self) -> str:
        who = ", ".join(self.authors[:3]) + (" et al." if len(self.authors) > 3 else "")
        where = ", ".join(p for p in (self.container or self.publisher, str(self.year or "")) if p)
        ident = f" (DOI {self.doi})" if self.doi else (f" (arXiv {self.arxiv})" if self.arxiv else "")
        return f"'{self.title}'{f' ({where})' if where else ''}{ident}{f' by {who}' if who else ''}"


@dataclass(frozen=True)
class Reply:
    source: str
    status: Status
    works: tuple[Work, ...] = ()
    detail: str = ""
    missing_id: str = ""  # an identifier the source answered it does not know ("DOI 10.1/x")

    @property
    def answered(self) -> bool:
        return self.status is Status.ANSWERED

    @property
    def unanswered(self) -> bool:
        return self.status in (Status.FAILED, Status.STOPPED)
