"""The one interface every name evidence source speaks, and how candidate names are split.

A source weighs candidate spellings of one author name ("Zaugg" vs "Zuagg") for one
reference and returns ``Evidence`` records: ``supports`` is the spelling it favours,
``weight`` its strength in log-odds, ``detail`` a sentence for humans. A source that
cannot say anything returns an empty sequence: silence is not evidence.
Offline sources (census prior, spelling shape, URL slug) live next to this module;
network ones (page metadata, Crossref, OpenLibrary) implement the same Protocol and
get their transport injected.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from anyascii import anyascii

from citecheck.model import Evidence, Reference

_NOT_LETTERS = re.compile(r"[^A-Z]+")
_WORD_BREAKS = re.compile(r"[\s\-\u2010-\u2015]+")


@runtime_checkable
class NameEvidenceSource(Protocol):
    """Something that can weigh candidate spellings of an author name."""

    name: str

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        """Evidence about ``candidates`` (two or more spellings) for ``reference``; may be empty."""
        ...


def surname_words(text: str) -> tuple[str, ...]:
    """The words of a surname as upper-case ASCII letters: "Haerens" -> ("HAERENS",).

    Hyphens and spaces separate words ("Smith-Jones" -> ("SMITH", "JONES")); accents are
    folded ("Müller" -> "MULLER") and apostrophes dropped ("O'Brien" -> "OBRIEN").
    """
    words = (_NOT_LETTERS.sub("", anyascii(w).upper()) for w in _WORD_BREAKS.split(text))
    return tuple(w for w in words if w)


def differing_words(first: str, second: str) -> tuple[tuple[str, str], ...] | None:
    """Word pairs that differ between two spellings with the same number of words.

    None when the word counts differ (the spellings are not comparable word by word).
    """
    a, b = surname_words(first), surname_words(second)
    if not a or len(a) != len(b):
        return None
    return tuple((x, y) for x, y in zip(a, b) if x != y)


def is_personal_surname(candidates: Sequence[str], reference: Reference) -> bool:
    """True when one candidate is the family name of a person (not a literal or a title).

    Surname statistics mean nothing for organisations or titles used as authors.
    """
    wanted = {surname_words(c) for c in candidates}
    people = (n for n in (*reference.authors, *reference.editors) if not n.is_literal and n.family)
    return any(surname_words(n.family) in wanted for n in people)
