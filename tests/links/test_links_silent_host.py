"""Defect 19: a host that accepts connections and never answers is given up after it has timed
out twice: its other URLs are not requested but reported "not checked" (status skipped, never
dead, a warning saying why); while a host is in doubt it gets one request at a time, so no third
request starts before the second timeout is known. Counted in requests and attempts through
injected transports and a fake clock, never in wall time."""
from __future__ import annotations

import requests
import responses

from citecheck.history.records import Signal
from citecheck.history.rules import signal
from citecheck.links.checker import UrlChecker
from citecheck.links.gate import HostGate
from citecheck.links.http import HttpResponse, NetError
from citecheck.links.policy import Retry, classify
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.schedule import check_all
from citecheck.links.transport import RequestsTransport
from citecheck.model import Kind, LinkStatus, Reference, Severity, Span, Url

SPAN = Span("refs.bib", 1, 1, 0, 10)


class Silent:
    """A Transport for which every URL of host ``silent`` times out; others answer 200 (a PDF)."""

    retry = Retry(total=2, backoff_factor=0.5)

    def __init__(self):
        self.calls: list[str] = []

    def with_retry(self, retry):
        return self

    def request(self, method, url, **kw):
        self.calls.append(url)
        if "//silent/" in url:
            return HttpResponse(url=url, final_url=url, error=NetError.TIMEOUT, detail="read timed out")
        return HttpResponse(url=url, status=200, final_url=url, headers={"content-type": "application/pdf"})


def pdfs(host, n):
    return [f"http://{host}/p{i}.pdf" for i in range(n)]


def test_the_scheduler_gives_a_silent_host_up_after_two_timeouts(clock):
    t = Silent()
    urls = pdfs("silent", 50) + pdfs("live", 3)
    out = check_all(UrlChecker(t), t, urls, workers=2, clock=clock, sleep=clock.sleep)
    silent_calls = [u for u in t.calls if "//silent/" in u]
    assert len(silent_calls) == 2  # not 50 x 2
    states = [out[u].check.status for u in pdfs("silent", 50)]
    assert states.count(LinkStatus.TIMEOUT) == 2 and states.count(LinkStatus.SKIPPED) == 48
    skipped = next(out[u] for u in pdfs("silent", 50) if out[u].check.status is LinkStatus.SKIPPED)
    assert skipped.response.error is NetError.HOST_SILENT and skipped.check.detail.startswith("not checked: silent")
    assert {out[u].check.status for u in pdfs("live", 3)} == {LinkStatus.ALIVE}


def test_a_url_not_asked_is_skipped_not_dead():
    response = HttpResponse(url="http://silent/p", error=NetError.HOST_SILENT,
                            detail="not checked: silent did not answer")
    assert classify(response) is LinkStatus.SKIPPED
    assert signal(LinkStatus.SKIPPED) is Signal.IGNORE  # the link history does not count it as a failure


def bib_refs(urls):
    return [Reference(raw=f"b{i}", span=SPAN, key=f"b{i}", urls=(Url(u),)) for i, u in enumerate(urls)]


@responses.activate
def test_a_hung_server_costs_two_requests_and_its_other_urls_are_reported_not_checked(clock):
    urls = [f"https://hung.example/p{i}" for i in range(4)]
    for u in urls:
        responses.get(u, body=requests.exceptions.ReadTimeout("read timed out"))
    t = hung_transport(clock)
    report = LinkCheckRunner(t, concurrency=1, clock=clock, sleep=clock.sleep).check_references(bib_refs(urls))
    assert len(responses.calls) == 2  # before: every URL twice (8 requests, 15 s each)
    assert [c.status for c in report.checks] == [LinkStatus.TIMEOUT, LinkStatus.TIMEOUT,
                                                 LinkStatus.SKIPPED, LinkStatus.SKIPPED]
    not_checked = [f for f in report.findings if f.reference in ("b2", "b3")]
    assert [(f.kind, f.severity) for f in not_checked] == [(Kind.URL_TIMEOUT, Severity.WARNING)] * 2
    assert all("was not checked: hung.example did not answer" in f.message for f in not_checked)


@responses.activate
def test_the_transport_itself_stops_asking_a_silent_host(clock):
    urls = [f"https://hung.example/p{i}" for i in range(3)]
    for u in urls:
        responses.get(u, body=requests.exceptions.ReadTimeout("read timed out"))
    t = hung_transport(clock)
    first = t.request("GET", urls[0])  # timed out, retried once (nothing answered yet): now silent
    assert first.error is NetError.TIMEOUT and len(responses.calls) == 2 and t.silent("hung.example")
    later = [t.request("GET", u) for u in urls[1:]]
    assert [r.error for r in later] == [NetError.HOST_SILENT] * 2 and len(responses.calls) == 2


def hung_transport(clock):
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry(total=2, backoff_factor=0.5),
                             gate=HostGate(per_host=2, min_gap=0, clock=clock, sleep=clock.sleep),
                             clock=clock, sleep=clock.sleep)
