"""Family names a reference list writes in capitals as a style (DIN 1505, ISO 690, ABNT, some Vancouver lists:
"QUASCHNING, Volker", "SILVA, J. A. da", "SMITH JA") read in the case a BibTeX, CSL or RIS record gives them
("Quaschning", "Silva"): a style's capitals are typography, which a citation style applies again itself.

Only where the list's style shows: at least half of its people (a family name and given names or initials)
have their family name in capitals. An organisation or a name without given names ("NASA", "UNESCO", "BRASIL.
Ministério da Educação") is never recased, nor is a list that writes one "NG, A." among names in the usual case.
A family name written with a small letter keeps its prefix ("McDONALD" -> "McDonald", "MacLEAN" -> "MacLean"),
and one in capitals all through gets Mc's ("MCCARTHY" -> "McCarthy"; not Mac's: "MACHADO" is "Machado");
particles inside it are lower case ("DE LA FUENTE" -> "De la Fuente"). ``Name.raw`` keeps the text as written.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Name, Reference
from ..model.reference import replace_reference
from .names import PARTICLES

_PART = re.compile(r"[^\W\d_]+")
_LOWER_PREFIX = re.compile(r"^(?P<prefix>(?:Mc|Mac|O'|O’|D'|D’)?)(?P<rest>.*)$")


def _in_capitals(family: str) -> bool:
    letters = [c for c in family if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _prefixed_capitals(family: str) -> bool:
    """"McDONALD", "MacLEAN": a small-letter prefix, then capitals."""
    found = _LOWER_PREFIX.match(family)
    return found is not None and found.group("prefix") != "" and _in_capitals(found.group("rest"))


def _person(name: Name) -> bool:
    return not name.literal and bool(name.family) and bool(name.given.strip(" .,"))


def recased(family: str) -> str:
    """``family`` in capitals written as a name is: each word and each part of a hyphenated or apostrophised
    word with a capital, particles after the first word in small letters."""
    found = _LOWER_PREFIX.match(family)
    prefix = found.group("prefix") if found is not None and _in_capitals(found.group("rest")) else ""
    words = family[len(prefix):].split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if i > 0 and word.lower() in PARTICLES:
            out.append(word.lower())
        elif word.startswith("MC") and len(word) > 3 and word[2:].isalpha():  # "MCCARTHY" -> "McCarthy"
            out.append("Mc" + _PART.sub(_capitalised, word[2:]))
        else:
            out.append(_PART.sub(_capitalised, word))
    return prefix + " ".join(out)


def _capitalised(part: re.Match[str]) -> str:
    word = part.group(0)
    return word[:1] + word[1:].replace("İ", "i").lower()  # Turkish "ÇELİK" -> "Çelik", not a dotted "i̇"


def recase_capital_family_names(refs: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """``refs`` with their people's family names out of capitals, when the list writes them so as a style."""
    people = [n for r in refs for n in (*r.authors, *r.editors) if _person(n)]
    capitals = [n for n in people if _in_capitals(n.family) or _prefixed_capitals(n.family)]
    if not capitals or 2 * len(capitals) < len(people):
        return refs
    out: list[Reference] = []
    for ref in refs:
        authors, editors = _recased_names(ref.authors), _recased_names(ref.editors)
        out.append(ref if authors is ref.authors and editors is ref.editors else replace_reference(ref, authors=authors, editors=editors))
    return tuple(out)


def _recased_names(names: tuple[Name, ...]) -> tuple[Name, ...]:
    if not any(_person(n) and (_in_capitals(n.family) or _prefixed_capitals(n.family)) for n in names):
        return names
    return tuple(replace(n, family=recased(n.family)) if _person(n) and (_in_capitals(n.family) or _prefixed_capitals(n.family))
                 else n for n in names)
