"""Entries used through another entry: a ``crossref``/``xref`` parent, an ``@xdata`` container, the members of a
cited ``@set`` (``entryset``) and the entries a used entry names in ``related``.

A .bib's ``@proceedings`` that its papers name in ``crossref`` is rarely cited itself: biber gives
the cited papers its title as their booktitle (and lists it only when ``mincrossrefs`` papers cite
it). Calling it "listed but never cited" invites deleting it, which breaks the papers; so an entry a
used entry inherits from counts as used too, through chains (a paper -> its proceedings -> an
``@xdata``). So do the members of a cited ``@set`` (biblatex prints them as its one entry) and the entries a
used entry names in ``related`` (biblatex prints their data in its entry: "Translation of ..."). ``xdata``,
``xref``, ``entryset`` and ``related`` may name several keys, comma-separated. Keys are compared exactly, as
biber compares them.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from citecheck.model import Reference

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
