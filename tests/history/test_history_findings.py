"""Link findings under the rot rule: suspect is a warning, only dead is an error."""
from __future__ import annotations

from citecheck.history import Health, Verdict
from citecheck.history.findings import apply_verdicts
from citecheck.model import (ArchiveSnapshot, Evidence, Finding, Kind, LinkCheck, LinkStatus, Reference, Severity,
                             Span, Url)

URL, OTHER = "https://example.org/a", "https://example.org/b"
REF = Reference(raw="A", span=Span("refs.bib", 3, 1, 40, 90), key="a2020", urls=(Url(URL), Url(OTHER)))
LIVE = Finding(Kind.URL_DEAD, Severity.ERROR, f"{URL} is dead (HTTP 404)", reference="a2020",
               evidence=(Evidence("live check", "HTTP 404"),))
MOVED = Finding(Kind.URL_MOVED, Severity.WARNING, "moved", reference="a2020")
CHECKS = {URL: LinkCheck(URL, LinkStatus.DEAD, 404, detail="HTTP 404"), OTHER: LinkCheck(OTHER, LinkStatus.ALIVE, 200)}
PAIRS = (("a2020", URL), ("a2020", OTHER))


def verdicts(health: Health) -> dict[str, Verdict]:
    return {URL: Verdict(URL, health, "why", failures=1, last_status=LinkStatus.DEAD),
            OTHER: Verdict(OTHER, Health.OK, "fine")}


def test_a_suspect_url_is_a_warning_and_other_findings_stay():
    out = apply_verdicts((LIVE, MOVED), (REF,), PAIRS, CHECKS, verdicts(Health.SUSPECT))
    assert MOVED in out and LIVE not in out
    [rot] = [f for f in out if f.kind is Kind.URL_SUSPECT]
    assert rot.severity is Severity.WARNING and "suspect, not yet dead" in rot.message
    assert ("link history", "suspect: why") in {(e.source, e.detail) for e in rot.evidence}
    assert rot.span == REF.span and rot.fix is None


def test_a_dead_url_is_an_error_with_the_archive_fix():
    snap = ArchiveSnapshot("https://web.archive.org/web/20200101000000/" + URL, URL, "20200101000000")
    checks = {**CHECKS, URL: LinkCheck(URL, LinkStatus.DEAD, 404, detail="HTTP 404", snapshot=snap)}
    [rot] = [f for f in apply_verdicts((LIVE,), (REF,), PAIRS, checks, verdicts(Health.DEAD)) if f.kind is Kind.URL_DEAD]
    assert rot.severity is Severity.ERROR and rot.message.startswith(f"{URL} is dead: why")
    assert (rot.fix.field, rot.fix.before, rot.fix.after) == ("archive", URL, snap.url)


def test_an_unknown_or_ok_url_has_no_failure_finding():
    assert apply_verdicts((LIVE,), (REF,), PAIRS, CHECKS, verdicts(Health.UNKNOWN)) == ()


def test_references_without_a_verdict_are_left_alone():
    assert apply_verdicts((LIVE,), (REF,), PAIRS, CHECKS, {}) == (LIVE,)


def test_a_dead_url_whose_reference_cites_the_snapshot_gets_no_fix_proposing_it():
    snap = ArchiveSnapshot("https://web.archive.org/web/20200101000000/" + URL, URL, "20200101000000")
    ref = Reference(raw="A", span=REF.span, key="a2020", urls=(Url(URL, snapshot=snap), Url(OTHER)))
    checks = {**CHECKS, URL: LinkCheck(URL, LinkStatus.DEAD, 404, detail="HTTP 404", snapshot=snap)}
    [rot] = [f for f in apply_verdicts((LIVE,), (ref,), PAIRS, checks, verdicts(Health.DEAD)) if f.kind is Kind.URL_DEAD]
    assert rot.fix is None and rot.suggested is None
    assert any("already cites it" in e.detail for e in rot.evidence)


def test_a_suspect_url_blocked_now_is_not_said_to_have_failed_now():
    # a 500 yesterday, a 403 bot wall today: still suspect, but the 403 is no failure
    checks = {**CHECKS, URL: LinkCheck(URL, LinkStatus.BLOCKED, 403, detail="HTTP 403")}
    verdict = {URL: Verdict(URL, Health.SUSPECT, "1 failed check(s) over 0.0 day(s)", failures=1,
                            last_status=LinkStatus.BLOCKED), OTHER: Verdict(OTHER, Health.OK, "fine")}
    [rot] = [f for f in apply_verdicts((), (REF,), PAIRS, checks, verdict) if f.kind is Kind.URL_SUSPECT]
    assert "failed (HTTP 403)" not in rot.message
    assert "refused the checker" in rot.message and "suspect from earlier failures" in rot.message
