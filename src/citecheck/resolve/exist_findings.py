"""Findings for existence verdicts: not-found and mismatch (errors), undecided (warning), retracted.

A mismatch carries a ``Fix`` that rebuilds the entry from the matched record, keeping the
user's citation key: field ``"entry"``, ``before`` the reference's text, ``after`` the
rebuilt BibTeX entry. Its confidence is ``REBUILD_CONFIDENCE`` (below the usual apply
threshold), so ``--fix`` lists it for review and never applies it silently.
"""
from __future__ import annotations

from dataclasses import replace

from citecheck.emit.bibtex import to_bibtex
from citecheck.model import Evidence, Finding, Fix, Kind, Reference, Severity, Target, Verdict
from citecheck.parse.names import parse_name

from .exist_records import Work
from .exist_verdict import Outcome

REBUILD_CONFIDENCE = 0.5


def verdict_finding(reference: Reference, outcome: Outcome) -> Finding | None:
    check = outcome.check
    closest = check.closest[0] if check.closest else None
    near = f" Closest: '{closest.title}' ({closest.source}, title {closest.score:.2f})." if closest else ""
    if check.verdict is Verdict.NOT_FOUND:
        message = f"no such work found, likely fabricated: {check.detail}.{near}"
        return Finding(kind=Kind.REFERENCE_NOT_FOUND, severity=Severity.ERROR, message=message, reference=reference.key,
                       evidence=check.evidence, span=reference.span)
    if check.verdict is Verdict.MISMATCH:
        message = f"the cited work exists but disagrees with the reference: {'; '.join(outcome.differs)}."
        fix = rebuild_fix(reference, outcome.matched) if outcome.matched is not None else None
        if fix is not None:
            message += " A rebuilt entry is proposed for review (not applied)."
        return Finding(kind=Kind.REFERENCE_MISMATCH, severity=Severity.ERROR, message=message, reference=reference.key,
                       suggested=outcome.matched.describe() if outcome.matched else None, evidence=check.evidence,
                       fix=fix, span=reference.span)
    if check.verdict is Verdict.UNDECIDED:
        message = f"existence not decided: {check.detail}.{near}"
        return Finding(kind=Kind.REFERENCE_UNDECIDED, severity=Severity.WARNING, message=message,
                       reference=reference.key, evidence=check.evidence, span=reference.span)
    return None


def retraction_findings(reference: Reference, work: Work | None) -> tuple[Finding, ...]:
    if work is None:
        return ()
    serious = [n for n in work.notices if n.serious]
    if not serious and not work.title.casefold().startswith(("retracted:", "retracted article:", "withdrawn:")):
        return ()
    notes = tuple(Evidence(source=work.source, detail=f"{work.describe()}: {n.describe()}", supports="retracted")
                  for n in serious) or (Evidence(source=work.source, detail=f"the record's title is '{work.title}'",
                                                 supports="retracted"),)
    kinds = sorted({n.kind.replace("_", " ") for n in serious}) or ["retraction"]
    message = f"the cited work has a {' and '.join(kinds)} notice in {work.source}: {notes[0].detail}"
    return (Finding(kind=Kind.RETRACTED, severity=Severity.WARNING, message=message, reference=reference.key,
                    evidence=notes, span=reference.span),)


def rebuilt_reference(reference: Reference, work: Work) -> Reference:
    """The reference rewritten from ``work``'s record, with the user's key and URLs kept."""
    authors = tuple(parse_name(name, given_first="," not in name) for name in work.authors) or reference.authors
    return replace(
        reference, authors=authors, title=work.title or reference.title, year=work.year or reference.year,
        doi=work.doi or reference.doi, container=work.container or reference.container,
        publisher=work.publisher or reference.publisher, findings=(),
    )


def rebuild_fix(reference: Reference, work: Work) -> Fix | None:
    if work.source in ("cited page", "Wayback Machine"):
        return None
    rebuilt = rebuilt_reference(reference, work)
    if rebuilt == reference:
        return None
    return Fix(target=Target.REFERENCE, field="entry", before=reference.raw, after=to_bibtex([rebuilt]).strip(),
               locations=(reference.span,), reference=reference.key, confidence=REBUILD_CONFIDENCE)


def offline_finding(count: int, why: str) -> Finding:
    return Finding(kind=Kind.REFERENCE_UNDECIDED, severity=Severity.WARNING,
                   message=f"existence of {count} reference(s) not checked: {why}; every verdict is undecided")
