"""HostScheduler: per-host slots, round-robin, pauses scheduled around, retries re-queued."""
from __future__ import annotations

from citecheck.links.checker import UrlChecker
from citecheck.links.http import HttpResponse, NetError
from citecheck.links.policy import Retry
from citecheck.links.schedule import HostScheduler, check_all
from citecheck.model import LinkStatus


def urls(host, n):
    return [f"http://{host}/{i}" for i in range(n)]


def test_a_host_never_gets_more_than_its_slots_and_hosts_take_turns(clock):
    s = HostScheduler(urls("a", 3) + urls("b", 3), Retry(), per_host=2, clock=clock, sleep=clock.sleep)
    got = [s.next()[0] for _ in range(4)]
    assert got == ["http://a/0", "http://b/0", "http://a/1", "http://b/1"]
    s.done("http://a/0")
    assert s.next()[0] == "http://a/2"


def test_a_paused_host_is_skipped_and_waited_for_only_when_nothing_else_may_start(clock):
    paused = {"a": 4.0}
    s = HostScheduler(urls("a", 1) + urls("b", 2), Retry(), per_host=1,
                      ready_in=lambda h: max(0.0, paused.get(h, 0.0) - (clock.now - 1000)),
                      clock=clock, sleep=clock.sleep)
    assert s.next()[0] == "http://b/0"
    s.done("http://b/0")
    assert s.next()[0] == "http://b/1"
    s.done("http://b/1")
    assert clock.sleeps == []
    assert s.next()[0] == "http://a/0" and clock.sleeps == [4.0]


def test_a_retry_goes_back_with_a_not_before_time(clock):
    s = HostScheduler(urls("a", 2), Retry(), per_host=1, clock=clock, sleep=clock.sleep)
    url, state = s.next()
    s.again(url, state.increment("429"), 2.0)
    assert s.next()[0] == "http://a/1"  # the other URL goes first
    s.done("http://a/1")
    url2, state2 = s.next()
    assert url2 == url and state2.attempt == 1 and clock.sleeps == [2.0]
    s.done(url2)
    assert s.next() is None


def test_min_gap_is_kept_between_starts_on_a_host(clock):
    s = HostScheduler(urls("a", 2) + urls("b", 1), Retry(), per_host=2, min_gap=0.5, clock=clock, sleep=clock.sleep)
    assert [s.next()[0], s.next()[0]] == ["http://a/0", "http://b/0"]  # b need not wait for a's gap
    s.done("http://a/0")
    s.done("http://b/0")
    assert s.next()[0] == "http://a/1" and clock.sleeps == [0.5]


def test_a_due_retry_goes_ahead_of_its_hosts_queue(clock):
    """Its wait is already served: queued behind every untried URL of the host, a retry
    chain would only start once the host's list was done and lengthen the run's tail."""
    s = HostScheduler(urls("a", 4), Retry(), per_host=1, clock=clock, sleep=clock.sleep)
    url, state = s.next()
    s.again(url, state.increment("500"), 1.0)
    assert s.next()[0] == "http://a/1"
    clock.now += 2.0  # a/1 took a while; the retry is due now
    s.done("http://a/1")
    assert s.next()[0] == url  # before a/2 and a/3


class Scripted:
    """A Transport answering from a script: url -> answers in order (the last one repeats)."""

    retry = Retry(total=2, backoff_factor=0.1)

    def __init__(self, script):
        self.script = {u: list(a) for u, a in script.items()}
        self.calls = []

    def with_retry(self, retry):
        return self  # the scheduler retries; this script never does by itself

    def request(self, method, url, **kw):
        self.calls.append(url)
        answers = self.script[url]
        return answers.pop(0) if len(answers) > 1 else answers[0]


def timed_out(url):
    return HttpResponse(url=url, final_url=url, error=NetError.TIMEOUT, detail="deadline exceeded")


def pdf(url):
    return HttpResponse(url=url, status=200, final_url=url, headers={"content-type": "application/pdf"})


def test_a_slow_page_on_a_host_that_answers_is_not_retried_but_a_silent_host_is(clock):
    fast, slow, lone = "http://a/fast.pdf", "http://a/slow.pdf", "http://b/only.pdf"
    t = Scripted({fast: [pdf(fast)], slow: [timed_out(slow), pdf(slow)], lone: [timed_out(lone), pdf(lone)]})
    out = check_all(UrlChecker(t), t, [fast, slow, lone], workers=1, clock=clock, sleep=clock.sleep)
    assert t.calls.count(slow) == 1 and out[slow].check.status is LinkStatus.TIMEOUT
    # b answered nothing before its timeout: the network may have hiccupped, so it is asked again
    assert t.calls.count(lone) == 2 and out[lone].check.status is LinkStatus.ALIVE
