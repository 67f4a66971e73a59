"""The record a source found for a reference, and how it weighs candidate spellings.

Every online source (the cited page, Crossref, OpenLibrary, OpenAlex) answers a
reference with at most one ``WorkRecord``: the authors it names (each with the form it
came from and the weight that form deserves), the title, year, DOI and publisher, and
how the match was made. ``weigh_record`` turns a record into name evidence; verify.py
compares the record with the whole reference.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from citecheck.model import Evidence, Reference

from .textmatch import family_of, names_candidate


@dataclass(frozen=True)
class RecordAuthor:
    """An author as the source gives it: ``name`` as written, ``family`` when the source splits it."""

    name: str
    family: str = ""
    form: str = ""  # where it came from: "<meta name=citation_author>", "Crossref author", ...
    weight: float = 0.0  # log-odds this naming deserves as evidence for a spelling


@dataclass(frozen=True)
class WorkRecord:
    source: str  # "Crossref", "OpenLibrary", "OpenAlex", "cited page"
    authors: tuple[RecordAuthor, ...]
    title: str = ""
    year: int | None = None
    doi: str = ""
    publisher: str = ""
    container: str = ""
    url: str = ""  # the page, or the service's record of the work
    how: str = ""  # how it was matched: "exact DOI", "search: score 61.2 vs 20.4 ..."
    weight: float = 0.0  # how much the match itself is worth (exact DOI > search margin)
    exact: bool = False  # matched by an identifier (DOI, ISBN) or is the cited page itself

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(a.family or family_of(a.name) for a in self.authors)

    def describe(self) -> str:
        """ "OpenLibrary lists 'Human Trafficking' (Greenhaven Press, 2012) by Margaret Haerens"."""
        where = ", ".join(p for p in (self.container or self.publisher, str(self.year or "")) if p)
        who = ", ".join(a.name for a in self.authors[:4]) + (" et al." if len(self.authors) > 4 else "")
        title = f"'{self.title}'" if self.title else "the work"
        doi = f" (DOI {self.doi})" if self.doi else ""
        return f"{self.source} lists {title}{f' ({where})' if where else ''}{doi}{f' by {who}' if who else ''}"


@runtime_checkable
class WorkSource(Protocol):
    """Something that finds the record of the work a reference describes."""

    name: str

    def lookup(self, reference: Reference) -> WorkRecord | None: ...


def weigh_record(
    record: WorkRecord | None, candidates: Sequence[str], source: str, says: "Says | None" = None
) -> tuple[Evidence, ...]:
    """Evidence for each candidate spelling the record's authors contain (none if all or none do)."""
    if record is None or not record.authors:
        return ()
    unique = tuple(dict.fromkeys(candidates))
    present: dict[str, RecordAuthor] = {}
    for candidate in unique:
        names = [a for a in record.authors if names_candidate(candidate, [a.name, a.family])]
        if names:
            present[candidate] = max(names, key=lambda a: a.weight)
    if not present:
        return ()  # the record names none of the spellings: silence, not evidence
    explain = says or _default_says
    if len(present) == len(unique):
        # every spelling is there (conflicting tags): only a stronger form can choose, by its margin
        ranked = sorted(present.items(), key=lambda item: -item[1].weight)
        (best, author), runner_up = ranked[0], ranked[1][1]
        margin = round(author.weight - runner_up.weight, 3)
        if margin <= 0:
            return ()
        detail = f"{explain(record, author)}, while {runner_up.form or 'another form'} names '{runner_up.name}'"
        return (Evidence(source=source, detail=detail, supports=best, weight=margin),)
    return tuple(
        Evidence(source=source, detail=explain(record, author), supports=candidate, weight=author.weight)
        for candidate, author in present.items()
    )


class Says(Protocol):
    def __call__(self, record: WorkRecord, author: RecordAuthor) -> str: ...


def _default_says(record: WorkRecord, author: RecordAuthor) -> str:
    return f"{record.describe()}; matched by {record.how}" if record.how else record.describe()
