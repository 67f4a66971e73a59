"""The reconcile stage: citations x references -> targets and findings, pure and deterministic."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.model import Citation, Finding, Kind, Reference
from citecheck.resolve.evidence import NameEvidenceSource

from . import checks
from .keys import resolve_aliases
from .inherited import missing_parents
from .match import Match, match_citations
from .name_mismatch import name_mismatches
from .name_part_notes import known_by_notes
from .pages import pages_outside
from .republished import original_years
from .written_names import names_written_otherwise

log = logging.getLogger(__name__)

_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


@dataclass(frozen=True)
class Reconciliation:
    """``targets[i]`` is the key of the reference citation ``i`` points at (None if none or ambiguous)."""

    targets: tuple[str | None, ...]
    findings: tuple[Finding, ...]
    matches: tuple[Match, ...] = ()


def reconcile(
    citations: Sequence[Citation],
    references: Sequence[Reference],
    sources: Sequence[NameEvidenceSource],
    threshold: float = 0.8,
    biber: bool = False,
) -> Reconciliation:
    """Match every citation to its reference and report what disagrees, with evidence and fixes.

    Findings are sorted by severity (errors first), then by where they first appear
    (citations in order, then references in order). ``biber``: the document's bibliography is biber's,
    which reads an alias an entry lists in its ``ids`` as the entry's key.
    """
    if biber:  # biber reads a key an entry lists in its ids as that entry's
        citations = resolve_aliases(citations, references)
    matches = match_citations(citations, references, checks.author_page_style(citations, references))
    ordered = name_mismatches(citations, references, matches, sources, threshold)
    for check in (
        checks.year_mismatches,
        original_years,
        checks.missing_references,
        checks.ambiguous_citations,
        checks.missing_years,
        checks.etal_misuse,
        names_written_otherwise,
        known_by_notes,
        pages_outside,
        checks.uncited_references,
        missing_parents,
    ):
        ordered.extend(check(citations, references, matches))
    ordered.sort(key=lambda pair: (-pair[1].severity, pair[0], _KIND_ORDER[pair[1].kind], pair[1].message))
    targets = tuple(references[m.reference].key if m.reference is not None else None for m in matches)
    log.debug("reconciled %d citations with %d references: %d findings", len(citations), len(references), len(ordered))
    return Reconciliation(targets=targets, findings=tuple(f for _, f in ordered), matches=matches)
