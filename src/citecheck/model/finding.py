"""What the checks found, the evidence behind it, and the fix it proposes."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

from .span import Span


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.strip().upper()]


class Kind(str, Enum):
    """Stable finding codes: part of the JSON contract, never renamed."""

    NAME_MISMATCH = "name-mismatch"
    YEAR_MISMATCH = "year-mismatch"
    MISSING_REFERENCE = "missing-reference"
    UNCITED_REFERENCE = "uncited-reference"
    CITATION_MISSING_YEAR = "citation-missing-year"
    AMBIGUOUS_CITATION = "ambiguous-citation"
    ETAL_MISUSE = "etal-misuse"
    URL_REPAIRED = "url-repaired"
    NAME_REPAIRED = "name-repaired"
    MALFORMED_REFERENCE = "malformed-reference"
    UNPARSED_ENTRY = "unparsed-entry"
    LOW_CONFIDENCE_FIELD = "low-confidence-field"  # a parsed field the parser is unsure of: for review
    DUPLICATE_KEY = "duplicate-key"
    # link checking (links/)
    URL_DEAD = "url-dead"
    URL_SUSPECT = "url-suspect"  # failed, but not yet over the rot rule's span (citecheck links --history)
    URL_MOVED = "url-moved"
    URL_SOFT_404 = "url-soft-404"
    URL_BLOCKED = "url-blocked"
    URL_TIMEOUT = "url-timeout"
    ARCHIVE_MISSING = "archive-missing"
    CONTENT_DRIFT = "content-drift"
    # evidence from the cited work's metadata (resolve/)
    METADATA_MISMATCH = "metadata-mismatch"
    MISSING_FIELD = "missing-field"
    # existence of the cited work (resolve/)
    REFERENCE_NOT_FOUND = "reference-not-found"
    REFERENCE_MISMATCH = "reference-mismatch"
    REFERENCE_UNDECIDED = "reference-undecided"
    RETRACTED = "retracted"
    # link checking (links/), added later: appended so the SARIF rule indices of the others stay put
    URL_ERROR = "url-error"  # 5xx, a redirect loop, a reset or TLS failure: the page cannot be read
    # LaTeX inputs not used (parse/document.py), added later (they were unparsed-entry): appended too
    STALE_AUX = "stale-aux"  # a .aux/.bcf older than its .tex: from an earlier LaTeX run
    REMOTE_BIBLIOGRAPHY = "remote-bibliography"  # \addbibresource[location=remote]{https://...}: not downloaded
    # the reconcile stage, added later: appended too
    PAGE_OUT_OF_RANGE = "page-out-of-range"  # a cited page outside the pages the entry gives


class Target(str, Enum):
    """Which side of a mismatch a fix edits."""

    CITATION = "citation"
    REFERENCE = "reference"


@dataclass(frozen=True)
class Evidence:
    """Why we believe something.

    ``source`` names where the belief comes from ("bibliography", "in-text citations",
    "surname frequency (US Census 1990)", later "cited page metadata", "Crossref"...).
    ``supports`` is the candidate value this evidence speaks for (None when it only
    informs), and ``weight`` its strength as log-odds in favour of that candidate.
    """

    source: str
    detail: str
    supports: str | None = None
    weight: float = 0.0


@dataclass(frozen=True)
class Fix:
    """An edit: on ``target``, field ``field`` changes from ``before`` to ``after``.

    ``locations`` are the exact places in the input files to rewrite (citation name
    spans, or the reference's text). ``confidence`` (0..1) decides whether ``--fix``
    applies it or lists it for review.
    """

    target: Target
    field: str
    before: str
    after: str
    locations: tuple[Span, ...] = ()
    reference: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Finding:
    kind: Kind
    severity: Severity
    message: str
    reference: str | None = None
    citation: str | None = None
    suggested: str | None = None
    evidence: tuple[Evidence, ...] = ()
    fix: Fix | None = None
    span: Span | None = None
