"""Checking one URL: HEAD first, GET where HEAD is refused or a body is needed, soft-404
signs on 2xx HTML pages (with one sibling probe per host directory, shared by the run)."""
from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import LinkCheck, LinkStatus
from .http import HttpResponse, NetError, Transport
from .policy import classify, describe, is_permanent_redirect
from .soft404 import PageInfo, assess, page_info, random_sibling

# HEAD answers that say nothing about the page: ask again with GET
NO_FALLBACK_ERRORS = frozenset({NetError.DNS, NetError.REFUSED, NetError.PRIVATE_ADDRESS, NetError.BAD_URL,
                                NetError.OFFLINE, NetError.TIMEOUT, NetError.TOO_MANY_REDIRECTS, NetError.TLS})
NO_FALLBACK_STATUSES = frozenset({410, 429})


@dataclass(frozen=True)
class CheckOptions:
    head_first: bool = True
    soft404: bool = True  # parse 2xx HTML pages and probe a sibling URL
    body_bytes: int = 256 * 1024
    probe_bytes: int = 128 * 1024


@dataclass(frozen=True)
class UrlOutcome:
    """One URL's check plus what the runner needs next (page title, the raw response)."""

    check: LinkCheck
    response: HttpResponse
    info: PageInfo = field(default_factory=PageInfo)
    soft404_reason: str | None = None

    @property
    def permanent_redirect(self) -> bool:
        return self.check.status is LinkStatus.REDIRECTED and is_permanent_redirect(self.response)


def _is_html(response: HttpResponse) -> bool:
    ctype = response.header("content-type").lower()
    return not ctype or "html" in ctype


class UrlChecker:
    """Thread-safe; one per run (the sibling probes are remembered per host directory)."""

    def __init__(self, transport: Transport, options: CheckOptions = CheckOptions(), *, seed: str = "citecheck") -> None:
        self.transport = transport
        self.options = options
        self._seed = seed
        self._probes: dict[tuple, tuple[HttpResponse, PageInfo]] = {}
        self._probe_locks: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> UrlOutcome:
        response, elapsed = self._fetch(url)
        info, reason = PageInfo(), None
        if self.options.soft404 and response.ok and response.body and _is_html(response):
            info = page_info(response)
            reason = assess(response, info)
            if reason is None:
                probe, probe_info = self._probe(response.final_url or url)
                reason = assess(response, info, probe, probe_info)
        elif response.ok:
            reason = assess(response, PageInfo())  # redirect-to-root / generic landing need no body
        status = classify(response, soft_404=reason is not None)
        detail = describe(response, status)
        if reason:
            detail = f"{detail}; soft-404: {reason}"
        check = LinkCheck(url=url, status=status, http_status=response.status,
                          final_url=response.final_url or None, redirects=tuple(h.url for h in response.redirects),
                          elapsed_ms=elapsed, detail=detail)
        return UrlOutcome(check, response, info, reason)

    def _fetch(self, url: str) -> tuple[HttpResponse, int]:
        opts = self.options
        if not opts.head_first:
            r = self.transport.request("GET", url, max_bytes=opts.body_bytes)
            return r, r.elapsed_ms
        head = self.transport.request("HEAD", url, max_bytes=0)
        if head.error in NO_FALLBACK_ERRORS or head.status in NO_FALLBACK_STATUSES:
            return head, head.elapsed_ms
        needs_body = head.ok and opts.soft404 and _is_html(head)
        refused = head.error is not None or (head.status is not None and head.status >= 400)
        if not (needs_body or refused):
            return head, head.elapsed_ms
        get = self.transport.request("GET", url, max_bytes=opts.body_bytes)
        return get, head.elapsed_ms + get.elapsed_ms

    def _probe(self, url: str) -> tuple[HttpResponse, PageInfo]:
        """One probe per (host, parent directory, extension): reused for every page there."""
        parts = urlsplit(url)
        parent, _, last = parts.path.rstrip("/").rpartition("/")
        ext = last.rsplit(".", 1)[1].lower() if "." in last else ""
        key = (parts.scheme, parts.netloc.lower(), parent, ext, parts.path.endswith("/"))
        with self._lock:
            if key in self._probes:
                return self._probes[key]
            lock = self._probe_locks.setdefault(key, threading.Lock())
        with lock:
            with self._lock:
                if key in self._probes:
                    return self._probes[key]
            rng = random.Random(f"{self._seed}|{'|'.join(map(str, key))}")  # stable, so the cache can serve it
            probe = self.transport.request("GET", random_sibling(url, rng), max_bytes=self.options.probe_bytes)
            result = (probe, page_info(probe) if probe.ok else PageInfo())
            with self._lock:
                self._probes[key] = result
            return result
