"""Defects 01 and 02 (second half): one request per URL per run, whoever asks. Two references
citing one URL, read at the same moment by the cited-page reader, cost one GET; the link check
that follows, without any HTTP cache (--no-cache), is answered from the run's memo; and the memo
keeps the rules of the persistent cache (a fresh GET serves a HEAD, a smaller read does not serve
a bigger one, a scheduler's retry reaches the network, memory is bounded)."""
from __future__ import annotations

import threading

from citecheck.links.http import HttpResponse, NetError
from citecheck.links.memo import RunMemo
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.model import LinkStatus, Reference, Span, Url
from citecheck.resolve.page_source import PageFetcher

SPAN = Span("essay.md", 7, 1, 0, 10)


class Counting:
    """A Transport that counts requests; ``hold`` keeps the first one on the wire until released."""

    retry = Retry(total=2, backoff_factor=0)

    def __init__(self, answer, hold=False):
        self.answer = answer
        self.calls: list[tuple[str, str, int]] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def with_retry(self, retry):
        return self

    def request(self, method, url, *, headers=None, params=None, max_bytes=512 * 1024, follow_redirects=True):
        self.calls.append((method, url, max_bytes))
        self.entered.set()
        self.release.wait(timeout=10)
        return self.answer(method, url, max_bytes)


def page(method, url, max_bytes):
    body = b"" if method == "HEAD" else b"<html><title>A page</title>" + b"x" * 100 + b"</html>"
    return HttpResponse(url=url, status=200, final_url=url, headers={"content-type": "text/html"},
                        body=body[:max_bytes], truncated=len(body) > max_bytes)


def test_two_callers_of_one_url_at_the_same_moment_share_one_request():
    inner = Counting(page, hold=True)
    view = RunMemo().over(inner)
    answers = []
    first = threading.Thread(target=lambda: answers.append(view.request("GET", "http://a.example/x")))
    first.start()
    assert inner.entered.wait(timeout=10)
    second = threading.Thread(target=lambda: answers.append(view.request("GET", "http://a.example/x")))
    second.start()
    second.join(timeout=0.3)  # it waits for the first answer (with the defect it sent its own request)
    inner.release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert len(inner.calls) == 1 and len(answers) == 2
    assert {a.status for a in answers} == {200}


def test_two_references_citing_one_url_cost_one_get_for_the_page_reader_and_the_link_check(web, local_transport):
    web.routes["/gone/dup"] = lambda h: web.send(h, 404, b"<html><title>404</title>Not here</html>")
    url = web.url("/gone/dup")
    view = RunMemo().over(local_transport)  # no HTTP cache: the --no-cache case
    pages = PageFetcher(view, user_agent="test")
    readers = [threading.Thread(target=pages, args=(url,)) for _ in range(2)]
    for t in readers:
        t.start()
    for t in readers:
        t.join(timeout=10)
    refs = [Reference(raw=k, span=SPAN, key=k, urls=(Url(url),)) for k in ("dup2018", "dup2017")]
    report = LinkCheckRunner(view).check_references(refs)
    assert report.checks[0].status is LinkStatus.DEAD
    assert web.count("GET", "/gone/dup") == 1 and web.count("HEAD", "/gone/dup") == 0


def test_a_get_answer_serves_a_head_and_a_smaller_cap():
    inner = Counting(page)
    view = RunMemo().over(inner)
    view.request("GET", "http://a.example/x", max_bytes=1024)
    head = view.request("HEAD", "http://a.example/x", max_bytes=0)
    small = view.request("GET", "http://a.example/x", max_bytes=10)
    assert len(inner.calls) == 1 and head.body == b"" and head.from_cache
    assert small.body == page("GET", "", 1024).body[:10] and small.truncated


def test_a_truncated_read_does_not_serve_a_bigger_one():
    inner = Counting(page)
    view = RunMemo().over(inner)
    view.request("GET", "http://a.example/x", max_bytes=10)
    full = view.request("GET", "http://a.example/x", max_bytes=4096)
    assert len(inner.calls) == 2 and not full.truncated


def test_a_transient_answer_is_served_to_readers_but_a_scheduled_retry_reaches_the_network():
    inner = Counting(lambda m, u, b: HttpResponse(url=u, status=503, final_url=u))
    view = RunMemo().over(inner)
    view.request("GET", "http://a.example/x")
    assert view.request("GET", "http://a.example/x").from_cache  # a reader: the 503 had its retries
    assert view.cached("GET", "http://a.example/x").status == 503
    view.with_retry(Retry.never()).request("GET", "http://a.example/x")
    assert len(inner.calls) == 2


def test_bodies_past_the_budget_are_not_kept():
    inner = Counting(page)
    view = RunMemo(body_budget=0).over(inner)
    view.request("GET", "http://a.example/x")
    assert view.request("HEAD", "http://a.example/x", max_bytes=0).status == 200  # a HEAD is still served
    view.request("GET", "http://a.example/x")
    assert [m for m, _, _ in inner.calls] == ["GET", "GET"]


def test_requests_that_are_not_get_or_head_are_never_shared():
    inner = Counting(lambda m, u, b: HttpResponse(url=u, status=200, final_url=u))
    view = RunMemo().over(inner)
    view.request("POST", "http://a.example/save")
    view.request("POST", "http://a.example/save")
    assert len(inner.calls) == 2


def test_a_failure_of_the_first_caller_lets_the_next_one_ask():
    calls = []

    class Failing:
        def request(self, method, url, **kw):
            calls.append(url)
            if len(calls) == 1:
                raise RuntimeError("bug in a transport")
            return HttpResponse(url=url, error=NetError.RESET)

    view = RunMemo().over(Failing())
    try:
        view.request("GET", "http://a.example/x")
    except RuntimeError:
        pass
    assert view.request("GET", "http://a.example/x").error is NetError.RESET and len(calls) == 2
