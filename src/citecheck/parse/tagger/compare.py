"""How the rules' reading of an entry and the tagger's are compared (``combine``, ``guessed_publisher``):
their values folded to words, and how sure the tagger must be to fill a field."""
from __future__ import annotations

import re

from ...model import Name

FILL_CONFIDENCE = 0.9  # the tagger fills a field the rules left empty, or corrects one, when this sure
_NON_WORD = re.compile(r"[\W_]+")


def norm(value: object) -> str:
    """A value as words, lower case, for comparing two readings of it: a name by its family name (or
    the literal), a tuple of names joined by "|"."""
    if isinstance(value, tuple):
        return "|".join(norm(v) for v in value)
    if isinstance(value, Name):
        return (value.family or value.literal).lower()
    return _NON_WORD.sub(" ", str(value)).strip().lower()
