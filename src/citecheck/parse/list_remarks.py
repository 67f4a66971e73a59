"""A remark written into a reference list is no entry: "Note: all links were accessed on 3 March 2022.",
"All URLs last accessed 1 May 2023.", "N.B. Works marked * are primary sources." It was read as a work
by "Note" (its key "note2022") and reported "listed but never cited". Such a line is set apart and said
in an ``unparsed-entry`` info finding with its line, so that nothing of the input goes unsaid."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Finding, Kind, Reference, Severity

_REMARK = re.compile(
    r"^\W{0,3}(?:(?:notes?|n\.\s?b\.?|nb|please\s+note)\s*[:.–—-]"
    r"|(?:all|every|the)\s+(?:(?:online|web|internet|electronic)\s+)?(?:links?|urls?|websites?|web\s?pages?|sites|"
    r"sources|references)\s+(?:(?:were|was|have\s+been|are)\s+)?(?:last\s+|all\s+)?"
    r"(?:accessed|retrieved|checked|viewed|verified|visited|consulted)\b)",
    re.IGNORECASE)


def is_remark(ref: Reference) -> bool:
    """Is ``ref`` a remark on the list (``_REMARK``), not a work: no DOI, no link of its own."""
    return _REMARK.match(ref.raw) is not None and not ref.doi and not ref.urls


def remarks_apart(refs: Sequence[Reference]) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """``refs`` less the remarks, and an info finding for each remark."""
    kept = tuple(r for r in refs if not is_remark(r))
    if len(kept) == len(refs):
        return kept, ()
    return kept, tuple(
        Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.INFO, span=r.span,
                message=f"a remark in the reference list, not an entry: \"{r.excerpt(120)}\"")
        for r in refs if is_remark(r))
