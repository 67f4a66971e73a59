"""One request per URL per run: a run-scoped memo shared by the run's transports.

A ``RunMemo`` remembers the answer to every GET and HEAD of one run, whoever asked (the cited
page's metadata reader, the link checker, the archive pass), and makes a second caller of a
request already on the wire wait for its answer instead of sending its own (single flight).
``RunMemo.over(transport)`` gives a ``Transport`` view through it; the web's and the
archives' transports take views on one memo, so a snapshot the metadata reader fetched is not
fetched again by the archive pass, although each stack keeps its own host budget.

Rules, as for the persistent cache (``store/http_cache.py``): headers are not part of the
key; a GET answer also serves a HEAD; an answer read with a smaller cap than is asked for now
serves only if it was complete. An answer served from the memo says ``from_cache``, so a
transient one (a 5xx or timeout that has had its retries) is not asked again. A view made by
``with_retry`` (the link scheduler's, which retries by itself) does not take transient
answers: its retry must reach the network. Bodies are kept up to ``body_budget`` bytes in all
(memory stays bounded on big runs); past it an answer is kept without its body and serves
HEADs only. Thread-safe.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from typing import Mapping
from urllib.parse import urlencode

from .checker import is_transient
from .http import HttpResponse, Transport, WrappedTransport

BODY_BUDGET = 32 * 1024 * 1024
MEMO_METHODS = frozenset({"GET", "HEAD"})

Key = tuple[str, str, str, bool]


def memo_key(method: str, url: str, params: Mapping[str, str] | None, follow_redirects: bool) -> Key:
    return method.upper(), url, urlencode(sorted(params.items())) if params else "", follow_redirects


class RunMemo:
    """The answers of one run, by request; see the module docstring."""

    def __init__(self, body_budget: int = BODY_BUDGET) -> None:
        self.body_budget = max(0, body_budget)
        self._answers: dict[Key, tuple[HttpResponse, int]] = {}  # key -> (answer, cap it was read with)
        self._flying: dict[Key, threading.Event] = {}
        self._kept = 0  # body bytes held
        self._lock = threading.Lock()

    def over(self, transport: Transport) -> "MemoTransport":
        return MemoTransport(transport, self)

    # -- for the views ------------------------------------------------------------------------

    def lookup(self, key: Key, max_bytes: int, *, transient: bool = True) -> HttpResponse | None:
        with self._lock:
            return self._serve(key, max_bytes, transient)

    def fetch(self, key: Key, max_bytes: int, transient: bool, ask) -> HttpResponse:
        """The memo's answer for ``key``, else the one ``ask()`` gets (once, however many ask)."""
        while True:
            with self._lock:
                hit = self._serve(key, max_bytes, transient)
                if hit is not None:
                    return hit
                flying = self._flying.get(key)
                if flying is None:
                    self._flying[key] = threading.Event()
                    break
            flying.wait()  # the same request is on the wire: its answer may serve
        try:
            response = ask()
            self._keep(key, response, max_bytes)
            return response
        finally:
            with self._lock:
                self._flying.pop(key).set()

    def _serve(self, key: Key, max_bytes: int, transient: bool) -> HttpResponse | None:
        found = self._answers.get(key)
        if found is None and key[0] == "HEAD":
            found = self._answers.get(("GET",) + key[1:])
            if found is not None:
                found = (replace(found[0], body=b"", truncated=False), found[1])
        if found is None:
            return None
        response, cap = found
        if not transient and is_transient(response):
            return None
        if key[0] != "HEAD" and response.truncated and cap < max_bytes:
            return None  # read with a smaller cap than is asked for now
        if len(response.body) > max_bytes:
            response = replace(response, body=response.body[:max_bytes], truncated=True)
        return replace(response, from_cache=True)

    def _keep(self, key: Key, response: HttpResponse, max_bytes: int) -> None:
        with self._lock:
            old = self._answers.get(key)
            if old is not None:
                self._kept -= len(old[0].body)
            if self._kept + len(response.body) > self.body_budget:
                response, max_bytes = replace(response, body=b"", truncated=response.truncated or bool(response.body)), 0
            self._kept += len(response.body)
            self._answers[key] = (response, max_bytes)


class MemoTransport(WrappedTransport):
    """A ``Transport`` through a ``RunMemo``; it passes on the scheduler's questions (``retry``,
    ``gate``, ``with_retry``, ``cached``) to the transport it wraps."""

    def __init__(self, inner: Transport, memo: RunMemo, *, serve_transient: bool = True) -> None:
        self.inner = inner
        self.memo = memo
        self.serve_transient = serve_transient

    def with_retry(self, retry) -> "MemoTransport":
        make = getattr(self.inner, "with_retry", None)
        return MemoTransport(make(retry) if make is not None else self.inner, self.memo, serve_transient=False)

    def cached(self, method: str, url: str, *, headers: Mapping[str, str] | None = None,
               params: Mapping[str, str] | None = None, max_bytes: int = 512 * 1024,
               follow_redirects: bool = True) -> HttpResponse | None:
        """What this run or the inner transport's store already holds: never the network."""
        hit = self.memo.lookup(memo_key(method, url, params, follow_redirects), max_bytes)
        if hit is not None:
            return hit
        stored = getattr(self.inner, "cached", None)
        if not callable(stored):
            return None
        return stored(method, url, headers=headers, params=params, max_bytes=max_bytes,
                      follow_redirects=follow_redirects)

    def request(self, method: str, url: str, *, headers: Mapping[str, str] | None = None,
                params: Mapping[str, str] | None = None, max_bytes: int = 512 * 1024,
                follow_redirects: bool = True, **extra) -> HttpResponse:
        def ask() -> HttpResponse:
            return self.inner.request(method, url, headers=headers, params=params, max_bytes=max_bytes,
                                      follow_redirects=follow_redirects, **extra)

        if method.upper() not in MEMO_METHODS or extra:
            return ask()
        key = memo_key(method, url, params, follow_redirects)
        return self.memo.fetch(key, max_bytes, self.serve_transient, ask)
