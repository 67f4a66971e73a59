"""Defect 02 (first half): the README's promise, "a timeout on a host that answers other requests
in time is the page's own slowness and is not retried", holds for every caller of the transport
(the cited-page reader retries through the transport's own policy), not only for the link
scheduler; a host that has answered nothing yet is still asked a second time."""
from __future__ import annotations

import requests
import responses

from citecheck.links.gate import HostGate
from citecheck.links.http import NetError
from citecheck.links.policy import Retry
from citecheck.links.transport import RequestsTransport


def transport(sleeps):
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry(total=2, backoff_factor=0.5),
                             gate=HostGate(min_gap=0), sleep=sleeps.append)


def sent(url):
    return sum(1 for c in responses.calls if c.request.url == url)


@responses.activate
def test_a_slow_page_on_a_host_that_answered_is_asked_once():
    responses.get("https://a.example/ok", body="<title>ok</title>")
    responses.get("https://a.example/slow", body=requests.exceptions.ReadTimeout("read timed out"))
    sleeps = []
    t = transport(sleeps)
    assert t.request("GET", "https://a.example/ok").ok
    answer = t.request("GET", "https://a.example/slow")
    assert answer.error is NetError.TIMEOUT
    assert sent("https://a.example/slow") == 1 and sleeps == []


@responses.activate
def test_a_timeout_from_a_host_that_answered_nothing_is_retried_once():
    responses.get("https://b.example/slow", body=requests.exceptions.ReadTimeout("read timed out"))
    sleeps = []
    answer = transport(sleeps).request("GET", "https://b.example/slow")
    assert answer.error is NetError.TIMEOUT
    assert sent("https://b.example/slow") == 2 and sleeps == [0.5]


@responses.activate
def test_twins_made_for_the_scheduler_share_what_hosts_answered():
    responses.get("https://a.example/ok", body="<title>ok</title>")
    responses.get("https://a.example/slow", body=requests.exceptions.ReadTimeout("read timed out"))
    sleeps = []
    t = transport(sleeps)
    t.request("GET", "https://a.example/ok")
    twin = t.with_retry(Retry(total=2))
    assert twin.answered("a.example") and twin.request("GET", "https://a.example/slow").error is NetError.TIMEOUT
    assert sent("https://a.example/slow") == 1
