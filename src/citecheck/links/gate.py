"""Per-host politeness: at most ``per_host`` requests at once and a minimum gap between starts.

A ``HostGate`` is shared by every thread of a run (one for the web, a separate one for the
archive services). Start times are reserved under a lock, so concurrent callers to one host
are staggered by ``min_gap`` instead of all waking at once. ``defer`` pushes a host's next
start back (a 429 with ``Retry-After`` pauses every caller of that host, not only the one
that got it). ``ready_in`` lets a scheduler ask, without waiting or reserving, how long a
host is still paused, so it can hand its workers other hosts' URLs meanwhile. The clock
and sleep are injected so tests run instantly.
"""
from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

log = logging.getLogger(__name__)


class HostGate:
    def __init__(
        self,
        per_host: int = 2,
        min_gap: float = 0.2,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_host < 1:
            raise ValueError("per_host must be at least 1")
        self.per_host = per_host
        self.min_gap = max(0.0, min_gap)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    def _semaphore(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            sem = self._slots.get(host)
            if sem is None:
                sem = self._slots[host] = threading.BoundedSemaphore(self.per_host)
            return sem

    def _reserve_start(self, host: str) -> float:
        """Reserve the next start time for ``host``; returns how long to wait for it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.min_gap
            return start - now

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s slots for the duration of a request."""
        host = host.lower()
        sem = self._semaphore(host)
        sem.acquire()
        try:
            wait = self._reserve_start(host)
            if wait > 0:
                self._sleep(wait)
            yield
        finally:
            sem.release()

    def ready_in(self, host: str) -> float:
        """Seconds until ``host`` may start a request (0 when it may now); reserves nothing."""
        host = host.lower()
        with self._lock:
            return max(0.0, self._next_start.get(host, 0.0) - self._clock())

    def defer(self, host: str, seconds: float) -> None:
        """No request to ``host`` starts for ``seconds`` from now (e.g. after a Retry-After)."""
        host = host.lower()
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            if until > self._next_start.get(host, 0.0):
                self._next_start[host] = until
        log.debug("host %s deferred for %.2fs", host, seconds)
