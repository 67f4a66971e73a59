"""Persons whose given names the name lists do not know, read as persons where the reference list's style
shows them to be: a list that writes its entries' first authors given name first (IEEE's "K. He", biblatex's
and ACM's "Michael Smith and Jane Doe") puts persons there, so "Chidi Okafor and Oluwaseun Adeyemi", which
``parse_author_list`` keeps whole (neither given name is in its lists, and "Goldman Sachs" is shaped so too),
is two persons, and "Chidi Okafor, Oluwaseun Adeyemi", read as one inverted name ("García Márquez, Gabriel"
is shaped so), two as well.

The evidence asked for: at least two other entries whose first author is a person written given name first,
three for every one written family name first; every part two or three capitalised words (an initial between
them), none an organisation's ("Amnesty International", "Human Rights Watch"), and at least two parts. A sole
author ("Oluwaseun Adeyemi") is a person only when the list names that person elsewhere, so a firm written
alone ("Ernst Young", "Pew Research") stays whole.
"""
from __future__ import annotations

import re

from ..model import Name
from .names import PARTICLES, is_organisation, parse_name

_PART_SPLIT = re.compile(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")
_WORD = re.compile(r"^[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_VANCOUVER_INITIALS = re.compile(r"^(?:[A-Z]\.?-?){1,4}$")  # "J.A." read from "Smith JA"


def _given_first_person(name: Name) -> bool | None:
    """Is ``name`` a person written given name first (True), family name first (False), or no person (None)?"""
    if name.literal or not name.family or not name.given:
        return None
    raw = name.raw.strip()
    if "," in raw:
        return False
    if raw.startswith(name.family) or raw.startswith(f"{name.particle} {name.family}"):
        # Vancouver's "Smith JA" is a style's order; "Nguyen Thi Mai", "Wang Hui" are the names' own: no evidence
        return False if _VANCOUVER_INITIALS.match(name.given.replace(" ", "")) else None
    return raw.startswith(name.given.split()[0])


def _list_writes_given_first(authors: list[tuple[Name, ...]], skip: set[int]) -> bool:
    """Do the list's entries (but ``skip``) write their first author given name first?"""
    forms = [_given_first_person(names[0]) for i, names in enumerate(authors) if names and i not in skip]
    given_first, inverted = forms.count(True), forms.count(False)
    return given_first >= 2 and given_first >= 3 * inverted


def _person_part(part: str) -> bool:
    """"Chidi Okafor", "Oluwaseun A. Adeyemi", "Dana van der Berg": two or three capitalised words (an initial
    between them), and the particles before the family name."""
    words = part.split()
    particles = sum(1 for w in words[1:-1] if w in PARTICLES)
    if not 2 <= len(words) - particles <= 3 or is_organisation(part):
        return False
    if not (_WORD.match(words[0]) and _WORD.match(words[-1])):
        return False
    return all(_WORD.match(w) or _INITIAL.match(w) or w in PARTICLES for w in words[1:-1])


def _parts(text: str) -> list[str]:
    return [p.strip() for p in _PART_SPLIT.split(text.strip(" ,;.")) if p.strip()]


def _reread(names: tuple[Name, ...]) -> tuple[Name, ...] | None:
    """``names`` with a literal list of persons ("Chidi Okafor and Oluwaseun Adeyemi") or a name read as
    one inverted name ("Chidi Okafor, Oluwaseun Adeyemi") read as given-first persons; None when none is so."""
    out: list[Name] = []
    changed = False
    for name in names:
        merged = not name.literal and name.raw.count(",") == 1 and len(name.family.split()) >= 2
        if name.literal or merged:
            parts = _parts(name.raw)
            if len(parts) >= 2 and all(_person_part(p) for p in parts):
                out.extend(parse_name(p, given_first=True) for p in parts)
                changed = True
                continue
        out.append(name)
    return tuple(out) if changed else None


def _known(names: list[tuple[Name, ...]]) -> set[tuple[str, str]]:
    return {(n.family.lower(), n.given.lower()) for group in names for n in group if not n.literal and n.given}


def given_first_list_persons(authors: list[tuple[Name, ...]]) -> list[tuple[Name, ...]]:
    """The author lists of a reference list's entries, with persons the name lists do not know read as persons
    where the list writes given names first (the module docstring says when)."""
    candidates = {i for i, names in enumerate(authors) if any(n.literal or "," in n.raw for n in names)}
    if not candidates or not _list_writes_given_first(authors, candidates):
        return authors
    out = list(authors)
    for i in candidates:
        reread = _reread(out[i])
        if reread is not None:
            out[i] = reread
    known = _known(out)
    for i, names in enumerate(out):
        if len(names) == 1 and names[0].literal and _person_part(names[0].raw):
            person = parse_name(names[0].raw, given_first=True)
            if (person.family.lower(), person.given.lower()) in known:  # "Oluwaseun Adeyemi", named so elsewhere
                out[i] = (person,)
    return out
