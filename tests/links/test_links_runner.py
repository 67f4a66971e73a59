"""LinkCheckRunner end to end: local servers for behaviour, `responses` for archives/offline."""
from __future__ import annotations

import socket

import requests
import responses
import urllib3.exceptions as u3

from citecheck.links.archive import ArchiveFinder
from citecheck.links.checker import CheckOptions, UrlChecker
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner, interleave_hosts
from citecheck.links.transport import RequestsTransport
from citecheck.store import CachingTransport, HttpCache
from citecheck.model import ArchiveSnapshot, Kind, LinkStatus, Reference, Severity, Span, Target, Url

from .conftest import LocalWeb

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
    # the reference already cites the working copy: nothing to fix, not an error
    assert report.findings[0].fix is None and report.findings[0].severity is Severity.INFO


@responses.activate
def test_offline_marks_everything_skipped_once():
    def dns_failure(url):
        reason = u3.NameResolutionError("h", None, socket.gaierror(-3, "Temporary failure in name resolution"))
        return requests.exceptions.ConnectionError(u3.MaxRetryError(None, url, reason))
    urls = ["https://a.example/x", "https://b.example/y", "https://c.example/z"]
    for u in urls:
        responses.get(u, body=dns_failure(u))  # pages are asked with one GET
    t = RequestsTransport(allow_private=True, retry=Retry.never(), gate=HostGate(min_gap=0))
    report = LinkCheckRunner(t).check_references([ref("r", *urls)])
    assert report.offline
    assert {(c.status, c.detail) for c in report.checks} == {(LinkStatus.SKIPPED, "offline")}
    assert report.findings == ()


@responses.activate
def test_one_dead_host_among_live_ones_is_dead_not_offline():
    responses.get("https://live.example/", status=200, content_type="application/pdf")
    responses.get("https://gone.example/", body=requests.exceptions.ConnectionError(
        u3.MaxRetryError(None, "https://gone.example/", u3.NameResolutionError("gone.example", None, socket.gaierror(-2, "x")))))
    t = RequestsTransport(allow_private=True, retry=Retry.never(), gate=HostGate(min_gap=0))
    report = LinkCheckRunner(t).check_urls(["https://live.example/", "https://gone.example/"])
    assert not report.offline
    assert [c.status for c in report.checks] == [LinkStatus.ALIVE, LinkStatus.DEAD]


def no_network_resolver(host):
    """No network: only ``localhost`` resolves (to loopback); every public name fails."""
    if host == "localhost":
        return ["127.0.0.1"]
    raise socket.gaierror(-3, "Temporary failure in name resolution")


def test_private_url_refused_by_policy_does_not_hide_an_offline_network():
    # a URL refused before any request (private address) asked no host: it must not count as
    # a host that answered, or the one public URL is reported dead when the network is just off
    t = RequestsTransport(resolver=no_network_resolver, retry=Retry.never(), gate=HostGate(min_gap=0))
    runner = LinkCheckRunner(t, offline_probe_url="https://probe.example/")
    urls = ["https://example.com/page", "http://localhost:1/x"]
    report = runner.check_references([ref("smith", urls[0]), ref("doe", urls[1])])
    assert report.offline
    assert {(c.status, c.detail) for c in report.checks} == {(LinkStatus.SKIPPED, "offline")}
    assert report.findings == ()
    # the same run with the public URL alone says the same
    assert runner.check_urls(urls[:1]).offline


def test_only_private_urls_are_skipped_not_offline():
    t = RequestsTransport(resolver=no_network_resolver, retry=Retry.never(), gate=HostGate(min_gap=0))
    report = LinkCheckRunner(t, offline_probe_url="https://probe.example/").check_urls(["http://localhost:1/x"])
    assert not report.offline
    assert [c.status for c in report.checks] == [LinkStatus.SKIPPED]


def test_get_only_mode_sends_no_head(web, local_transport):
    web.routes["/x"] = lambda h: web.send(h, 200, web.page("X"))
    LinkCheckRunner(local_transport, options=CheckOptions(head_first=False, soft404=False)).check_urls([web.url("/x")])
    assert web.hits == [("GET", "/x")]


def test_interleave_hosts_round_robin():
    urls = ["http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1"]
    assert interleave_hosts(urls) == ["http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://a/3"]


# -- scheduling, retries and the cache ---------------------------------------------------------

def test_a_page_costs_one_get_and_a_file_a_head(web, local_transport):
    web.routes["/article"] = lambda h: web.send(h, 200, web.page("An article", "text"))
    web.routes["/report.pdf"] = lambda h: web.send(h, 200, b"%PDF", {"Content-Type": "application/pdf"})
    report = LinkCheckRunner(local_transport, concurrency=1).check_urls([web.url("/article"), web.url("/report.pdf")])
    assert [c.status for c in report.checks] == [LinkStatus.ALIVE, LinkStatus.ALIVE]
    assert web.count("GET", "/article") == 1 and web.count("HEAD", "/article") == 0
    assert web.count("HEAD", "/report.pdf") == 1 and web.count("GET", "/report.pdf") == 0


def test_a_paused_host_does_not_hold_the_other_hosts(web, clock):
    other = LocalWeb()
    try:
        order = []
        def limited(h):
            order.append("a/limited")
            if order.count("a/limited") == 1:
                web.send(h, 429, b"", {"Retry-After": "5"})
            else:
                web.send(h, 200, web.page("Now here"))
        web.routes["/limited"] = limited
        for i in range(3):
            web.routes[f"/a{i}"] = lambda h, i=i: (order.append(f"a/{i}"), web.send(h, 200, web.page(f"A {i}")))
            other.routes[f"/b{i}"] = lambda h, i=i: (order.append(f"b/{i}"), other.send(h, 200, other.page(f"B {i}")))
        t = RequestsTransport(allow_private=True, retry=Retry(total=2, backoff_factor=0.1),
                              gate=HostGate(per_host=2, min_gap=0, clock=clock, sleep=clock.sleep),
                              clock=clock, sleep=clock.sleep, pause_host="always")
        urls = [web.url("/limited")] + [web.url(f"/a{i}") for i in range(3)] + [other.url(f"/b{i}") for i in range(3)]
        report = LinkCheckRunner(t, concurrency=1, clock=clock, sleep=clock.sleep).check_urls(urls)
    finally:
        other.close()
    assert {c.status for c in report.checks} == {LinkStatus.ALIVE}
    # the 429 paused host a for 5 s: every b page went meanwhile; the retry, due when the
    # pause ended, went ahead of host a's other pages
    assert order[0] == "a/limited" and order[4] == "a/limited"
    assert set(order[1:4]) == {"b/0", "b/1", "b/2"} and set(order[5:]) == {"a/0", "a/1", "a/2"}
    assert clock.sleeps == [5.0]  # one wait, by the scheduler, when nothing else could start


def test_a_url_answered_429_is_retried_through_the_cache_to_the_network(web, local_transport, tmp_path, clock):
    calls = []
    def limited(h):
        calls.append(1)
        web.send(h, 429, b"", {"Retry-After": "1"}) if len(calls) == 1 else web.send(h, 200, web.page("Here"))
    web.routes["/limited"] = limited
    cache = HttpCache(tmp_path / "http.sqlite3")
    runner = LinkCheckRunner(CachingTransport(local_transport, cache), clock=clock, sleep=clock.sleep)
    report = runner.check_urls([web.url("/limited")])
    cache.close()
    assert report.checks[0].status is LinkStatus.ALIVE and len(calls) == 2 and clock.sleeps == [1.0]


def test_a_rerun_is_answered_from_the_cache_without_gate_or_sleep(web, local_transport, tmp_path, clock):
    web.routes["/page"] = lambda h: web.send(h, 200, web.page("A page", "some text"))
    web.routes["/down"] = lambda h: web.send(h, 503, b"down")
    web.routes["/gone"] = lambda h: web.send(h, 404, web.page("Not Found"))
    urls = [web.url("/page"), web.url("/down"), web.url("/gone")]
    wall = [1_700_000_000.0]
    cache = HttpCache(tmp_path / "http.sqlite3", clock=lambda: wall[0])
    first = LinkCheckRunner(CachingTransport(local_transport, cache), clock=clock, sleep=clock.sleep).check_urls(urls)
    hits, sleeps = len(web.hits), list(clock.sleeps)

    class NoGate(HostGate):
        def slot(self, host):
            raise AssertionError("the cache pass went through the host gate")

        def ready_in(self, host):
            raise AssertionError("the cache pass asked the host gate")

    def no_sleep(seconds):
        raise AssertionError("the cache pass slept")

    blocked = RequestsTransport(allow_private=True, gate=NoGate(), sleep=no_sleep)
    again = LinkCheckRunner(CachingTransport(blocked, cache), sleep=no_sleep).check_urls(urls)
    assert [c.status for c in again.checks] == [c.status for c in first.checks] == [
        LinkStatus.ALIVE, LinkStatus.ERROR, LinkStatus.DEAD]
    assert len(web.hits) == hits and clock.sleeps == sleeps
    wall[0] += 11 * 60  # later: the transient 503 is asked again (and never reported dead)
    later = LinkCheckRunner(CachingTransport(local_transport, cache), clock=clock, sleep=clock.sleep).check_urls(urls)
    cache.close()
    assert [m for m, p in web.hits[hits:]].count("GET") == 3 and {p for _, p in web.hits[hits:]} == {"/down"}
    assert later.checks[1].status is LinkStatus.ERROR


def test_outcomes_keep_no_body(web, local_transport):
    web.routes["/big"] = lambda h: web.send(h, 200, web.page("Big", "x" * 50_000))
    outcome = UrlChecker(local_transport).check(web.url("/big"))
    assert outcome.response.body == b"" and outcome.info.title == "Big" and outcome.info.text == ""
