"""HostScheduler: per-host slots, round-robin, pauses scheduled around, retries re-queued."""
from __future__ import annotations

from citecheck.links.policy import Retry
from citecheck.links.schedule import HostScheduler


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
