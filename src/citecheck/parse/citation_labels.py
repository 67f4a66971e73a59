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
from .references import ALPHA_LABEL, AUTHOR_YEAR_LABEL

_BRACKET = re.compile(rf"\[(?P<items>{ALPHA_LABEL}(?:\s*,\s*{ALPHA_LABEL})*)(?:\s*,\s*(?P<locator>[^\]\[\n]{{1,30}}))?\](?!\(|:)")


def alpha_labels(references: Sequence[Reference], form: str = ALPHA_LABEL) -> dict[str, str]:
    """label -> key of the entries an alpha-labelled list labels (empty when fewer than two are); ``form``:
    apalike's author-year labels (``AUTHOR_YEAR_LABEL``) instead."""
    labels: dict[str, str] = {}
    for ref in references:
        label = " ".join(dict(ref.extra).get("label", "").split())
        if re.fullmatch(form, label):
            labels.setdefault(label, ref.key)
    return labels if len(labels) >= 2 else {}


_AUTHOR_YEAR_BRACKET = re.compile(r"\[(?P<inner>[^\[\]]{3,400}?)\](?!\(|:)")
_LABEL_YEAR = re.compile(r",\s(?:1[5-9]|20)\d{2}[a-z]?(?=,\s|$)")


def _author_year_citations(text: CleanText, labels: dict[str, str]) -> tuple[list[Citation], list[Finding]]:
    """apalike's brackets, "[Smith and Jones, 1990]", "[García, 1991, Lee and Jones, 1993]", "[Lee and Jones,
    1993, p. 5]": each item a label of the list cites its entry; an item with a year that no entry is labelled
    with is a missing reference; what follows the last item is its locator."""
    citations: list[Citation] = []
    findings: list[Finding] = []
    ordered = sorted(labels, key=len, reverse=True)
    for m in _AUTHOR_YEAR_BRACKET.finditer(text.text):
        inner = " ".join(m.group("inner").split())
        if not _LABEL_YEAR.search(inner):
            continue
        group, span = "[" + inner + "]", text.span(m.start(), m.end())
        found: list[str] = []
        unknown: list[str] = []
        pos = 0
        while pos < len(inner):
            label = next((x for x in ordered if inner.startswith(x, pos)
                          and (pos + len(x) == len(inner) or inner.startswith(", ", pos + len(x)))), None)
            if label is None:
                year = _LABEL_YEAR.search(inner, pos)
                if year is None:
                    break
                unknown.append(inner[pos:year.end()])
                pos = year.end()
            else:
                found.append(label)
                pos += len(label)
            if inner.startswith(", ", pos):
                pos += 2
        locator = inner[pos:].strip()
        if not found and not unknown:
            continue
        for label in found:
            citations.append(Citation(text=group, span=span, names=(), key=labels[label], locator=locator, group=group))
        for item in unknown:
            findings.append(Finding(kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, citation=group, span=span,
                                    message=f"{group} cites [{item}], but the reference list has no entry labelled so"))
    return citations, findings


def find_label_citations(text: CleanText, references: Sequence[Reference]) -> tuple[tuple[Citation, ...], tuple[Finding, ...]]:
    author_year = alpha_labels(references, AUTHOR_YEAR_LABEL)
    if author_year and "[" in text.text:
        found, missing = _author_year_citations(text, author_year)
        return tuple(found), tuple(missing)
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
