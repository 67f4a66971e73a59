"""A work in press (or forthcoming) is not a work without a date, though both have no year.

APA cites a work accepted but not yet published as "(Nowak, in press)" and one with no date as
"(Nowak, n.d.)"; the reader keeps both as ``no_date`` (no year to compare), and the reference
parser records an entry's "(in press)" as biblatex's ``pubstate`` (``Reference.extra``). Here the
two are told apart again, so "(Nowak, in press)" fits the entry in press and not the undated one
by the same author; "in press" and "forthcoming" count as one state (a work yet to appear).
"""
from __future__ import annotations

import re

from citecheck.model import Citation, Reference

_PENDING_WORDS = re.compile(r"(?<!\w)(?P<word>in\s+press|forthcoming)(?!\w)", re.IGNORECASE)
PENDING = frozenset({"inpress", "forthcoming"})


def cited_pending(citation: Citation) -> str:
    """ "in press" or "forthcoming" when the citation gives that for a date, else ""."""
    if not citation.no_date:
        return ""
    found = None
    for found in _PENDING_WORDS.finditer(citation.text):
        pass  # the last one: the date comes after the names
    return " ".join(found["word"].split()).casefold() if found else ""


def listed_pending(reference: Reference) -> str:
    """ "in press" or "forthcoming" when the entry is so (its ``pubstate``), else ""."""
    state = next((v for k, v in reference.extra if k == "pubstate"), "")
    if state not in PENDING or reference.year is not None and not reference.no_date:
        return ""
    return "in press" if state == "inpress" else state


def cited_label(citation: Citation) -> str:
    """The date a citation gives, as written: "2019a", "n.d.", "in press"."""
    return cited_pending(citation) or citation.year_label


def listed_label(reference: Reference) -> str:
    """The date an entry gives: "2019a", "n.d.", "in press"."""
    return listed_pending(reference) or reference.year_label


def same_state(citation: Citation, reference: Reference) -> bool:
    """Both in press (or forthcoming), or neither: "(Nowak, in press)" does not fit "Nowak (n.d.)"."""
    return bool(cited_pending(citation)) == bool(listed_pending(reference))
