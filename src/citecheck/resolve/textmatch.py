"""Comparing what a source says with what a reference says: titles, person names, family names.

Everything is folded first (ASCII, case, punctuation), so "Müller" and "Muller" agree.
A candidate surname is *named* by a source when its words appear as whole, consecutive
words of one of the source's author names: "Zaugg" is in "Julie Zaugg" and in
"Zaugg, Julie"; "Kin" is not in "Kinsley".
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from anyascii import anyascii
from rapidfuzz import fuzz

from .evidence import surname_words

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_SUFFIXES = {"JR", "SR", "II", "III", "IV", "PHD", "MD"}


def fold(text: str) -> str:
    """ "The Foreign NGO Law…" -> "the foreign ngo law"."""
    return _NOT_WORD.sub(" ", anyascii(text).casefold().replace("'", "").replace("\u2019", "")).strip()


def _main_title(text: str) -> str:
    return re.split(r"[:?!]|\s[-\u2013\u2014]\s", text, maxsplit=1)[0]


def title_similarity(first: str, second: str) -> float:
    """0..100: how alike two titles are; a missing or extra subtitle does not count against them."""
    a, b = fold(first), fold(second)
    if not a or not b:
        return 0.0
    whole = fuzz.ratio(a, b)
    main = fuzz.ratio(fold(_main_title(first)), fold(_main_title(second)))
    lead = max(fuzz.ratio(fold(_main_title(first)), b), fuzz.ratio(a, fold(_main_title(second))))
    return float(max(whole, main if min(len(a), len(b)) > 3 else 0, lead))


def _contains(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    size = len(wanted)
    return bool(size) and any(words[i : i + size] == wanted for i in range(len(words) - size + 1))


def name_words(name: str) -> tuple[str, ...]:
    """ "Perry Chiaramonte" -> ("PERRY", "CHIARAMONTE"); "Zaugg, Julie" -> ("ZAUGG", "JULIE")."""
    return tuple(w for part in re.split(r"[\s,]+", name) for w in surname_words(part))


def names_candidate(candidate: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that contains ``candidate`` as whole consecutive words, else None."""
    wanted = surname_words(candidate)
    return next((n for n in names if _contains(name_words(n), wanted)), None)


def family_of(name: str) -> str:
    """The family name in a display name: "Zaugg, Julie" -> "Zaugg"; "Perry Chiaramonte" -> "Chiaramonte"."""
    name = " ".join(name.split())
    if "," in name:
        head = name.split(",", 1)[0].strip()
        if head and len(head.split()) <= 3:
            return head
    words = [w for w in name.split() if w.strip(".").upper() not in _SUFFIXES]
    return words[-1] if words else ""


def closest_family(family: str, families: Sequence[str], minimum: float = 75.0) -> tuple[str, float] | None:
    """The spelling among ``families`` most like ``family`` (a probable misspelling), if close enough.

    An exact (folded) match returns None: nothing is misspelled.
    """
    key = fold(family)
    scored = [(fuzz.ratio(key, fold(f)), f) for f in families if fold(f)]
    if not scored or any(fold(f) == key for _, f in scored):
        return None
    score, best = max(scored)
    return (best, score) if score >= minimum else None
