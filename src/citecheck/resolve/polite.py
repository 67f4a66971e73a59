"""Politeness for one metadata service: a minimum interval, rate-limit headers, Retry-After, a memo.

Every API client (Crossref, OpenLibrary, OpenAlex) owns one ``PoliteClient`` over the
injected ``Transport``: requests to the service start at least ``min_interval`` apart
(widened when the service advertises ``X-Rate-Limit-Limit`` / ``X-Rate-Limit-Interval``);
after a 429 the service is left alone until its ``Retry-After`` has passed (retries with
backoff are the transport's job); answers are memoised for the run, positive ones
(2xx) longer than negative ones (404), failures never. A persistent cache is the
transport's business (the lead wraps it with a caching transport).
"""
from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from citecheck.links.http import HttpResponse, Transport

log = logging.getLogger(__name__)

DEFAULT_COOLDOWN = 60.0  # a 429 without Retry-After: leave the service alone this long


def parse_retry_after(value: str, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date); None if unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def advertised_interval(headers: Mapping[str, str]) -> float | None:
    """Seconds per request from ``X-Rate-Limit-Limit: 50`` and ``X-Rate-Limit-Interval: 1s``."""
    limit = headers.get("x-rate-limit-limit", "").strip()
    interval = headers.get("x-rate-limit-interval", "").strip().rstrip("s")
    try:
        requests, seconds = int(limit), float(interval)
    except ValueError:
        return None
    return seconds / requests if requests > 0 and seconds > 0 else None


@dataclass
class _Memo:
    response: HttpResponse
    expires: float


class PoliteClient:
    """GETs to one service through a Transport, politely; failures come back as responses."""

    def __init__(
        self,
        transport: Transport,
        *,
        service: str,
        user_agent: str,
        min_interval: float = 1.0,
        positive_ttl: float = 7 * 24 * 3600.0,
        negative_ttl: float = 24 * 3600.0,
        max_bytes: int = 2 * 1024 * 1024,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.service = service
        self.user_agent = user_agent
        self.min_interval = min_interval
        self._transport = transport
        self._positive_ttl = positive_ttl
        self._negative_ttl = negative_ttl
        self._max_bytes = max_bytes
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._last_start = 0.0
        self._cool_until = 0.0
        self._memo: dict[tuple, _Memo] = {}
        self.requests_sent = 0

    def get(self, url: str, params: Mapping[str, str] | None = None, accept: str = "application/json") -> HttpResponse:
        key = (url, tuple(sorted((params or {}).items())))
        now = self._clock()
        memo = self._memo.get(key)
        if memo is not None and memo.expires > now:
            return memo.response
        if now < self._cool_until:
            wait = self._cool_until - now
            return HttpResponse(url=url, status=429, detail=f"{self.service} asked us to wait {wait:.0f}s more (429)")
        self._wait_turn()
        headers = {"User-Agent": self.user_agent, "Accept": accept}
        response = self._transport.request("GET", url, headers=headers, params=params, max_bytes=self._max_bytes)
        self.requests_sent += 1
        self._learn(response)
        ttl = self._ttl(response)
        if ttl > 0:
            self._memo[key] = _Memo(response, self._clock() + ttl)
        return response

    def _wait_turn(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start)
            self._next_start = start + self.min_interval
            self._last_start = start
        if start > now:
            self._sleep(start - now)

    def _learn(self, response: HttpResponse) -> None:
        interval = advertised_interval(response.headers)
        if interval is not None and interval > self.min_interval:
            log.info("%s advertises one request per %.3fs; slowing down", self.service, interval)
            with self._lock:
                self.min_interval = interval
                self._next_start = max(self._next_start, self._last_start + interval)
        if response.status == 429:
            wait = parse_retry_after(response.header("retry-after"))
            wait = DEFAULT_COOLDOWN if wait is None else wait
            with self._lock:
                self._cool_until = max(self._cool_until, self._clock() + wait)
            log.warning("%s rate-limited us (429); not asking again for %.0fs", self.service, wait)

    def _ttl(self, response: HttpResponse) -> float:
        if response.error is not None or response.status is None:
            return 0.0
        if 200 <= response.status < 300:
            return self._positive_ttl
        if response.status in (404, 410):
            return self._negative_ttl
        return 0.0


def failure_detail(service: str, response: HttpResponse) -> str:
    """Why a response is no answer, for logs and notes ("Crossref: HTTP 503", "Crossref: timeout")."""
    if response.error is not None:
        extra = f" ({response.detail})" if response.detail else ""
        return f"{service}: no answer, {response.error.value}{extra}"
    if response.status == 429:
        return f"{service}: rate limited (HTTP 429){': ' + response.detail if response.detail else ''}"
    return f"{service}: HTTP {response.status}"


class ServiceClient:
    """A metadata service behind a ``PoliteClient``: its base URL and its own pace.

    Subclasses name the service, its default base URL and the least interval between two
    requests; tests and mirrors pass ``base_url``, ``clock`` and ``sleep``.
    """

    service = ""
    default_base = ""
    default_interval = 1.0

    def __init__(
        self,
        transport: Transport,
        *,
        user_agent: str,
        base_url: str | None = None,
        min_interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = (base_url or self.default_base).rstrip("/")
        interval = self.default_interval if min_interval is None else min_interval
        self._http = PoliteClient(transport, service=self.service, user_agent=user_agent, min_interval=interval,
                                  clock=clock, sleep=sleep)
