"""A cited page outside the cited work's pages: "(Smith, 2019, p. 40)" for an article on pages 1–12.

Only page locators are read ("p. 40", "pp. 300–310", "S. 45", a bare "45–47", "12ff."), never a
paragraph, chapter or note; only an entry whose pages are a range of plain numbers ("1–12", "1234–36")
is checked (never for a citation whose year differs from the entry's: that may cite another work, and the
year is reported; nor for a page inside another range the entry writes, a reprint's or a translation's), so an article number ("e0123"), a book's page count or Roman pages never give a finding.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.model import Citation, Evidence, Finding, Kind, Reference, Severity

from .match import Match, MatchKind

# the keywords of a page ("p.", "pp.", German "S.", Spanish "pág.", Czech "s.", Polish "str.", Greek "σ."...)
_PAGE_WORDS = r"(?:pp?|pgs?|pages?|s|ss|с|págs?|blz|str|tr|σσ?)"
_PAGE_LOCATOR = re.compile(rf"(?i:{_PAGE_WORDS}\.?\s*)?(?P<pages>[0-9](?:[0-9\s,&–—.-]|and|f)*)")
_RANGE = re.compile(r"(?P<first>[0-9]+)(?:\s*[-–—]\s*(?P<last>[0-9]+))?")
_WRITTEN_RANGE = re.compile(r"(?<![0-9])(?P<first>[0-9]+)\s*[-–—]+\s*(?P<last>[0-9]+)(?![0-9])")
_NOT_PAGES = re.compile(r"\S*[/:]\S*|\b[0-9]{4}-[0-9]{3}[0-9X]\b")  # a DOI's, a URL's or an ISSN's "0165-1781"
_THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")  # "p. 1,234"
_ENTRY_PAGES = re.compile(r"\s*(?:pp?\.\s*)?(?P<first>[0-9]+)\s*[-–—]+\s*(?P<last>[0-9]+)\s*\.?\s*")


def _expand(first: int, last_text: str) -> int:
    """The last page of a range written short, "1234–36" -> 1236."""
    last = int(last_text)
    if last < first and len(last_text) < len(str(first)):
        return int(str(first)[: len(str(first)) - len(last_text)] + last_text)
    return last


def entry_pages(reference: Reference) -> tuple[int, int] | None:
    """The first and last page of the entry, when it gives them as plain numbers."""
    m = _ENTRY_PAGES.fullmatch(reference.pages)
    if m is None:
        return None
    first = int(m.group("first"))
    last = _expand(first, m.group("last"))
    return (first, last) if first < last else None


def cited_pages(locator: str) -> tuple[int, ...]:
    """The page numbers a locator cites (a range by its ends), or () when it cites no page by number."""
    m = _PAGE_LOCATOR.fullmatch(locator.strip())
    if m is None:
        return ()
    pages: list[int] = []
    for r in _RANGE.finditer(m.group("pages")):
        first = int(r.group("first"))
        pages.append(first)
        if r.group("last"):
            pages.append(_expand(first, r.group("last")))
    return tuple(pages)


def _written_ranges(reference: Reference) -> list[tuple[int, int]]:
    """Every page range the entry's text writes: a reprint's or a translation's beside the original's."""
    ranges: list[tuple[int, int]] = []
    for m in _WRITTEN_RANGE.finditer(_NOT_PAGES.sub(" ", reference.raw)):
        first = int(m.group("first"))
        ranges.append((first, _expand(first, m.group("last"))))
    return ranges


def _outside(locator: str, span: tuple[int, int], reference: Reference) -> list[int]:
    """The cited pages outside ``span`` and every other range the entry writes, read with and without a
    thousands separator ("p. 1,234" is page 1234, "pp. 12, 15" two pages): none when either reading fits."""
    ranges = [span, *_written_ranges(reference)]
    readings = [[p for p in cited_pages(reading) if not any(first <= p <= last for first, last in ranges)]
                for reading in dict.fromkeys((locator, _THOUSANDS.sub("", locator)))]
    return [] if any(not outside for outside in readings) else readings[0]


def pages_outside(citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]) -> list[
        tuple[int, Finding]]:
    """A warning for each citation whose page lies outside its entry's pages. The keys of one LaTeX command share
    its locator (``\\cite[p.~104]{a,b}``, which natbib and biblatex print after the last): a page that fits one of
    their entries is that entry's, and none of them is warned about."""
    found: list[tuple[int, Finding]] = []
    fitting: set[tuple[str, str]] = set()  # (command, locator) of a shared locator that fits one of its entries
    outsides: list[tuple[Match, list[int]]] = []
    for match in matches:
        if match.reference is None or match.kind is MatchKind.YEAR_DIFFERS:
            continue  # a citation whose year differs may be of another work: its year is reported
        citation, reference = citations[match.citation], references[match.reference]
        span = entry_pages(reference) if citation.locator else None
        if span is None:
            continue
        outside = _outside(citation.locator, span, reference)
        if not outside:
            if _shares_its_locator(citation):
                fitting.add((citation.text, citation.locator))
            continue
        outsides.append((match, outside))
    for match, outside in outsides:
        citation, reference = citations[match.citation], references[match.reference or 0]
        if _shares_its_locator(citation) and (citation.text, citation.locator) in fitting:
            continue
        message = (f'"{citation.text}" cites page {outside[0]}, but the entry gives pages {reference.pages}: '
                   "check the page or the entry")
        evidence = (Evidence(source="bibliography", detail=f"the entry {reference.key} gives pages {reference.pages}"),
                    Evidence(source="in-text citations", detail=f'the citation gives "{citation.locator}"'))
        found.append((match.citation, Finding(
            kind=Kind.PAGE_OUT_OF_RANGE, severity=Severity.WARNING, message=message, reference=reference.key,
            citation=citation.text, evidence=evidence, span=citation.span,
        )))
    return found


def _shares_its_locator(citation: Citation) -> bool:
    """A key of a LaTeX citation command, whose one locator all its keys share (``\\cite[p.~5]{a,b}``)."""
    return bool(citation.key) and citation.text.startswith("\\")
