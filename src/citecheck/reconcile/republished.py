"""APA's republished works: "(Kuhn, 1962/1996)" cites the 1996 edition of a work first published in 1962.

The entry is dated with the edition's year and names the original's ("(Original work
published 1962)"), which the reference parser keeps as the record's original year. The
citation reader takes the later year as the citation's year, so such a citation matches
its entry like any other; here the original year it writes is compared with the entry's:

- the same: nothing to say;
- the entry gives none: an info note (matched on the later year; the entry could say
  when the work was first published);
- another year: a warning, without a fix (which side is right is not known offline).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.model import Citation, Evidence, Finding, Kind, Reference, Severity

from .keys import is_keyed
from .match import Match

Ordered = list[tuple[int, Finding]]
_ORIGINAL_FIELDS = ("origdate", "origyear", "original-date", "original_year")


def cited_original_year(citation: Citation) -> int | None:
    """1962 in "Kuhn, 1962/1996": the year before a slash and the citation's own year."""
    if citation.year is None or is_keyed(citation):
        return None
    found = re.search(rf"(?<![0-9])([1-9][0-9]{{2,3}})\s*/\s*{citation.year}{citation.year_suffix}(?!\w)",
                      citation.text)
    return int(found.group(1)) if found and int(found.group(1)) < citation.year - 1 else None


def listed_original_year(reference: Reference) -> int | None:
    """The year the entry says the work was first published, when the record holds it."""
    value = getattr(reference, "original_year", None)
    if isinstance(value, int):
        return value
    for name, text in reference.extra:
        if name.casefold() in _ORIGINAL_FIELDS and (found := re.match(r"\s*(-?[0-9]{1,4})\b", text)):
            return int(found.group(1))
    return None


def original_years(citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]) -> Ordered:
    groups: dict[tuple[int, int], list[Match]] = {}
    for match in matches:
        cited = cited_original_year(citations[match.citation])
        if cited is not None and match.reference is not None:
            groups.setdefault((match.reference, cited), []).append(match)
    found = []
    for (ref_index, cited), group in groups.items():
        reference, first = references[ref_index], citations[group[0].citation]
        listed = listed_original_year(reference)
        if listed == cited or (listed is None and _written_both(reference, cited, first)):
            continue
        found.append((group[0].citation, _finding(first, reference, cited, listed, len(group))))
    return found


def _written_both(reference: Reference, cited: int, citation: Citation) -> bool:
    """The entry writes both years as the citation does: Harvard's "Piaget, J. (1966/2000)"."""
    return re.search(rf"(?<![0-9]){cited}\s*/\s*{citation.year}(?![0-9])", reference.raw) is not None


def _finding(first: Citation, reference: Reference, cited: int, listed: int | None, count: int) -> Finding:
    uses = f"{count} citation{'' if count == 1 else 's'}"
    if listed is None:
        message = (
            f'"{first.text}" ({uses}) cites a republished work: matched on its later year, {first.year_label}; '
            f'the entry does not say when it was first published: add "(Original work published {cited})"'
        )
        severity, detail = Severity.INFO, f"the entry gives {reference.year_label} and no original year"
    else:
        message = (
            f'"{first.text}" ({uses}) gives {cited} as the original year, but the entry says it was first '
            f"published in {listed}; which is right is not decided offline"
        )
        severity, detail = Severity.WARNING, f"the entry gives {reference.year_label}, first published {listed}"
    evidence = (
        Evidence(source="bibliography", detail=f"{detail}; informational (weight 0)",
                 supports=str(listed) if listed else None),
        Evidence(source="in-text citations",
                 detail=f"{uses} {'gives' if count == 1 else 'give'} {cited} as the original year; informational (weight 0)",
                 supports=str(cited)),
    )
    return Finding(kind=Kind.YEAR_MISMATCH, severity=severity, message=message, reference=reference.key,
                   citation=first.text, evidence=evidence, span=first.span)
