"""A year suffix the reference list gives one work alone: "Lee, K. (2020a)" with no other Lee 2020.

Suffixes tell apart works by the same authors from one year; the list assigns them, so a citation of
2020 for an entry listed 2020b is told to add the suffix. But a suffix on the only work of its
authors from that year tells nothing apart: the list's slip, not the citation's. There the fix drops
the suffix from the entry, decided when no citation writes it (else the two sides disagree among
themselves and the fix is shown for review).
"""
from __future__ import annotations

from collections.abc import Sequence

from citecheck.model import Citation, Evidence, Finding, Fix, Kind, Reference, Severity, Target

from .normalize import names_key

DECIDED = 0.9  # a lone suffix, written by no citation: the entry drops it
UNDECIDED = 0.5


def lone_suffix(reference: Reference, references: Sequence[Reference]) -> bool:
    """The entry has a year suffix, and no other entry with its first author is from that year (or n.d.): lists
    give suffixes by the first author ("Smith, Jones & Lee (2019a)", "Smith (2019b)")."""
    if not reference.year_suffix or not reference.cite_names:
        return False
    first = names_key(reference.cite_names[:1])
    return not any(other is not reference and names_key(other.cite_names[:1]) == first and other.year == reference.year
                   and other.no_date == reference.no_date for other in references)


def lone_suffix_finding(cited: Sequence[Citation], reference: Reference, with_suffix: int) -> Finding:
    """The finding for ``cited``, citations of ``reference`` without its lone suffix; ``with_suffix`` other
    citations write it."""
    first = cited[0]
    listed, plain = reference.year_label, reference.year_label[: -len(reference.year_suffix)]
    count = f"{len(cited)} citation{'' if len(cited) == 1 else 's'}"
    message = (f'"{first.text}" ({count}) cites {plain}; the reference list gives the entry {listed}, but no other '
               f"work by these authors is from {plain}: the suffix tells nothing apart, drop it from the entry")
    if with_suffix:
        message += (f" (and from the {with_suffix} citation{'' if with_suffix == 1 else 's'} that write it; not "
                    "decided while the citations disagree: the fix will not be applied)")
    evidence = (
        Evidence(source="bibliography", detail=f"the only entry by these authors from {plain} is listed as {listed}: "
                 "a suffix tells apart works of one year, and there is no other", supports=plain),
        Evidence(source="in-text citations", detail=f"{count} give{'s' if len(cited) == 1 else ''} {plain} without a suffix"
                 + (f"; {with_suffix} give {listed}" if with_suffix else ""), supports=plain),
    )
    fix = Fix(target=Target.REFERENCE, field="year", before=listed, after=plain, locations=(reference.span,),
              reference=reference.key, confidence=UNDECIDED if with_suffix else DECIDED)
    return Finding(kind=Kind.YEAR_MISMATCH, severity=Severity.ERROR, message=message, reference=reference.key,
                   citation=first.text, suggested=plain, evidence=evidence, fix=fix, span=first.span)
