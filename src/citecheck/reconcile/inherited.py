"""Entries used through another entry: a ``crossref``/``xref`` parent, an ``@xdata`` container, the members of a
cited ``@set`` (``entryset``) and the entries a used entry names in ``related``.

A .bib's ``@proceedings`` that its papers name in ``crossref`` is rarely cited itself: biber gives
the cited papers its title as their booktitle (and lists it only when ``mincrossrefs`` papers cite
it). Calling it "listed but never cited" invites deleting it, which breaks the papers; so an entry a
used entry inherits from counts as used too, through chains (a paper -> its proceedings -> an
``@xdata``). So do the members of a cited ``@set`` (biblatex prints them as its one entry) and the entries a
used entry names in ``related`` (biblatex prints their data in its entry: "Translation of ..."). ``xdata``,
``xref``, ``entryset`` and ``related`` may name several keys, comma-separated. Keys are compared exactly, as
biber compares them. A key no entry has is a warning (``missing_parents``), as biber and bibtex warn of it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from citecheck.model import Citation, Finding, Kind, Reference, Severity

INHERITING_FIELDS = frozenset({"crossref", "xref", "xdata", "entryset", "related"})


def parent_keys(reference: Reference) -> list[str]:
    """The keys ``reference`` inherits fields from, in the order its fields name them."""
    return [key.strip() for name, value in reference.extra if name.lower() in INHERITING_FIELDS
            for key in value.split(",") if key.strip()]


def with_parents(used: Iterable[int], references: Sequence[Reference]) -> set[int]:
    """``used`` (indices into ``references``) and every entry they inherit from, directly or not."""
    by_key: dict[str, list[int]] = {}
    for i, reference in enumerate(references):
        by_key.setdefault(reference.key, []).append(i)
    seen = set(used)
    todo = list(seen)
    while todo:
        for key in parent_keys(references[todo.pop()]):
            for parent in by_key.get(key, ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
    return seen


def set_members(reference: Reference, references: Sequence[Reference]) -> list[Reference]:
    """The entries an ``@set`` names in its ``entryset``, in that order (none for another entry)."""
    keys = [key.strip() for name, value in reference.extra if name.lower() == "entryset"
            for key in value.split(",") if key.strip()]
    by_key = {r.key: r for r in reversed(references)}  # the first of a key listed twice, as biber takes it
    return [_dated(by_key[key], by_key) for key in keys if key in by_key and by_key[key] is not reference]


def _dated(reference: Reference, by_key: dict[str, Reference], depth: int = 0) -> Reference:
    """``reference`` with the year it inherits (a paper's from its ``crossref`` proceedings), as biber gives it."""
    if reference.year is not None or depth > 8:
        return reference
    for key in parent_keys(reference):
        parent = by_key.get(key)
        if parent is not None and parent is not reference:
            dated = _dated(parent, by_key, depth + 1)
            if dated.year is not None:
                return replace(reference, year=dated.year, no_date=False)
    return reference


def missing_parents(citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[object]
                    ) -> list[tuple[int, Finding]]:
    """A warning for each key an entry names in ``crossref``, ``xref``, ``xdata``, ``entryset`` or ``related``
    that no entry has (biber: "I didn't find a database entry for crossref 'x'", and ignores the link;
    bibtex: "A bad cross reference"): the entry gets none of the fields it was to inherit."""
    keys = {reference.key for reference in references}
    found = []
    for i, reference in enumerate(references):
        for name, value in reference.extra:
            for key in (k.strip() for k in value.split(",")) if name.lower() in INHERITING_FIELDS else ():
                if key and key not in keys:
                    found.append((len(citations) + i, Finding(
                        kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, reference=reference.key or None,
                        span=reference.span,
                        message=f"line {reference.span.line}: {name.lower()} names {key!r}, which no entry has: "
                                f"biber ignores the link, so {reference.key!r} gets nothing from it")))
    return found
