"""Defect 05: a link in state `error` (HTTP 500, a redirect loop, a reset) has a finding of its own,
`url-error`, with the archived copy offered as the fix when there is one; an error-severity
finding makes the run fail as the exit-code table says."""
from __future__ import annotations

import responses

from citecheck.links.archive import ArchiveFinder
from citecheck.links.findings import ArchiveState, link_findings
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.transport import RequestsTransport
from citecheck.model import ArchiveSnapshot, Kind, LinkCheck, LinkStatus, Reference, Severity, Span, Url

SPAN = Span("essay.md", 7, 1, 0, 10)
CDX = "https://web.archive.org/cdx/search/cdx"
CDX_HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def ref(key, url, year=2013):
    return Reference(raw=key, span=SPAN, key=key, year=year, urls=(Url(url),))


def archive_transport():
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))


def test_an_error_state_gets_a_url_error_finding_of_its_own():
    check = LinkCheck(url="http://a.example/x", status=LinkStatus.ERROR, http_status=500, detail="HTTP 500")
    (finding,) = link_findings(ref("r", check.url), check.url, check, archive=ArchiveState.MISSING)[:1]
    assert finding.kind is Kind.URL_ERROR and finding.severity is Severity.ERROR
    assert "HTTP 500" in finding.message and finding.fix is None


def test_an_error_state_with_a_snapshot_is_offered_the_archived_copy():
    snap = ArchiveSnapshot(url="https://web.archive.org/web/20190601000000/http://a.example/x",
                           original="http://a.example/x", timestamp="20190601000000", status=200)
    check = LinkCheck(url="http://a.example/x", status=LinkStatus.ERROR, http_status=500, detail="HTTP 500",
                      snapshot=snap)
    findings = link_findings(ref("r", check.url), check.url, check, archive=ArchiveState.FOUND)
    assert [(f.kind, f.severity) for f in findings] == [(Kind.URL_ERROR, Severity.ERROR)]
    assert (findings[0].fix.field, findings[0].fix.after, findings[0].suggested) == ("archive", snap.url, snap.url)


def test_a_500_and_a_redirect_loop_with_snapshots_are_errors_not_silence(web, local_transport):
    web.routes["/500/article"] = lambda h: web.send(h, 500, b"err")
    web.routes["/loop/article"] = lambda h: web.send(h, 302, headers={"Location": "/loop/article"})
    broken, loop = web.url("/500/article"), web.url("/loop/article")
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        for url in (broken, loop):
            mock.get(CDX, json=[CDX_HEADER, ["k", "20190601000000", url, "text/html", "200", "D", "1"]],
                     match=[responses.matchers.query_param_matcher({"url": url}, strict_match=False)])
        finder = ArchiveFinder(archive_transport(), use_availability=False, timetravel_url=None)
        report = LinkCheckRunner(local_transport, archive=finder).check_references(
            [ref("ray", broken), ref("orr", loop)])
    assert [c.status for c in report.checks] == [LinkStatus.ERROR, LinkStatus.ERROR]
    assert [(f.reference, f.kind, f.severity) for f in report.findings] == [
        ("ray", Kind.URL_ERROR, Severity.ERROR), ("orr", Kind.URL_ERROR, Severity.ERROR)]
    assert all(f.fix is not None and f.fix.field == "archive" for f in report.findings)
    assert max(f.severity for f in report.findings) is Severity.ERROR  # `--fail-on error` (the default) exits 1


def test_a_reset_without_any_archive_finder_is_still_reported(web, local_transport):
    def reset(h):
        h.close_connection = True
        h.connection.close()
    web.routes["/reset/article"] = reset
    report = LinkCheckRunner(local_transport).check_references([ref("res", web.url("/reset/article"))])
    assert report.checks[0].status is LinkStatus.ERROR
    assert [f.kind for f in report.findings] == [Kind.URL_ERROR]  # and no archive claim: none was looked up
