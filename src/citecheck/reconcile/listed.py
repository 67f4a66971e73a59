"""The names an entry can be cited by, and which written forms of them count as the same name.

``Reference.cite_names`` gives bare family names; a citation may also write the particle
("van der Berg", "Van der Berg", or just "Berg") or the whole name family first ("Kim Jong-il"), and an organisation may be cited by the
acronym the entry gives ("World Health Organization (WHO)" -> "WHO") or, when written in
capitals, by its initials ("World Health Organization" -> "WHO"). A bibliography that
ends its author list with "et al." (a Harvard habit; the parser keeps it as the literal
"others", BibTeX's spelling) is truncated: the work has more authors than are listed.
An entry listed under its title (MLA's '*Beloved*. Directed by ...', a legal case's "Brown v.
Board of Education, 347 U.S. 483 (1954).") is cited by that title, whatever fields it was read into.

An entry is cited by its authors, else its editors, else its translators (``extra`` ``translator``:
a .bib's translator-only @book, Chicago's "———, trans. 2023. *The Iliad*."), as biblatex's label
name falls back from author to editor to translator; only an entry with none of them by its title.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from citecheck.model import Name, Reference
from citecheck.model.names import with_particle

from .normalize import match_key

ETAL_LITERAL = "others"  # BibTeX's "and others", the parser's record of a listed "et al."
_TRAILING_ACRONYM = re.compile(r"^(?P<base>.*?\S)\s*[(\[](?P<acronym>[^()\[\]]{2,12})[)\]]\s*\.?$")
# Chicago's author-date "NOAA (National Oceanic and Atmospheric Administration)": the acronym first, cited by it
_LEADING_ACRONYM = re.compile(r"^(?P<acronym>[A-Z][A-Z&.]{1,11})\s*[(\[](?P<base>[^()\[\]]{4,})[)\]]\s*\.?$")
# DIN's "BBSR – Bundesinstitut für Bau-, Stadt- und Raumforschung": the acronym, a dash, the name; cited by the acronym
_DASHED_ACRONYM = re.compile(r"^(?P<acronym>[A-Z][A-Z&.]{1,11})\s+[–—-]\s+(?P<base>\S.{3,})$")
# a body, a comma and what it is: "Gavi, the Vaccine Alliance"
_BODY_THEN_WHAT_IT_IS = re.compile(r"^(?P<head>[^\W\d_][^,;&]*),\s+[Tt]he\s+[^\W\d_][^,;&]*$")
# ABNT's (NBR 6023) body under its jurisdiction, "BRASIL. Ministério da Educação": cited "(BRASIL, 2021)"
_JURISDICTION_FIRST = re.compile(r"^(?P<head>[A-ZÀ-Þ]{2,}(?:\s[A-ZÀ-Þ]{2,}){0,3})\.\s+(?P<base>[^\W\d_].{3,})$")
# initials before a family name in a citation: "J. Smith", "J.-P. Lee", "A. B. Cox"
_CITED_INITIALS = re.compile(r"^(?P<initials>(?:[^\W\d_]\.(?:\s*-\s*[^\W\d_]\.)?\s*)+)\s(?=\s*[^\W\d_]{2})")
_MINOR_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "to", "a", "an", "&", "de", "des", "du", "la"})


@dataclass(frozen=True)
class ListedName:
    """One name as the bibliography gives it: ``text`` is how a citation should write it.

    ``keys`` are the folded forms a citation may use for it (``normalize.match_key``);
    ``initials`` is an organisation's acronym built from its words (when it gives none
    of its own), which a citation may use only when written in capitals. ``given_initials``
    are a person's ("JP" for "Jean-Pierre", "AB" for "A. B."), which APA writes before the
    family name to tell apart authors of the same family name ("J. Smith, 2019").
    """

    text: str
    keys: frozenset[str]
    initials: str = ""
    given_initials: str = ""


def cited_people(reference: Reference) -> tuple[Name, ...]:
    """The people (or bodies) a citation of ``reference`` names: its authors, else its editors, else
    its translators; none for an entry cited by its title."""
    if reference.authors or reference.editors:
        return reference.authors or reference.editors
    listed = [v for k, v in reference.extra if k == "translator" and v.strip()]
    if not listed:
        return ()
    from citecheck.parse.bibtex import parse_names  # a BibTeX name list (``parse.bibtex.names_text``)

    return parse_names(listed[0])


def listed_names(reference: Reference) -> tuple[ListedName, ...]:
    """The names a citation of ``reference`` shows, in order, without a closing "et al."."""
    people = cited_people(reference)
    if people:
        return tuple(_person_or_body(n) for n in people if not _is_etal(n))
    return (literal_name(reference.title),) if reference.title else ()


def is_truncated(reference: Reference) -> bool:
    """The reference list gives only the first authors, then "et al."."""
    people = cited_people(reference)
    return bool(people) and _is_etal(people[-1])


def author_count(reference: Reference) -> int:
    """How many authors the work has; a truncated list means at least three, and more than listed."""
    listed = len(listed_names(reference))
    return max(3, listed + 1) if is_truncated(reference) else listed


@lru_cache(maxsize=1024)  # a citation's few names, compared with every entry in turn
def cited_keys(text: str) -> frozenset[str]:
    """Folded forms of a cited name: as written, without a bracketed acronym ("WHO [World...]"), and APA 7's
    abbreviation alone ("Comisión Económica para América Latina y el Caribe [CEPAL]" for an entry listed as "CEPAL")."""
    keys = {match_key(text)}
    found = _TRAILING_ACRONYM.match(text.strip())
    if found:
        keys.add(match_key(found["base"]))
        if found["acronym"].replace(".", "").replace("&", "").isupper():
            keys.add(match_key(found["acronym"]))
    initials = _CITED_INITIALS.match(text.strip())
    if initials:  # "J. Smith": the family name is what fits; the initials tell entries apart (``initials_agree``)
        keys.add(match_key(text.strip()[initials.end():]))
    return frozenset(k for k in keys if k)


# the case endings a family name takes in running text in Czech, Slovak, Polish and the like: "Podle Svobody"
# (Svoboda), "Nowaka" (Nowak), "s Novákem" (Novák), "Novákovi", "Kowalskiego" (Kowalski)
_CASE_ENDINGS = ("ovi", "owi", "iej", "em", "om", "ou", "ego", "ej", "emu", "ého", "ému", "ým", "ą", "y", "a", "u", "e", "ě", "i")


def declined_form(cited: str, listed: ListedName) -> bool:
    """The cited name is the listed family name in another grammatical case (Czech "Svobody" for Svoboda,
    Polish "Nowaka" for Nowak): its stem, four letters or more, then a case ending, as a sentence names a
    person in Slavic languages."""
    word = cited.strip()
    if " " in word or len(word) < 5 or not word[:1].isupper():
        return False
    family = listed.text.strip()
    if " " in family or family[:1] != word[:1] or family == word:
        return False
    for ending in _CASE_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) < 4:
                continue
            if family == stem and ending not in ("e", "i"):  # "Nowaka", "Novákem"; not "Browne" for Brown
                return True
            # "Svobody", "Kowalskiej" (Kowalska); a name in -i declines whole ("Kowalskiego"), so "Kowalsky" for
            # Kowalski is a misspelling
            if family[: len(stem)] == stem and family[len(stem):] in ("a", "á", "ý"):
                return True
    return False


def initials_agree(cited: str, listed: ListedName) -> bool | None:
    """Whether the initials a cited name starts with ("J. Smith") are the listed person's (John, J. R.);
    None when the citation gives none, or the list gives no given name to compare with."""
    found = _CITED_INITIALS.match(cited.strip())
    if found is None or not listed.given_initials:
        return None
    letters = "".join(ch for ch in found["initials"] if ch.isalpha()).casefold()
    return listed.given_initials.casefold().startswith(letters)


def _given_initials(given: str) -> str:
    """ "Jean-Pierre" -> "JP", "A. B." -> "AB", "Anna" -> "A"."""
    return "".join(word[0] for word in re.split(r"[\s.\-]+", given) if word and word[0].isalpha())


def fits(cited: str, listed: ListedName) -> bool:
    """The cited text is a way of writing the listed name (folding case, accents, particles, acronyms)."""
    if cited_keys(cited) & listed.keys:
        return True
    return bool(listed.initials) and cited.strip().replace(".", "") == listed.initials  # "WHO", "W.H.O.", not "Who"


def short_form(reference: Reference) -> str:
    """ "Smith", "Smith & Jones", "Smith, Jones & Lee", "Smith et al." (four or more, or a truncated list)."""
    names = [n.text for n in listed_names(reference)]
    if not names:
        return ""
    if is_truncated(reference) or len(names) > 3:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " & " + names[-1]


def _is_etal(name: Name) -> bool:
    return name.literal.strip().casefold() == ETAL_LITERAL


def _person_or_body(name: Name) -> ListedName:
    if name.literal:
        listed = literal_name(name.literal)
        family = _unread_family_name(name.literal)
        if family:
            return ListedName(text=listed.text, keys=listed.keys | {match_key(family)}, initials=listed.initials)
        return listed
    full = with_particle(name.particle, name.family)
    keys = {match_key(full), match_key(name.family)}
    if name.given:  # the whole name, family first, as East Asian names are cited: "(Kim Jong-il 1994)"
        keys.add(match_key(f"{full} {name.given}"))
        given = name.given.split()
        if len(given) > 1 and len(given[-1]) > 2 and "." not in given[-1] and given[-1][:1].isupper():
            # a Spanish family name of two, the list reading the first as a given name: "María Soledad
            # Martínez Pería" (given first, as Chicago lists a second author) is cited "Martínez Pería"
            keys.add(match_key(f"{given[-1]} {full}"))
    return ListedName(text=full or name.family, keys=frozenset(k for k in keys if k),
                      given_initials=_given_initials(name.given))


# two or three capitalised words, given name first, and nothing else: "Aykut Firat", "Chidi Okafor"
_PERSON_SHAPED = re.compile(r"^(?:[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*\s+){1,2}(?P<family>[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*)$")


def _unread_family_name(literal: str) -> str:
    """The family name of a person the parser kept whole, its given name being one it does not know
    ("Aykut Firat, 2003." in a list that writes names given name first): the last of two or three
    capitalised words, none in capitals, which a citation may name alone ("(Firat 2003)"). An
    organisation so shaped ("Statistics Canada") is not cited by its last word, so the key costs
    nothing there."""
    found = _PERSON_SHAPED.match(literal.strip())
    if not found or not all(w[:1].isupper() and not w.isupper() for w in literal.split()):
        return ""
    return found["family"]


def literal_name(text: str) -> ListedName:
    """An organisation, or a title standing in as author: also its bracketed acronym and initials, or
    its name in brackets after the acronym it is cited by ("NOAA (National Oceanic ...)")."""
    keys = {match_key(text)}
    leading = _LEADING_ACRONYM.match(text.strip()) or _DASHED_ACRONYM.match(text.strip())
    if leading:  # "NOAA (National Oceanic and Atmospheric Administration)": cited as "NOAA"
        keys |= {match_key(leading["base"]), match_key(leading["acronym"])}
        return ListedName(text=leading["acronym"], keys=frozenset(k for k in keys if k))
    what_it_is = _BODY_THEN_WHAT_IT_IS.match(text.strip())
    if what_it_is:  # "Gavi, the Vaccine Alliance": cited "(Gavi, 2018)" too
        keys.add(match_key(what_it_is["head"]))
        return ListedName(text=text, keys=frozenset(k for k in keys if k))
    under = _JURISDICTION_FIRST.match(text.strip())
    if under:  # "BRASIL. Ministério da Educação": cited by its jurisdiction, "(BRASIL, 2021)"
        keys |= {match_key(under["head"]), match_key(under["base"])}
        return ListedName(text=under["head"], keys=frozenset(k for k in keys if k))
    found = _TRAILING_ACRONYM.match(text.strip())
    if found and found["acronym"].replace(".", "").isupper():  # it gives its own acronym: that one, not initials
        keys |= {match_key(found["base"]), match_key(found["acronym"])}
        return ListedName(text=found["base"], keys=frozenset(k for k in keys if k))
    if found and found["base"].isupper() and found["acronym"][:1].isupper():
        # ABNT's jurisdiction with its kind, "SÃO PAULO (Estado)", "RIO DE JANEIRO (Município)": cited "(SÃO PAULO, 2015)"
        return ListedName(text=found["base"], keys=frozenset(k for k in keys | {match_key(found["base"])} if k))
    return ListedName(text=text, keys=frozenset(k for k in keys if k), initials=_initials(text))


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-/]+", text) if w and w.casefold() not in _MINOR_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


_LIST_MARK = re.compile(r"\s*(?:[-+•]\s+|\d{1,4}[.)]\s+|\[\d{1,4}\]\s*)?")
# where a title written first can end: its closing italics or quotes, its full stop or comma, a "(" after it
_TITLE_END = re.compile(r"[*_\"”’.,:;!?(\[]|\s*\Z")


def listed_under(cited: str, reference: Reference) -> bool:
    """The entry's text begins with the whole of ``cited`` as its title: '*Beloved*. Directed by ...' is
    listed under "Beloved" (not "*Beloved Reconsidered*. ..."), "Brown v. Board of Education, 347 U.S. 483
    (1954)." under the case's name: so cited by it, even when its fields were read otherwise."""
    wanted = match_key(cited)
    if not wanted:
        return False
    raw = reference.raw[_LIST_MARK.match(reference.raw).end():]
    limit = 2 * len(cited) + 8  # room for markup and spacing, not a search through the entry
    for end in _TITLE_END.finditer(raw, 1):
        if end.start() > limit:
            return False
        if match_key(raw[: end.start()]) == wanted:
            return True
    return False
