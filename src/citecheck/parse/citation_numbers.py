"""Numbered citations (IEEE, Vancouver): "[3]", "[2, 4]", "[4]-[6]", "[2,4–6]" cite entries by number.

A numbered reference list labels its entries "[3]" or "3." (``Reference.extra`` "label", set by
the reference splitter). When at least two entries carry such labels, every bracketed number
of the document's text cites the entry with that label: a key citation of that entry (matched
exactly, no year asked for), or, for a number no entry has, a ``missing-reference`` finding.
Ranges are expanded ("[4]-[6]" and "[4–6]" cite 4, 5 and 6). A bracket followed by ":" is a
Markdown link definition, not a citation. A document with no bracketed number may cite in
parentheses, as Vancouver allows: "(3)", "(2,4-6)" after a word (not an enumeration's "(1)"
at the start of a line or after a colon).
"""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Citation, CleanText, Finding, Kind, Reference, Severity

_ITEM = r"\d{1,4}(?:\s*[-–]\s*\d{1,4})?"
_BRACKETS = re.compile(rf"\[(?P<first>\d{{1,4}})\]\s*[-–]\s*\[(?P<last>\d{{1,4}})\]|\[(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*)\](?!:|\()")
# Vancouver in parentheses, "(3)", "(2,4-6)": read only when the document has no bracketed
# number at all, and never at the start of a line (an enumeration: "(1) first, ...")
_PARENS = re.compile(rf"(?<=[^\s:;])[ \t]?\((?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*)\)")
PAREN_SLACK = 5  # "(2019)" is a year, not entry 2019: a number far past the list's last is no citation
MAX_RANGE = 50  # "[1-500]" is no citation range


def numbered_labels(references: Sequence[Reference]) -> dict[str, str]:
    """label -> key of the entries a numbered list labels (empty when fewer than two are)."""
    labels = {}
    for ref in references:
        label = dict(ref.extra).get("label", "")
        if label.isdigit():
            labels.setdefault(str(int(label)), ref.key)
    return labels if len(labels) >= 2 else {}


def _numbers(match: re.Match[str]) -> list[int]:
    if match.groupdict().get("first"):
        pairs = [(int(match.group("first")), int(match.group("last")))]
    else:
        pairs = []
        for item in match.group("items").split(","):
            bounds = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", item)
            pairs.append((int(bounds.group(1)), int(bounds.group(2) or bounds.group(1))))
    numbers = []
    for low, high in pairs:
        if high < low or high - low > MAX_RANGE:
            return []
        numbers.extend(range(low, high + 1))
    return numbers


def find_numbered_citations(text: CleanText, references: Sequence[Reference]) -> tuple[tuple[Citation, ...], tuple[Finding, ...]]:
    labels = numbered_labels(references)
    if not labels:
        return (), ()
    citations: list[Citation] = []
    findings: list[Finding] = []
    pattern = _BRACKETS if _BRACKETS.search(text.text) else _PARENS
    last = max(int(label) for label in labels)
    for match in pattern.finditer(text.text):
        numbers = _numbers(match)
        if not numbers or (pattern is _PARENS and max(numbers) > last + PAREN_SLACK):
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        group = text.text[start:match.end()]
        span = text.span(start, match.end())
        for number in numbers:
            key = labels.get(str(number))
            if key is not None:
                citations.append(Citation(text=group, span=span, names=(), key=key, group=group))
            else:
                findings.append(Finding(
                    kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, citation=group, span=span,
                    message=f"{group} cites entry {number}, but the numbered reference list has no entry {number}"))
    return tuple(citations), tuple(findings)
