"""Folding names and titles into keys that compare equal when only the typing differs.

Case, accents, apostrophes, punctuation, runs of whitespace, a leading "The",
trailing punctuation and a case's "vs." for "v." do not make two names (or two titles) different.
"""
from __future__ import annotations

import re

from anyascii import anyascii

_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_VERSUS = re.compile(r"(?<=[0-9a-z]) vs (?=[0-9a-z])")


def match_key(text: str) -> str:
    """ "The  Foreign NGO Law…" -> "foreign ngo law"; "What Is Human Trafficking?" -> "what is human trafficking";
    "Brown vs. Board of Education" -> "brown v board of education" (a case's "vs." is its "v.")."""
    folded = _APOSTROPHES.sub("", text)
    folded = _NOT_WORD.sub(" ", anyascii(folded).casefold()).strip()
    if folded.startswith("the ") and len(folded) > 4:
        folded = folded[4:]
    return _VERSUS.sub(" v ", folded)


def names_key(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(match_key(n) for n in names)
