"""BibTeX's alpha labels: "[Knu84]", "[GGH15, Wor18]", "[MGL19, p. 50]" cite the entries the list labels so.

The ``alpha`` style (and ``amsalpha``, biblatex's ``alphabetic``) labels each entry with its authors' initials
and year, "[ZLSO14]", and cites it by that label. The reference splitter keeps an entry's label
(``Reference.extra`` "label"); when at least two entries carry such labels, every bracket of the text whose
items are labels cites the entries with them (a key citation, matched exactly; a page after the last item,
"p. 50", is its locator), and an item shaped like a label that no entry has is a missing reference.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Citation, CleanText, Finding, Kind, Reference, Severity
from .references import ALPHA_LABEL

_BRACKET = re.compile(rf"\[(?P<items>{ALPHA_LABEL}(?:\s*,\s*{ALPHA_LABEL})*)(?:\s*,\s*(?P<locator>[^\]\[\n]{{1,30}}))?\](?!\(|:)")


def alpha_labels(references: Sequence[Reference]) -> dict[str, str]:
    """label -> key of the entries an alpha-labelled list labels (empty when fewer than two are)."""
    labels: dict[str, str] = {}
    for ref in references:
        label = dict(ref.extra).get("label", "")
        if re.fullmatch(ALPHA_LABEL, label):
            labels.setdefault(label, ref.key)
    return labels if len(labels) >= 2 else {}


def find_label_citations(text: CleanText, references: Sequence[Reference]) -> tuple[tuple[Citation, ...], tuple[Finding, ...]]:
    labels = alpha_labels(references)
    if not labels or "[" not in text.text:
        return (), ()
    citations: list[Citation] = []
    findings: list[Finding] = []
    for m in _BRACKET.finditer(text.text):
        group = " ".join(m.group().split())
        span = text.span(m.start(), m.end())
        locator = " ".join((m.group("locator") or "").split())
        for item in re.split(r"\s*,\s*", m.group("items")):
            key = labels.get(item)
            if key is not None:
                citations.append(Citation(text=group, span=span, names=(), key=key, locator=locator, group=group))
            else:
                findings.append(Finding(kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, citation=group, span=span,
                                        message=f"{group} cites [{item}], but the reference list has no entry labelled so"))
    return tuple(citations), tuple(findings)
