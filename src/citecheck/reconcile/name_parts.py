"""A person cited by one of their names that is not a family name: "(Tedros, 2021)" for "Tedros Adhanom
Ghebreyesus (2021)", "(Suu Kyi, 2019)" for "Aung San Suu Kyi (2019)".

Ethiopian and Eritrean names have no family name (the second is the father's given name, and the person is
known by the first: the WHO writes "Dr Tedros"), many Indonesians have one name or are known by one of theirs,
and Burmese names have no family name at all. A writer cites such a person as they are known, and the list
writes the whole name, kept whole by the parser ("Tedros Adhanom Ghebreyesus", as an organisation would be)
or read as a family name and a given name ("Ghebreyesus, Tedros Adhanom"). So when nothing else fits a
one-name citation, an entry of the cited year whose first author has the cited name among their names (a
whole given name, or words of a name kept whole that reads as a person's, not an organisation's) is the
work meant, when it is the only such entry: a match (``MatchKind.KNOWN_BY``), with an ``info`` note that says
how it was read (``name_part_notes``). A
family name of several words ("García Márquez") is not such a name: citing part of it is a mistake, which
``checks.missing_references`` names. Initials ("Ghebreyesus, T. A.") do not say which name "T." is. A name a
person is known by that is none of their names' words, "(Jokowi, 2019)" for Joko Widodo, is read so only from a
curated table (``known_names``)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.model import Citation, Name, Reference
from citecheck.parse.names import ORGANISATION_WORDS

from .known_names import known_as
from .listed import cited_people
from .normalize import match_key

_MAX_WORDS = 5  # "Aung San Suu Kyi", "Tedros Adhanom Ghebreyesus": a person's name kept whole, not a body's
_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*")


def known_by(citation: Citation, references: Sequence[Reference]) -> int | None:
    """The one entry of the citation's year whose first author has the single cited name among their
    names without it being their family name (None if none, or several)."""
    if len(citation.names) != 1 or citation.etal or citation.title_as_author or citation.year is None:
        return None
    cited = match_key(citation.names[0].text)
    if not cited or " " not in cited and len(cited) < 3:
        return None
    found = [i for i, r in enumerate(references) if r.year == citation.year and _same_label(citation, r)
             and cited_people(r) and (cited in _other_names(cited_people(r)[0]) or known_as(cited, cited_people(r)[0]))]
    return found[0] if len(found) == 1 else None


def _same_label(citation: Citation, reference: Reference) -> bool:
    return not citation.year_suffix or citation.year_suffix == reference.year_suffix


def _other_names(name: Name) -> frozenset[str]:
    """The folded names a person may be known by besides the family name: the given names from the first on
    ("Tedros Adhanom" gives "tedros" and "tedros adhanom", as a person is known by a first name, never by a
    second alone), or every run of words of a name the list kept whole ("Aung San Suu Kyi" gives "suu kyi",
    "aung san" ...), but for the whole."""
    if name.literal:
        words = name.literal.split()
        if not 2 <= len(words) <= _MAX_WORDS or not all(_WORD.fullmatch(w) and w[:1].isupper() and not w.isupper()
                                                       for w in words):
            return frozenset()
        if any(w.casefold() in ORGANISATION_WORDS for w in words):
            return frozenset()  # "World Bank" is not cited "(Bank, 2020)"
        return _runs(words)
    given = [w for w in name.given.split() if _WORD.fullmatch(w) and len(w) > 1 and not w.isupper()]
    if len(given) != len(name.given.split()):
        return frozenset()  # initials: "T. A." does not say which name "T." is
    return frozenset(k for k in (match_key(" ".join(given[:j])) for j in range(1, len(given) + 1)) if k)


def _runs(words: list[str]) -> frozenset[str]:
    """Every run of ``words`` but the whole: "Aung San Suu Kyi" gives "suu kyi", "aung san", "san suu" ..."""
    runs = {match_key(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
            if j - i < len(words)}
    return frozenset(r for r in runs if r)
