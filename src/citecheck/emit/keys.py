"""Deterministic citation keys: ``zauggNorth2019``, ``unodcGlobal2018``, ``yoonSex2019a``.

A key is a name part, the first significant title word capitalised, and the year (or
``nd``). The name part is the first author's (else the first editor's) family name folded to
lowercase ASCII, at most ``NAME_CHARS`` characters; an
organisation (a literal name) gives the initials of its significant words when it has
three or more (United Nations Office on Drugs and Crime -> ``unodc``), else its words
joined (UNICEF -> ``unicef``, HP Boe -> ``hpboe``). With no author, the publisher (else
the container) stands in the same way; with neither, the key is the title word and the
year. The title word is cut to ``WORD_CHARS`` characters, so a key stays short whatever the
reference (a megabyte-long line gives an ordinary key). Keys that clash get ``a``, ``b``, ``c`` ... in input order.
"""
from __future__ import annotations

import itertools
import re
import string
from collections import Counter
from collections.abc import Iterator, Sequence

from anyascii import anyascii

from ..model import EntryType, Name, Reference
from ..model.reference import replace_reference

STOP_WORDS = frozenset(
    """
    a an the of on in at to for from by with without into onto upon about as and or nor but
    is are was were be been being do does did what which who whom whose why when where how
    this that these those it its there their our your his her my we you they he she i
    not no yes vs via per than then so if
    le la les el los las der die das den dem des de du del di da von van ein eine und et y
    """.split()
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_FALLBACK_NAME = "anon"
NAME_CHARS = 24  # the longest name part of a key ("unodc", "zaugg"; a 2 MB "name" is cut)
WORD_CHARS = 20  # the longest title word in a key


_VERSUS = re.compile(r"\s+vs?\.?\s+")  # a case's "v." between its parties


_WHAT_IT_IS = re.compile(r",\s+[Tt]he\s+")


def _fold(text: str) -> str:
    """Lowercase ASCII letters and digits only."""
    return _NOT_ALNUM.sub("", anyascii(text).lower())


def _significant_words(text: str) -> list[str]:
    words = (_fold(w) for w in text.split())
    return [w for w in words if w and w not in STOP_WORDS]


def organisation_part(text: str) -> str:
    """The key part for an organisation or handle: initials if 3+ significant words (of its name before
    ", the ...": "Gavi, the Vaccine Alliance" is keyed by "gavi")."""
    words = _significant_words(_WHAT_IT_IS.split(text, maxsplit=1)[0])
    if len(words) >= 3:
        return "".join(w[0] for w in words)
    if words:
        return "".join(words)
    return _fold(text)


def _name_part(name: Name) -> str:
    if name.is_literal:
        return organisation_part(name.literal)
    return _fold(name.family) or _fold(name.given)


def _title_word(title: str) -> str:
    """The first significant word; a bare number ("2021 Report") only when nothing else is left.
    Words are folded one at a time, up to the first that serves (a title is longer than its key)."""
    number = ""
    for raw in title.split():
        word = _fold(raw)
        if not word or word in STOP_WORDS:
            continue
        if not word.isdigit():
            return word
        number = number or word
    return number


def make_key(ref: Reference) -> str:
    """The base key of ``ref`` (before clash suffixes)."""
    year = str(ref.year) if ref.year is not None and not ref.no_date else "nd"
    word = _title_word(ref.title)
    name = ""
    if ref.authors or ref.editors:  # an edited book: its editor, as a citation names it
        name = _name_part((ref.authors or ref.editors)[0])
    elif translators := _translators(ref):  # a translation listed under its translator ("Wilson, Emily, trans.")
        name = _name_part(translators[0])
    if not name and ref.type is EntryType.LEGAL_CASE and _VERSUS.search(ref.title):
        # a case by its parties, as it is cited: "Brown v. Board of Education" -> brownBoard
        first, second = _VERSUS.split(ref.title, maxsplit=1)
        name, word = _title_word(first), _title_word(second) or word
    if not name:
        organisation = ref.publisher or ref.container
        name = organisation_part(organisation) if organisation else ""
    name, word = name[:NAME_CHARS], word[:WORD_CHARS]
    if not name:
        return (word or _FALLBACK_NAME) + year
    return name + word[:1].upper() + word[1:] + year


def _translators(ref: Reference) -> tuple[Name, ...]:
    """The translators ``extra`` gives (a BibTeX name list, ``parse.bibtex.names_text``)."""
    listed = next((v for k, v in ref.extra if k == "translator" and v.strip()), "")
    if not listed:
        return ()
    from ..parse.bibtex import parse_names  # it builds on this package

    return parse_names(listed)


def _suffixes() -> Iterator[str]:
    """a, b, ..., z, aa, ab, ..."""
    for size in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=size):
            yield "".join(letters)


def assign_keys(refs: Sequence[Reference], keep_existing: bool = True) -> tuple[Reference, ...]:
    """Give every reference a unique key; with ``keep_existing``, non-empty keys stay."""
    kept = [bool(keep_existing and r.key) for r in refs]
    reserved = {r.key for r, keep in zip(refs, kept) if keep}
    bases = [None if keep else make_key(r) for r, keep in zip(refs, kept)]
    counts = Counter(b for b in bases if b is not None)
    suffix_iters: dict[str, Iterator[str]] = {}
    taken = set(reserved)
    result: list[Reference] = []
    for ref, base in zip(refs, bases):
        if base is None:
            result.append(ref)
            continue
        key = base
        if counts[base] > 1 or base in taken:
            letters = suffix_iters.setdefault(base, _suffixes())
            key = base + next(letters)
            while key in taken or key in counts:
                key = base + next(letters)
        taken.add(key)
        result.append(ref if ref.key == key else replace_reference(ref, key=key))
    return tuple(result)
