"""Link checks -> findings (pure): what a reference's URL state means for its author."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit, urlunsplit

from ..model import ArchiveSnapshot, Evidence, Finding, Fix, Kind, LinkCheck, LinkStatus, Reference, Severity, Target

ARCHIVE_WORTHY = frozenset({LinkStatus.DEAD, LinkStatus.SOFT_404, LinkStatus.ERROR, LinkStatus.TIMEOUT})
DRIFT_WARNING = 40.0


@dataclass(frozen=True)
class Drift:
    """The cited title against the live page's (and the archived copy's) title; scores 0..100."""

    cited: str
    live_title: str
    score: float
    archived_title: str = ""
    archived_score: float | None = None


def _archive_label(s: ArchiveSnapshot) -> str:
    return {"wayback": "Wayback Machine"}.get(s.archive, s.archive)


def _evidence(check: LinkCheck) -> tuple[Evidence, ...]:
    items = [Evidence(source="live check", detail=check.detail or check.status.value)]
    if check.snapshot is not None:
        items.append(Evidence(source=_archive_label(check.snapshot),
                              detail=f"snapshot of {check.snapshot.timestamp}: {check.snapshot.url}"))
    return tuple(items)


class ArchiveState(str, Enum):
    """What the archive pass learnt about a failed link's snapshot."""

    FOUND = "found"  # a snapshot (the one the reference cites, or one looked up)
    MISSING = "missing"  # the archives answered: no copy
    UNREACHABLE = "unreachable"  # no archive answered: nothing is known
    NOT_LOOKED = "not-looked"  # no archive finder in this run


def _archive_fix(ref: Reference, url: str, check: LinkCheck) -> Fix | None:
    if check.snapshot is None:
        return None
    return Fix(target=Target.REFERENCE, field="archive", before=url, after=check.snapshot.url,
               locations=(ref.span,), reference=ref.key, confidence=0.9)


def moved_to(url: str, final_url: str) -> str:
    """The address to cite instead of a permanently redirected ``url``: the final URL, with
    ``url``'s fragment when the redirect gave none (a fragment is never sent to the server, and
    RFC 9110 10.2.2 carries it over), so "#section-2" is not lost from the reference."""
    fragment = urlsplit(url).fragment
    final = urlsplit(final_url)
    if not fragment or final.fragment:
        return final_url
    return urlunsplit(final._replace(fragment=fragment))


# a failed link's own finding: kind, severity, and what it says of the URL
_FAILED = {
    LinkStatus.DEAD: (Kind.URL_DEAD, Severity.ERROR, "is dead"),
    LinkStatus.SOFT_404: (Kind.URL_SOFT_404, Severity.ERROR, "answers, but the page is gone"),
    LinkStatus.ERROR: (Kind.URL_ERROR, Severity.ERROR, "cannot be read"),
    LinkStatus.TIMEOUT: (Kind.URL_TIMEOUT, Severity.WARNING, "did not answer in time"),
}


def link_findings(ref: Reference, url: str, check: LinkCheck, *, permanent_redirect: bool = False,
                  archive: ArchiveState = ArchiveState.NOT_LOOKED, archive_detail: str = "",
                  given_snapshot_dead: bool = False, cites_snapshot: bool = False,
                  not_asked: bool = False) -> list[Finding]:
    """The findings one reference's URL earns from its check.

    Every link that is not alive gets a finding of its own. ``cites_snapshot``: the reference
    itself cites the working snapshot on the check, so a failed original needs nothing done (info,
    no fix). ``archive``: whether the archives were asked and answered; a snapshot that could
    not be looked up is said to be unknown, never "missing". ``not_asked``: the URL was not
    requested because its host answered nothing earlier in the run (status skipped).
    """
    out: list[Finding] = []
    ev = _evidence(check)

    def add(kind: Kind, severity: Severity, message: str, fix: Fix | None = None, suggested: str | None = None,
            evidence: tuple[Evidence, ...] = ev):
        out.append(Finding(kind=kind, severity=severity, message=message, reference=ref.key, evidence=evidence,
                           fix=fix, suggested=suggested, span=ref.span))

    status = check.status
    snap = check.snapshot
    if status in _FAILED:
        kind, severity, says = _FAILED[status]
        message = f"{url} {says} ({check.detail or status.value})"
        if cites_snapshot and snap is not None:
            add(kind, Severity.INFO, f"{message}; the reference already cites a working archived copy "
                f"({snap.url}): nothing to do")
        elif snap is not None:
            add(kind, severity, message, _archive_fix(ref, url, check), snap.url)
        elif archive is ArchiveState.UNREACHABLE:
            why = f" ({archive_detail})" if archive_detail else ""
            add(kind, severity, f"{message}; archive not reachable: could not look for a snapshot",
                evidence=ev + (Evidence(source="archives", detail=f"not reachable: could not look for a snapshot{why}"),))
        else:
            add(kind, severity, message)
    elif (status is LinkStatus.REDIRECTED and permanent_redirect and check.final_url
          and moved_to(url, check.final_url) != url):
        new = moved_to(url, check.final_url)
        fix = Fix(target=Target.REFERENCE, field="url", before=url, after=new,
                  locations=(ref.span,), reference=ref.key, confidence=0.8)
        add(Kind.URL_MOVED, Severity.WARNING, f"{url} has moved permanently to {new}", fix, new)
    elif status in (LinkStatus.BLOCKED, LinkStatus.RATE_LIMITED):
        add(Kind.URL_BLOCKED, Severity.INFO,
            f"{url} could not be checked: the site refused the checker ({check.detail}); not known to be dead")
    elif status is LinkStatus.SKIPPED and not_asked:
        add(Kind.URL_TIMEOUT, Severity.WARNING, f"{url} was {check.detail or 'not checked'}; not known to be dead")
    if status in ARCHIVE_WORTHY and snap is None and archive is ArchiveState.MISSING:
        why = f" ({archive_detail})" if archive_detail else ""
        add(Kind.ARCHIVE_MISSING, Severity.WARNING, f"no archived copy of {url} was found{why}")
    if given_snapshot_dead:
        add(Kind.ARCHIVE_MISSING, Severity.WARNING, f"the archived copy this reference cites for {url} does not resolve")
    return out


def drift_finding(ref: Reference, url: str, check: LinkCheck, drift: Drift) -> Finding:
    severity = Severity.WARNING if drift.score < DRIFT_WARNING else Severity.INFO
    evidence = [Evidence(source="bibliography", detail=f"cited title: {drift.cited}", supports=drift.cited),
                Evidence(source="cited page title", detail=f"{drift.live_title} (similarity {drift.score:.0f}/100)",
                         supports=drift.live_title)]
    message = f"the page at {url} no longer matches the cited title (live: {drift.live_title!r})"
    if drift.archived_score is not None and check.snapshot is not None:
        evidence.append(Evidence(source=_archive_label(check.snapshot),
                                 detail=f"archived title: {drift.archived_title} (similarity {drift.archived_score:.0f}/100)",
                                 supports=drift.archived_title))
        if drift.archived_score >= 60:
            message += f"; the archived copy of {check.snapshot.timestamp[:8]} matches it"
    return Finding(kind=Kind.CONTENT_DRIFT, severity=severity, message=message, reference=ref.key,
                   evidence=tuple(evidence), span=ref.span)
