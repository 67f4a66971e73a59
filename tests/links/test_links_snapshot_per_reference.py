"""Two references cite one URL, one seen in 2016 and one in 2021: the page is fetched once,
but each reference is offered the archived copy nearest its own access date (the finding's
fix, what --fix applies, and the JSON report's link entry), not both the 2016 copy."""
from __future__ import annotations

import json

import responses

from citecheck.links.archive import ArchiveFinder
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.transport import RequestsTransport
from citecheck.model import Kind, Reference, RunResult, Span, Url
from citecheck.report.json_report import render_json

CDX = "https://web.archive.org/cdx/search/cdx"
CDX_HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def ref(key, url, accessed, line):
    return Reference(raw=key, span=Span("essay.md", line, 1, 0, 10), key=key, year=int(accessed[:4]),
                     accessed=accessed, urls=(Url(url),))


def test_each_reference_gets_the_copy_nearest_its_own_date(web, local_transport):
    web.routes["/gone/shared"] = lambda h: web.send(h, 404, b"<title>Not Found</title>")
    url = web.url("/gone/shared")
    rows = [CDX_HEADER, ["k", "20160301000000", url, "text/html", "200", "A" * 32, "1"],
            ["k", "20210301000000", url, "text/html", "200", "B" * 32, "1"]]
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(CDX, json=rows)  # the fake ignores `closest`: choose() picks by date
        transport = RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))
        finder = ArchiveFinder(transport, use_availability=False, timetravel_url=None)
        refs = [ref("old2016", url, "2016-03-01", 7), ref("new2021", url, "2021-03-01", 9)]
        report = LinkCheckRunner(local_transport, archive=finder).check_references(refs)
    fixes = {f.reference: f.fix.after for f in report.findings if f.kind is Kind.URL_DEAD}
    assert fixes == {"old2016": f"https://web.archive.org/web/20160301000000/{url}",
                     "new2021": f"https://web.archive.org/web/20210301000000/{url}"}
    assert len(report.checks) == 1 and report.check_of("new2021", url).snapshot.timestamp == "20210301000000"
    result = RunResult(documents=("essay.md",), references=tuple(refs), citations=(), findings=report.findings,
                       links=report.checks, link_refs=report.by_reference, offline=False,
                       link_snapshots=report.reference_snapshots)
    links = {entry["reference"]: entry["archive"]["timestamp"] for entry in json.loads(render_json(result))["links"]}
    assert links == {"old2016": "20160301000000", "new2021": "20210301000000"}
