"""What every report needs the same way: findings grouped by reference, fix states, short labels."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Finding, Fix, Reference, RunResult, Severity
from ..reconcile import describe  # noqa: F401 -- one wording of a reference for messages and reports

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)  # most serious first


@dataclass(frozen=True)
class ReferenceGroup:
    """The findings about one reference; ``reference`` is None for findings tied to no entry
    (a citation with no reference, a file-level problem)."""

    reference: Reference | None
    findings: tuple[Finding, ...]

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    @property
    def title(self) -> str:
        return self.reference.key if self.reference is not None else "(no reference entry)"


def group_by_reference(
    result: RunResult, min_severity: Severity = Severity.INFO, include_clean: bool = False
) -> list[ReferenceGroup]:
    """Findings of at least ``min_severity`` grouped by reference.

    Groups come most serious first, then in bibliography order; findings tied to no
    known reference come in one group of their own. References without findings are
    left out unless ``include_clean``.
    """
    kept = [f for f in result.findings if f.severity >= min_severity]
    keys = {r.key for r in result.references}
    groups: list[ReferenceGroup] = []
    for ref in result.references:
        mine = tuple(f for f in kept if f.reference == ref.key)
        if mine or include_clean:
            groups.append(ReferenceGroup(ref, mine))
    loose = tuple(f for f in kept if f.reference not in keys)
    if loose:
        groups.append(ReferenceGroup(None, loose))
    order = {id(g): i for i, g in enumerate(groups)}
    return sorted(groups, key=lambda g: (-(g.worst or 0), order[id(g)]))




def fix_applies(fix: Fix, threshold: float) -> bool:
    return fix.confidence >= threshold


def fix_state(fix: Fix, threshold: float) -> str:
    return "will apply with --fix" if fix_applies(fix, threshold) else "for review, not applied"


def fix_summary(fix: Fix) -> str:
    """ "the citation author: 'Zuagg' -> 'Zaugg'"."""
    return f"the {fix.target.value} {fix.field}: {fix.before!r} -> {fix.after!r}"


def matched_citations(result: RunResult) -> int:
    return sum(1 for t in result.citation_targets if t)


def plural(n: int, noun: str) -> str:
    """ "1 entry", "2 entries", "3 errors"."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{n} {noun}s"


def summary_line(result: RunResult) -> str:
    """One line: "28 references, 32 citations (30 matched); 5 errors, 10 warnings, 5 info"."""
    return (
        f"{plural(len(result.references), 'reference')}, {plural(len(result.citations), 'citation')} "
        f"({matched_citations(result)} matched); {plural(result.count(Severity.ERROR), 'error')}, "
        f"{plural(result.count(Severity.WARNING), 'warning')}, {result.count(Severity.INFO)} info"
    )
