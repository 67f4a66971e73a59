"""A .bib entry no document cites is never printed: its missing fields are no finding of the check.

bibtex warns "empty journal in smith2019" only for the entries a document cites, and biber's
validation is about what the bibliography prints; an uncited entry of a shared library .bib (Zotero's
"My Library" export) is said once, as uncited, not again for each field it lacks. A .bib checked on its
own, with no document, keeps every entry's ``missing-field`` warning."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding, Kind


def without_unprinted_missing_fields(findings: Sequence[Finding], cited: set[str]) -> list[Finding]:
    """``findings`` without the offline ``missing-field`` warnings (those with a span: the .bib's line) of entries
    reported uncited and cited by no citation (``cited``: the keys the citations matched)."""
    uncited = {f.reference for f in findings if f.kind is Kind.UNCITED_REFERENCE and f.reference} - cited
    return [f for f in findings
            if not (f.kind is Kind.MISSING_FIELD and f.span is not None and f.reference in uncited)]
