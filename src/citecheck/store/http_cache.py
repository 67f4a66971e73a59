"""A persistent HTTP response cache in SQLite (no pickle: plain columns and JSON), and
``CachingTransport``, which wraps any ``Transport`` with it.

Three lifetimes: successes (2xx/3xx) are kept for ``ttl_ok``; definite failures (404, 410,
DNS, refused, redirect loops) for ``ttl_fail`` (short; 0 = never); transient ones (429,
5xx, 401/403 walls, timeouts, resets) only for ``ttl_transient`` (minutes), so an immediate
re-run is answered from the cache while a later run asks again: a failing link is re-checked,
never remembered as dead. A transient entry is served as what it was (rate-limited, timeout,
error), never as a verdict. A fresh GET answer also serves a HEAD for the same URL.

A caller that schedules its own retries takes a view with ``with_retry``: it never serves
transient entries (the retry must reach the network). ``cached`` answers from the store
only (no network, no gate, no sleep), for a fast pass before any live request.
Thread-safe: one connection behind a lock.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import urlencode

from ..links.http import Hop, HttpResponse, NetError, Transport, WrappedTransport
from .sqlite import SqliteFile

log = logging.getLogger(__name__)

DEFAULT_PATH = Path("cache") / "http.sqlite3"
DAY = 86400.0
MINUTE = 60.0
TRANSIENT_ERRORS = frozenset({NetError.TIMEOUT, NetError.RESET, NetError.OTHER, NetError.TLS})
DEFINITE_ERRORS = frozenset({NetError.DNS, NetError.REFUSED, NetError.TOO_MANY_REDIRECTS})
# never stored: OFFLINE (a fact about this machine now), PRIVATE_ADDRESS and BAD_URL (no request was made)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    detail TEXT NOT NULL DEFAULT '',
    final_url TEXT NOT NULL DEFAULT '',
    headers TEXT NOT NULL DEFAULT '{}',
    body BLOB NOT NULL DEFAULT x'',
    truncated INTEGER NOT NULL DEFAULT 0,
    max_bytes INTEGER NOT NULL DEFAULT 0,
    redirects TEXT NOT NULL DEFAULT '[]',
    elapsed_ms INTEGER NOT NULL DEFAULT 0,
    fetched_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS responses_expiry ON responses (expires_at);
"""


def cache_key(method: str, url: str, params: Mapping[str, str] | None, follow_redirects: bool) -> str:
    query = urlencode(sorted(params.items())) if params else ""
    return f"{method.upper()} {url}{'?' + query if query else ''}{'' if follow_redirects else ' nofollow'}"


class HttpCache(SqliteFile):
    """The SQLite store. ``clock`` gives wall-clock seconds (expiry survives restarts)."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__(path, wal=True)
        self._clock = clock
        with self._lock:
            self._db.executescript(_SCHEMA)

    def get(self, key: str) -> tuple[HttpResponse, int] | None:
        """A fresh entry as (response with from_cache=True, max_bytes it was read with)."""
        with self._lock:
            row = self._db.execute(
                "SELECT url, status, error, detail, final_url, headers, body, truncated, max_bytes, redirects,"
                " elapsed_ms FROM responses WHERE key = ? AND expires_at > ?", (key, self._clock())).fetchone()
        if row is None:
            return None
        url, status, error, detail, final_url, headers, body, truncated, max_bytes, redirects, elapsed = row
        response = HttpResponse(
            url=url, status=status, error=NetError(error) if error else None, detail=detail, final_url=final_url,
            headers=json.loads(headers), body=bytes(body), truncated=bool(truncated),
            redirects=tuple(Hop(int(s), u) for s, u in json.loads(redirects)), elapsed_ms=elapsed, from_cache=True)
        return response, max_bytes

    def put(self, key: str, method: str, response: HttpResponse, max_bytes: int, ttl: float) -> None:
        now = self._clock()
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, method, url, status, error, detail, final_url, headers, body,"
                " truncated, max_bytes, redirects, elapsed_ms, fetched_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, method.upper(), response.url, response.status, response.error.value if response.error else None,
                 response.detail, response.final_url, json.dumps(dict(response.headers)), response.body,
                 int(response.truncated), max_bytes, json.dumps([[h.status, h.url] for h in response.redirects]),
                 response.elapsed_ms, now, now + ttl))

    def purge_expired(self) -> int:
        with self._lock:
            return self._db.execute("DELETE FROM responses WHERE expires_at <= ?", (self._clock(),)).rowcount

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0]


class CachingTransport(WrappedTransport):
    """A ``Transport`` that answers from ``store`` when it can and records what ``inner`` says."""

    def __init__(self, inner: Transport, store: HttpCache, ttl_ok: float = 7 * DAY, ttl_fail: float = 3600.0,
                 ttl_transient: float = 10 * MINUTE, *, serve_transient: bool = True) -> None:
        self.inner = inner
        self.store = store
        self.ttl_ok = ttl_ok
        self.ttl_fail = ttl_fail
        self.ttl_transient = ttl_transient
        self.serve_transient = serve_transient

    # -- what the scheduler may ask of a transport (``retry``, ``gate``: ``WrappedTransport``) -------

    def with_retry(self, retry) -> "CachingTransport":
        """A view on the same store whose inner transport retries by ``retry``; it does not
        serve transient entries, since its caller retries them itself."""
        make = getattr(self.inner, "with_retry", None)
        inner = make(retry) if make is not None else self.inner
        return CachingTransport(inner, self.store, self.ttl_ok, self.ttl_fail, self.ttl_transient,
                                serve_transient=False)

    def cached(self, method: str, url: str, *, headers: Mapping[str, str] | None = None,
               params: Mapping[str, str] | None = None, max_bytes: int = 512 * 1024,
               follow_redirects: bool = True) -> HttpResponse | None:
        """The stored answer (transient ones included), or None: never the network."""
        method = method.upper()
        hit = self._lookup(cache_key(method, url, params, follow_redirects), max_bytes)
        if hit is None and method == "HEAD":
            hit = self._lookup(cache_key("GET", url, params, follow_redirects), 0)
            if hit is not None:
                hit = replace(hit, body=b"", truncated=False)
        return hit

    # -- lifetimes ---------------------------------------------------------------------------

    def ttl_for(self, response: HttpResponse) -> float:
        if response.error is not None:
            if response.error in DEFINITE_ERRORS:
                return self.ttl_fail
            return self.ttl_transient if response.error in TRANSIENT_ERRORS else 0.0
        status = response.status or 0
        if 200 <= status < 400:
            return self.ttl_ok
        if status in (404, 410):
            return self.ttl_fail
        return self.ttl_transient  # 401/403 walls, 429, 5xx, other 4xx: ask again soon

    def is_transient(self, response: HttpResponse) -> bool:
        if response.error is not None:
            return response.error in TRANSIENT_ERRORS
        status = response.status or 0
        return not (200 <= status < 400 or status in (404, 410))

    # -- the Transport ----------------------------------------------------------------------

    def request(self, method: str, url: str, *, headers: Mapping[str, str] | None = None,
                params: Mapping[str, str] | None = None, max_bytes: int = 512 * 1024,
                follow_redirects: bool = True) -> HttpResponse:
        method = method.upper()
        hit = self.cached(method, url, params=params, max_bytes=max_bytes, follow_redirects=follow_redirects)
        if hit is not None and (self.serve_transient or not self.is_transient(hit)):
            return hit
        response = self.inner.request(method, url, headers=headers, params=params, max_bytes=max_bytes,
                                      follow_redirects=follow_redirects)
        ttl = self.ttl_for(response)
        if ttl > 0 and not response.from_cache:
            self.store.put(cache_key(method, url, params, follow_redirects), method, response, max_bytes, ttl)
        return response

    def _lookup(self, key: str, max_bytes: int) -> HttpResponse | None:
        found = self.store.get(key)
        if found is None:
            return None
        response, stored_cap = found
        if response.truncated and stored_cap < max_bytes:
            return None  # we read less than is asked for now
        if len(response.body) > max_bytes:
            response = replace(response, body=response.body[:max_bytes], truncated=True)
        return response
