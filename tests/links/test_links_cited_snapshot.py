"""Defect 11: a reference that already cites a working Wayback snapshot of its dead URL is not an
error: the dead original is reported as info (saying why), no fix proposes the snapshot it
already cites, and the snapshot is fetched once in the run however many parts ask for it."""
from __future__ import annotations

import responses

from citecheck.links.archive import ArchiveFinder
from citecheck.links.gate import HostGate
from citecheck.links.memo import RunMemo
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.transport import RequestsTransport
from citecheck.model import ArchiveSnapshot, Kind, Reference, Severity, Span, Url
from citecheck.resolve.page_source import PageFetcher

SPAN = Span("essay.md", 7, 1, 0, 10)


def mocked_transport():
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))


def snapshot_of(url):
    return ArchiveSnapshot(url=f"https://web.archive.org/web/20190601000000/{url}", original=url,
                           timestamp="20190601000000")


def test_a_dead_original_whose_cited_snapshot_works_is_info_without_a_fix(web, local_transport):
    web.routes["/gone/article"] = lambda h: web.send(h, 404)
    gone = web.url("/gone/article")
    snap = snapshot_of(gone)
    cites = Reference(raw="j", span=SPAN, key="jones", year=2020, urls=(Url(gone, snapshot=snap),))
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(snap.url, body="<title>Archived</title>")
        report = LinkCheckRunner(local_transport, archive=ArchiveFinder(mocked_transport())).check_references([cites])
    (finding,) = report.findings
    assert (finding.kind, finding.severity) == (Kind.URL_DEAD, Severity.INFO)
    assert finding.fix is None and finding.suggested is None
    assert "already cites a working archived copy" in finding.message and snap.url in finding.message


def test_a_second_reference_to_the_same_url_without_the_snapshot_is_still_offered_it(web, local_transport):
    web.routes["/gone/article"] = lambda h: web.send(h, 404)
    gone = web.url("/gone/article")
    snap = snapshot_of(gone)
    cites = Reference(raw="j", span=SPAN, key="jones", year=2020, urls=(Url(gone, snapshot=snap),))
    bare = Reference(raw="k", span=SPAN, key="king", year=2020, urls=(Url(gone),))
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(snap.url, body="<title>Archived</title>")
        report = LinkCheckRunner(local_transport, archive=ArchiveFinder(mocked_transport())).check_references(
            [cites, bare])
    by_ref = {f.reference: f for f in report.findings}
    assert by_ref["jones"].severity is Severity.INFO and by_ref["jones"].fix is None
    assert by_ref["king"].severity is Severity.ERROR and by_ref["king"].fix.after == snap.url


def test_the_cited_snapshot_is_fetched_once_by_the_page_reader_and_the_archive_pass(web, local_transport):
    """The page reader (web stack) and the archive pass (archive stack) share the run's memo."""
    web.routes["/gone/article"] = lambda h: web.send(h, 404)
    gone = web.url("/gone/article")
    snap = snapshot_of(gone)
    cites = Reference(raw="j", span=SPAN, key="jones", year=2020, urls=(Url(gone, snapshot=snap),))
    memo = RunMemo()
    pages, archive = memo.over(local_transport), ArchiveFinder(memo.over(mocked_transport()))
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(snap.url, body="<html><title>Archived</title></html>", content_type="text/html")
        PageFetcher(pages, user_agent="test")(snap.url)  # what the cited page's metadata reader does
        LinkCheckRunner(pages, archive=archive).check_references([cites])
        assert [c.request.url for c in mock.calls] == [snap.url]
    assert web.count("GET", "/gone/article") == 1
