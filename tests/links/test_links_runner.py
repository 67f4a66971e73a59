"""LinkCheckRunner end to end: local servers for behaviour, `responses` for archives/offline."""
from __future__ import annotations

import socket

import requests
import responses
import urllib3.exceptions as u3

from citecheck.links.archive import ArchiveFinder
from citecheck.links.checker import CheckOptions
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner, interleave_hosts
from citecheck.links.transport import RequestsTransport
from citecheck.model import ArchiveSnapshot, Kind, LinkStatus, Reference, Severity, Span, Target, Url

SPAN = Span("refs.txt", 1, 1, 0, 10)
CDX = "https://web.archive.org/cdx/search/cdx"


def ref(key, *urls, title="", year=None, accessed="", snapshot=None):
    return Reference(raw=key, span=SPAN, key=key, title=title, year=year, accessed=accessed,
                     urls=tuple(Url(u, snapshot=snapshot) for u in urls))


def kinds(report, key=None):
    return [f.kind for f in report.findings if key is None or f.reference == key]


def mocked_transport():
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))


def test_head_refused_falls_back_to_get_and_urls_are_deduped(web, local_transport):
    def no_head(h):
        if h.command == "HEAD":
            web.send(h, 405)
        else:
            web.send(h, 200, b"%PDF-1.4 ...", {"Content-Type": "application/pdf"})
    web.routes["/paper.pdf"] = no_head
    url = web.url("/paper.pdf")
    report = LinkCheckRunner(local_transport).check_references([ref("a", url), ref("b", url)])
    assert [c.status for c in report.checks] == [LinkStatus.ALIVE]
    assert report.by_reference == (("a", url), ("b", url))
    assert web.hits == [("HEAD", "/paper.pdf"), ("GET", "/paper.pdf")]
    assert report.findings == ()


def test_head_ok_on_non_html_needs_no_get(web, local_transport):
    web.routes["/data.csv"] = lambda h: web.send(h, 200, b"a,b\n", {"Content-Type": "text/csv"})
    LinkCheckRunner(local_transport).check_urls([web.url("/data.csv")])
    assert web.hits == [("HEAD", "/data.csv")]


def test_bot_wall_is_blocked_not_dead(web, local_transport):
    wall = b"<html><head><title>Just a moment...</title></head><body>challenge-platform</body></html>"
    web.routes["/walled"] = lambda h: web.send(h, 403, wall, {"cf-ray": "8a1b2c", "Server": "cloudflare"})
    report = LinkCheckRunner(local_transport).check_references([ref("w", web.url("/walled"))])
    check = report.checks[0]
    assert check.status is LinkStatus.BLOCKED and "cloudflare" in check.detail
    assert kinds(report) == [Kind.URL_BLOCKED] and report.findings[0].severity is Severity.INFO


def test_permanent_redirect_proposes_the_new_url(web, local_transport):
    web.routes["/old"] = lambda h: web.send(h, 301, headers={"Location": "/new/place"})
    web.routes["/new/place"] = lambda h: web.send(h, 200, web.page("New place"))
    report = LinkCheckRunner(local_transport).check_references([ref("m", web.url("/old"))])
    (finding,) = report.findings
    assert finding.kind is Kind.URL_MOVED and finding.severity is Severity.WARNING
    assert (finding.fix.target, finding.fix.field, finding.fix.before, finding.fix.after) == (
        Target.REFERENCE, "url", web.url("/old"), web.url("/new/place"))
    assert report.checks[0].redirects == (web.url("/new/place"),)


def test_temporary_redirect_is_not_a_move(web, local_transport):
    web.routes["/tmp"] = lambda h: web.send(h, 302, headers={"Location": "/there"})
    web.routes["/there"] = lambda h: web.send(h, 200, web.page("There"))
    report = LinkCheckRunner(local_transport).check_references([ref("t", web.url("/tmp"))])
    assert report.checks[0].status is LinkStatus.REDIRECTED and report.findings == ()


def test_content_drift_against_the_cited_title(web, local_transport):
    web.routes["/post"] = lambda h: web.send(h, 200, web.page("Buy cheap sunglasses online"))
    web.routes["/same"] = lambda h: web.send(h, 200, web.page("Teaching Physical Education: A Review | Journal"))
    report = LinkCheckRunner(local_transport).check_references([
        ref("d", web.url("/post"), title="Teaching physical education: a review"),
        ref("s", web.url("/same"), title="Teaching physical education: a review")])
    assert kinds(report, "d") == [Kind.CONTENT_DRIFT] and kinds(report, "s") == []


def test_dead_link_gets_archive_fix_and_missing_archive_is_reported(web, local_transport):
    web.routes["/gone"] = lambda h: web.send(h, 404, web.page("Not Found"))
    web.routes["/gone2"] = lambda h: web.send(h, 410)
    gone, gone2 = web.url("/gone"), web.url("/gone2")
    cdx_row = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(CDX, json=[cdx_row, ["k", "20150301000000", gone, "text/html", "200", "D", "1"]],
                 match=[responses.matchers.query_param_matcher({"url": gone}, strict_match=False)])
        mock.get(CDX, json=[], match=[responses.matchers.query_param_matcher({"url": gone2}, strict_match=False)])
        finder = ArchiveFinder(mocked_transport(), use_availability=False, timetravel_url=None)
        report = LinkCheckRunner(local_transport, archive=finder).check_references(
            [ref("g", gone, year=2015), ref("h", gone2)])
        closest = [c.request.url for c in mock.calls if "closest=" in c.request.url]
    assert len(closest) == 1 and "closest=20150701000000" in closest[0]  # mid-year of 2015
    g = [f for f in report.findings if f.reference == "g"]
    assert [f.kind for f in g] == [Kind.URL_DEAD]
    assert (g[0].fix.field, g[0].fix.before, g[0].fix.after) == (
        "archive", gone, f"https://web.archive.org/web/20150301000000/{gone}")
    assert report.check_for(gone).snapshot.timestamp == "20150301000000"
    assert kinds(report, "h") == [Kind.URL_DEAD, Kind.ARCHIVE_MISSING]


def test_cited_snapshot_is_checked_and_used(web, local_transport):
    web.routes["/gone"] = lambda h: web.send(h, 404)
    gone = web.url("/gone")
    snap = ArchiveSnapshot(url=f"https://web.archive.org/web/20140101000000/{gone}", original=gone,
                           timestamp="20140101000000")
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(snap.url, body="<title>Archived</title>")
        finder = ArchiveFinder(mocked_transport())
        report = LinkCheckRunner(local_transport, archive=finder).check_references([ref("c", gone, snapshot=snap)])
        assert [c.request.url for c in mock.calls] == [snap.url]  # no lookup: the cited copy resolves
    assert report.checks[0].snapshot == snap
    assert report.findings[0].fix.after == snap.url


@responses.activate
def test_offline_marks_everything_skipped_once():
    def dns_failure(url):
        reason = u3.NameResolutionError("h", None, socket.gaierror(-3, "Temporary failure in name resolution"))
        return requests.exceptions.ConnectionError(u3.MaxRetryError(None, url, reason))
    urls = ["https://a.example/x", "https://b.example/y", "https://c.example/z"]
    for u in urls:
        responses.head(u, body=dns_failure(u))
    t = RequestsTransport(allow_private=True, retry=Retry.never(), gate=HostGate(min_gap=0))
    report = LinkCheckRunner(t).check_references([ref("r", *urls)])
    assert report.offline
    assert {(c.status, c.detail) for c in report.checks} == {(LinkStatus.SKIPPED, "offline")}
    assert report.findings == ()


@responses.activate
def test_one_dead_host_among_live_ones_is_dead_not_offline():
    responses.head("https://live.example/", status=200, content_type="application/pdf")
    responses.head("https://gone.example/", body=requests.exceptions.ConnectionError(
        u3.MaxRetryError(None, "https://gone.example/", u3.NameResolutionError("gone.example", None, socket.gaierror(-2, "x")))))
    t = RequestsTransport(allow_private=True, retry=Retry.never(), gate=HostGate(min_gap=0))
    report = LinkCheckRunner(t).check_urls(["https://live.example/", "https://gone.example/"])
    assert not report.offline
    assert [c.status for c in report.checks] == [LinkStatus.ALIVE, LinkStatus.DEAD]


def test_get_only_mode_sends_no_head(web, local_transport):
    web.routes["/x"] = lambda h: web.send(h, 200, web.page("X"))
    LinkCheckRunner(local_transport, options=CheckOptions(head_first=False, soft404=False)).check_urls([web.url("/x")])
    assert web.hits == [("GET", "/x")]


def test_interleave_hosts_round_robin():
    urls = ["http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1"]
    assert interleave_hosts(urls) == ["http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://a/3"]
