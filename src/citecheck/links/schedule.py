"""Scheduling a run's URL checks across hosts without ever parking a worker on a paused host.

Two passes. First every URL the cache can answer in full is answered from it, in the calling
thread: no host gate, no sleep, no worker. Then the rest go to ``HostScheduler``, which hands
a worker only a URL whose host has a free slot (``per_host``), whose minimum gap has passed
and which the gate does not hold back (a 429/503 ``Retry-After`` pauses that host): the other
hosts' URLs keep flowing meanwhile. Retries are scheduled here too, not slept in a worker: a
check resting on a transient answer (429, 5xx, timeout, reset) goes back to its host's queue
with a not-before time from the transport's ``Retry`` policy (Retry-After, else exponential
backoff; at most one retry of a timeout), and the worker takes the next ready URL.

A timeout from a host that has answered other requests of this run in time is the page's own
slowness, not the network's: it is not retried (another full deadline on a live host almost
never changes the answer; the link history gives the page its next chance on the next run).
A timeout from a host that has answered nothing yet is retried as the policy says, until that
host has timed out ``SILENT_AFTER`` times: a host that accepts connections and never answers is
then given up, its URLs still queued are not requested but reported "not checked" (``skipped``,
never dead), and the checks already made keep their timeout. While a host has timed out and
answered nothing, it gets one request at a time, so a silent host costs ``SILENT_AFTER``
deadlines at most, not one per URL.

A worker waits only when no URL of any host may start; one waiter at a time sleeps through
the injected ``sleep`` until the next host is due, so tests with a fake clock run instantly.
"""
from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Sequence
from urllib.parse import urlsplit

from ..model import LinkCheck
from .checker import UrlChecker, UrlOutcome
from .http import HttpResponse, NetError, Transport
from .policy import SILENT_AFTER, Retry, classify, describe

log = logging.getLogger(__name__)

OnDone = Callable[[str, UrlOutcome], None]


@dataclass
class _Host:
    queue: deque = field(default_factory=deque)  # (url, retry) ready to go
    later: list = field(default_factory=list)  # heap of (not_before, seq, (url, retry))
    in_flight: int = 0
    last_start: float = float("-inf")
    listed: bool = False  # in the runnable deque
    slots: int | None = None  # fewer slots than per_host, while the host is in doubt


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or url).lower()


class HostScheduler:
    """Thread-safe work queue keyed by host; ``next()`` blocks only while nothing may start."""

    def __init__(self, urls: Sequence[str], retry: Retry, *, per_host: int, min_gap: float = 0.0,
                 ready_in: Callable[[str], float] | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.per_host = max(1, per_host)
        self.min_gap = max(0.0, min_gap)
        self._ready_in = ready_in or (lambda host: 0.0)
        self._clock, self._sleep = clock, sleep
        self._cond = threading.Condition()
        self._hosts: dict[str, _Host] = {}
        self._runnable: deque[str] = deque()
        self._timers: list[tuple[float, int, str]] = []
        self._seq = itertools.count()
        self._remaining = 0
        self._in_flight = 0
        self._sleeping = False
        self._aborted = False
        for url in urls:
            host = self._host(host_of(url))
            host.queue.append((url, retry))
            self._remaining += 1
        for name in self._hosts:
            self._list(name)

    def _host(self, name: str) -> _Host:
        host = self._hosts.get(name)
        if host is None:
            host = self._hosts[name] = _Host()
        return host

    def _list(self, name: str) -> None:
        host = self._hosts[name]
        if not host.listed:
            host.listed = True
            self._runnable.append(name)

    def _timer(self, when: float, name: str) -> None:
        heapq.heappush(self._timers, (when, next(self._seq), name))

    # -- for workers ------------------------------------------------------------------------

    def next(self) -> tuple[str, Retry] | None:
        """The next (url, retry state) that may start now; None when the run is over."""
        with self._cond:
            while True:
                if self._remaining <= 0 or self._aborted:
                    return None
                now = self._clock()
                while self._timers and self._timers[0][0] <= now:
                    self._list(heapq.heappop(self._timers)[2])
                item = self._pick(now)
                if item is not None:
                    return item
                self._wait(now)

    def _pick(self, now: float) -> tuple[str, Retry] | None:
        for _ in range(len(self._runnable)):
            name = self._runnable.popleft()
            host = self._hosts[name]
            host.listed = False
            due = []
            while host.later and host.later[0][0] <= now:
                due.append(heapq.heappop(host.later)[2])
            host.queue.extendleft(reversed(due))  # a due retry goes first: its wait is already served
            if not host.queue:
                if host.later:
                    self._timer(host.later[0][0], name)
                continue
            if host.in_flight >= min(self.per_host, host.slots or self.per_host):
                continue  # done() lists it again when a slot frees
            wait = max(self._ready_in(name), host.last_start + self.min_gap - now)
            if wait > 0:
                self._timer(now + wait, name)
                continue
            item = host.queue.popleft()
            host.in_flight += 1
            self._in_flight += 1
            host.last_start = now
            if host.queue or host.later:
                self._list(name)  # to the back: round-robin over hosts
            return item
        return None

    def _wait(self, now: float) -> None:
        due = self._timers[0][0] - now if self._timers else None
        if self._in_flight or self._sleeping or due is None:
            self._cond.wait(timeout=due)  # a finished check or the sleeper will wake us
            return
        self._sleeping = True  # nothing in flight: only time can help; one of us sleeps it off
        self._cond.release()
        try:
            self._sleep(due)
        finally:
            self._cond.acquire()
            self._sleeping = False
            self._cond.notify_all()

    def done(self, url: str) -> None:
        self._finish(url, None)

    def again(self, url: str, retry: Retry, after: float) -> None:
        """Put ``url`` back to be tried no earlier than ``after`` seconds from now."""
        self._finish(url, (retry, after))

    def _finish(self, url: str, again: tuple[Retry, float] | None) -> None:
        with self._cond:
            name = host_of(url)
            host = self._hosts[name]
            host.in_flight -= 1
            self._in_flight -= 1
            if again is None:
                self._remaining -= 1
            else:
                retry, after = again
                heapq.heappush(host.later, (self._clock() + max(0.0, after), next(self._seq), (url, retry)))
            if host.queue or host.later:
                self._list(name)
            self._cond.notify_all()

    def narrow(self, name: str, slots: int | None) -> None:
        """Let host ``name`` have at most ``slots`` requests in flight (None: ``per_host`` again)."""
        with self._cond:
            host = self._hosts.get(name)
            if host is not None and host.slots != slots:
                host.slots = slots
                if host.queue or host.later:
                    self._list(name)
                self._cond.notify_all()

    def drain(self, name: str) -> list[str]:
        """Take every URL of host ``name`` still waiting (queued or due for a retry) off the run;
        the caller answers them itself."""
        with self._cond:
            host = self._hosts.get(name)
            if host is None:
                return []
            urls = [url for url, _ in host.queue] + [item[2][0] for item in sorted(host.later)]
            host.queue.clear()
            host.later.clear()
            self._remaining -= len(urls)
            self._cond.notify_all()
            return urls

    def abort(self) -> None:
        with self._cond:
            self._aborted = True
            self._cond.notify_all()


_SAME = object()  # a host's slots stay as they are


@dataclass(frozen=True)
class _Heard:
    answers: bool  # the host answered a request of this run in time
    given_up: bool  # it answered nothing and timed out SILENT_AFTER times
    silent_now: bool  # ... and this answer made it so
    narrow_to: object = _SAME  # 1 (in doubt: one request at a time), None (per_host again) or _SAME


class _Hosts:
    """What the hosts of one run said: who answered, who timed out while answering nothing."""

    def __init__(self) -> None:
        self._answering: set[str] = set()
        self._timeouts: dict[str, int] = {}
        self._doubted: set[str] = set()  # hosts narrowed to one request at a time
        self._lock = threading.Lock()

    def hear(self, host: str, response: HttpResponse) -> _Heard:
        with self._lock:
            silent_now = False
            if response.error is None and response.status is not None:
                self._answering.add(host)
            elif response.error is NetError.TIMEOUT and host not in self._answering:
                self._timeouts[host] = self._timeouts.get(host, 0) + 1
                silent_now = self._timeouts[host] == SILENT_AFTER
            answers = host in self._answering
            doubt = not answers and self._timeouts.get(host, 0) > 0
            narrow_to: object = _SAME
            if doubt and host not in self._doubted:
                narrow_to = 1
                self._doubted.add(host)
            elif not doubt and host in self._doubted:
                narrow_to = None
                self._doubted.discard(host)
            return _Heard(answers, doubt and self._timeouts[host] >= SILENT_AFTER, silent_now, narrow_to)


def check_all(checker: UrlChecker, transport: Transport, urls: Sequence[str], *, workers: int,
              clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
              on_done: OnDone | None = None) -> dict[str, UrlOutcome]:
    """Check every URL once (plus the retries its policy allows); outcomes by URL."""
    outcomes: dict[str, UrlOutcome] = {}
    todo = list(urls)
    lookup = getattr(transport, "cached", None)
    if callable(lookup):
        todo = []
        for url in urls:
            outcome = checker.check_cached(url, lookup)
            if outcome is None:
                todo.append(url)
            else:
                outcomes[url] = outcome
                if on_done is not None:
                    on_done(url, outcome)
        log.debug("%d of %d URL(s) answered from the cache", len(urls) - len(todo), len(urls))
    if not todo:
        return outcomes
    live, retry = transport, Retry.never()  # a transport we cannot re-configure keeps its own retries
    policy, make = getattr(transport, "retry", None), getattr(transport, "with_retry", None)
    if isinstance(policy, Retry) and callable(make):
        live, retry = make(Retry.never()), policy
    gate = getattr(transport, "gate", None)
    scheduler = HostScheduler(
        todo, retry, per_host=getattr(gate, "per_host", workers), min_gap=getattr(gate, "min_gap", 0.0),
        ready_in=getattr(gate, "ready_in", None), clock=clock, sleep=sleep)
    lock = threading.Lock()
    hosts = _Hosts()
    resting: dict[str, UrlOutcome] = {}  # url -> the outcome a scheduled retry would replace

    def finish(url: str, outcome: UrlOutcome) -> None:
        with lock:
            outcomes[url] = outcome
            resting.pop(url, None)
        if on_done is not None:
            on_done(url, outcome)

    def give_up(host: str) -> None:
        """``host`` has answered nothing and timed out too often: its waiting URLs are not asked."""
        drained = scheduler.drain(host)
        log.info("%s answered nothing and timed out %d times: %d more URL(s) not requested",
                 host, SILENT_AFTER, len(drained))
        for url in drained:
            with lock:
                earlier = resting.get(url)
            finish(url, earlier or not_asked(url, host))

    def work() -> None:
        try:
            while (item := scheduler.next()) is not None:
                url, state = item
                outcome = checker.check(url, live)
                host = host_of(url)
                with lock:
                    if outcome.response.error is NetError.HOST_SILENT and url in resting:
                        outcome = resting[url]  # the transport gave the host up meanwhile: the timeout stands
                heard = hosts.hear(host, outcome.response)
                if heard.narrow_to is not _SAME:  # a host that timed out and answered nothing yet gets
                    scheduler.narrow(host, heard.narrow_to)  # one request at a time
                pending = outcome.pending
                if pending is not None and pending.error is NetError.TIMEOUT and (heard.answers or heard.given_up):
                    pending = None  # the host answers: this page is slow, not the network; or it is given up
                wait = state.wait_for(pending, now=datetime.now(timezone.utc)) if pending is not None else None
                if wait is not None:
                    reason = pending.error.value if pending.error else str(pending.status)
                    log.info("retrying %s in %.2fs (%s)", url, wait, reason)
                    with lock:
                        resting[url] = outcome
                    scheduler.again(url, state.increment(reason), wait)
                    continue
                finish(url, outcome)
                if heard.silent_now:
                    give_up(host)  # before done() frees the URL's slot
                scheduler.done(url)
        except BaseException:
            scheduler.abort()
            raise

    count = max(1, min(workers, len(todo)))
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="links") as pool:
        for future in [pool.submit(work) for _ in range(count)]:
            future.result()
    return outcomes


def not_asked(url: str, host: str) -> UrlOutcome:
    """The outcome of a URL not requested because its host was given up (``skipped``, not dead)."""
    response = HttpResponse(url=url, final_url=url, error=NetError.HOST_SILENT,
                            detail=f"not checked: {host} did not answer ({SILENT_AFTER} requests timed out in this run)")
    status = classify(response)
    return UrlOutcome(LinkCheck(url=url, status=status, detail=describe(response, status)), response)
