"""A sole name of two given names, "Hugh Craig" ("Craig" is a given name as well as a family name), is kept
whole by the name parser (``names._sole_name``: a person's name needs a last word that is no given name, or
"Marie Claire", a magazine, would be Claire, Marie). The body that cites the entry by the last word alone, with
the entry's year ("(Craig 2004)", "Craig (2004) shows", "(see Craig, 2004, p. 3)"), says which it is: a person
known by that family name. Such an author is read as the person, Craig, Hugh (its key "craig...", its BibTeX
name "Craig, Hugh", not "{Hugh Craig}"), on the evidence of that citation only."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..model import Name, Reference
from .given_names import is_given_name, is_given_name_anywhere
from .names import is_organisation

_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")  # "Hugh", "Anne-Marie"


def persons_cited_by_family(refs: Sequence[Reference], body: str) -> tuple[Reference, ...]:
    """``refs`` with each first author written "Given Given" (``_two_given_names``) that ``body`` cites by the
    last word alone, with the entry's year, read as that person."""
    return tuple(_as_person(ref, body) for ref in refs)


def _as_person(ref: Reference, body: str) -> Reference:
    if not ref.authors or ref.year is None or not _two_given_names(ref.authors[0]):
        return ref
    first, last = ref.authors[0].literal.split()
    if not _cited_by(body, first, last, f"{ref.year}{ref.year_suffix}"):
        return ref
    person = Name(family=last, given=first, raw=ref.authors[0].raw or ref.authors[0].literal)
    return dataclasses.replace(ref, authors=(person,) + ref.authors[1:])


def _two_given_names(name: Name) -> bool:
    words = name.literal.split()
    return (len(words) == 2 and all(_WORD.fullmatch(w) for w in words) and not is_organisation(name.literal)
            and is_given_name_anywhere(words[0].split("-")[0]) and is_given_name(words[1]))


def _cited_by(body: str, first: str, last: str, year: str) -> bool:
    """Does ``body`` cite ``last`` alone, not after ``first``, with ``year``: "(Craig 2004", "Craig, 2004",
    "Craig (2004)", "Craig et al. 2004" is not (the entry has one author)?"""
    pattern = re.compile(rf"\b{re.escape(last)}(?:,\s*|\s+\(?\s*){re.escape(year)}(?![\da-z])")
    for m in pattern.finditer(body):
        before = body[max(0, m.start() - len(first) - 2) : m.start()]
        if not re.search(rf"\b{re.escape(first)}\s+$", before):
            return True
    return False
