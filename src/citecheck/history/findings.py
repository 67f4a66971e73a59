"""Link findings under the rot rule (pure): a failed check is reported by what the URL's
history says, not by the one check. A first failure is a warning ("suspect"); only a URL the
rule declares dead is an error; a URL the rule cannot judge yet stays a warning."""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from ..model import ArchiveSnapshot, Evidence, Finding, Fix, Kind, LinkCheck, LinkStatus, Reference, Severity, Target
from .records import Health, Signal, Verdict
from .rules import signal

FAILURE_KINDS = frozenset({Kind.URL_DEAD, Kind.URL_SOFT_404, Kind.URL_TIMEOUT, Kind.URL_ERROR, Kind.URL_SUSPECT})
_KIND = {LinkStatus.SOFT_404: Kind.URL_SOFT_404, LinkStatus.TIMEOUT: Kind.URL_TIMEOUT}
_SEVERITY = {Health.DEAD: Severity.ERROR, Health.SUSPECT: Severity.WARNING}


def apply_verdicts(
    findings: Sequence[Finding],
    references: Sequence[Reference],
    link_refs: Sequence[tuple[str, str]],
    checks: Mapping[str, LinkCheck],
    verdicts: Mapping[str, Verdict],
    snapshots: Mapping[tuple[str, str], ArchiveSnapshot] | None = None,
) -> tuple[Finding, ...]:
    """``findings`` with every failure finding of a checked reference replaced by the rot rule's;
    ``snapshots``: by (reference key, URL), the archived copy nearest that reference's own date
    where it is not the one on the URL's check."""
    judged = {key for key, url in link_refs if url in verdicts}
    kept = [f for f in findings if not (f.kind in FAILURE_KINDS and f.reference in judged)]
    by_key = {r.key: r for r in references}
    for key, url in dict.fromkeys(link_refs):
        ref, check, verdict = by_key.get(key), checks.get(url), verdicts.get(url)
        own = (snapshots or {}).get((key, url))
        if check is not None and own is not None:
            check = replace(check, snapshot=own)
        if ref is not None and check is not None and verdict is not None and verdict.health.is_broken:
            kept.append(rot_finding(ref, url, check, verdict))
    return tuple(kept)


def rot_finding(ref: Reference, url: str, check: LinkCheck, verdict: Verdict) -> Finding:
    """The finding for a suspect or dead URL of ``ref``."""
    status = verdict.last_status or check.status
    kind = _KIND.get(status, Kind.URL_DEAD) if verdict.health is Health.DEAD else Kind.URL_SUSPECT
    severity = _SEVERITY.get(verdict.health, Severity.WARNING)
    detail = check.detail or check.status.value
    # a bot wall or a rate limit now says nothing about the page: the verdict rests on the
    # earlier failures, and the message must not call this check a failure
    refused = signal(check.status) is Signal.UNKNOWN
    now = f"not checkable now ({detail}: the site refused the checker)" if refused else ""
    if verdict.health is Health.DEAD:
        message = f"{url} is dead: {verdict.reason} ({now or f'last: {detail}'})"
    elif refused:
        message = f"{url} is {now}; suspect from earlier failures, not yet dead: {verdict.reason}"
    else:
        message = f"{url} failed ({detail}); suspect, not yet dead: {verdict.reason}"
    evidence = [Evidence(source="live check", detail=detail),
                Evidence(source="link history", detail=f"{verdict.health.value}: {verdict.reason}")]
    fix = None
    snap = check.snapshot
    cited = snap is not None and any(u.snapshot is not None and u.snapshot.url == snap.url for u in ref.urls)
    if snap is not None:
        evidence.append(Evidence(source="Wayback Machine" if snap.archive == "wayback" else snap.archive,
                                 detail=f"snapshot of {snap.timestamp}: {snap.url}"
                                        + ("; the reference already cites it" if cited else "")))
    if snap is not None and not cited:  # no fix proposes the archived copy the reference already gives
        fix = Fix(target=Target.REFERENCE, field="archive", before=url, after=snap.url, locations=(ref.span,),
                  reference=ref.key, confidence=0.9)
    return Finding(kind=kind, severity=severity, message=message, reference=ref.key, evidence=tuple(evidence),
                   fix=fix, suggested=snap.url if snap and not cited else None, span=ref.span)
