"""Checking one URL: one GET for URLs likely to be web pages (the soft-404 signs need the
body anyway), HEAD first for obvious files (a PDF, an archive, an image) with GET where HEAD
is refused; soft-404 signs on 2xx HTML pages (with one sibling probe per host directory,
shared by the run).

``check`` asks the network through the transport; ``check_cached`` answers from a cache's
``cached`` lookup only and gives up (None) at the first answer the cache does not hold, so a
run can serve everything it already knows before scheduling a single live request. An
outcome keeps neither the body nor the page text (memory stays flat on big runs); it says
in ``pending`` which answer (the page's or its sibling probe's) is worth asking again.
"""
from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping
from urllib.parse import urlsplit

from ..model import LinkCheck, LinkStatus
from .http import HttpResponse, NetError, Transport
from .policy import RETRY_ERRORS, RETRY_STATUSES, classify, describe, is_permanent_redirect
from .soft404 import PageInfo, assess, page_info, random_sibling

Lookup = Callable[..., "HttpResponse | None"]

# HEAD answers that say nothing about the page: ask again with GET
NO_FALLBACK_ERRORS = frozenset({NetError.DNS, NetError.REFUSED, NetError.PRIVATE_ADDRESS, NetError.BAD_URL,
                                NetError.OFFLINE, NetError.TIMEOUT, NetError.TOO_MANY_REDIRECTS, NetError.TLS,
                                NetError.HOST_SILENT})
NO_FALLBACK_STATUSES = frozenset({410, 429})
# last-segment extensions of files that are not web pages: HEAD is enough for them
FILE_EXTENSIONS = frozenset("""
    pdf ps eps djvu epub mobi doc docx odt rtf xls xlsx ods csv tsv ppt pptx odp key
    zip gz tgz bz2 xz 7z rar tar zst jar whl egg deb rpm dmg iso exe msi apk bin img
    jpg jpeg png gif webp tif tiff bmp ico svg heic mp3 mp4 m4a m4v avi mov mkv webm wav flac ogg
    nc h5 hdf5 parquet feather rds rdata sav dta mat npy npz sqlite db
""".split())


def looks_like_file(url: str) -> bool:
    """The URL names a file that is not a web page (by its extension)."""
    last = urlsplit(url).path.rsplit("/", 1)[-1]
    return "." in last and last.rsplit(".", 1)[1].lower() in FILE_EXTENSIONS


def is_transient(response: HttpResponse) -> bool:
    """An answer worth asking again later (429, 5xx, timeout, reset)."""
    if response.error is not None:
        return response.error in RETRY_ERRORS
    return response.status in RETRY_STATUSES


class _NotStored(Exception):
    """Raised by ``_StoreOnly`` when the cache does not hold an answer (private control flow)."""


class _StoreOnly:
    """A Transport over a cache lookup: answers what is stored, raises ``_NotStored`` otherwise."""

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup

    def request(self, method: str, url: str, *, headers: Mapping[str, str] | None = None,
                params: Mapping[str, str] | None = None, max_bytes: int = 512 * 1024,
                follow_redirects: bool = True) -> HttpResponse:
        hit = self._lookup(method, url, headers=headers, params=params, max_bytes=max_bytes,
                           follow_redirects=follow_redirects)
        if hit is None:
            raise _NotStored(url)
        return hit


@dataclass(frozen=True)
class CheckOptions:
    head_first: bool = True  # HEAD for obvious files (then GET where refused); pages get one GET when soft404
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
    pending: HttpResponse | None = None  # a transient answer this outcome rests on (to retry)

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

    def check(self, url: str, transport: Transport | None = None) -> UrlOutcome:
        """Check ``url`` through ``transport`` (default: the checker's own)."""
        return self._check(url, transport or self.transport)

    def check_cached(self, url: str, lookup: Lookup) -> UrlOutcome | None:
        """Check ``url`` from a cache lookup alone; None when any answer it needs is not stored."""
        try:
            return self._check(url, _StoreOnly(lookup))
        except _NotStored:
            return None

    def _check(self, url: str, transport: Transport) -> UrlOutcome:
        response, elapsed = self._fetch(url, transport)
        info, reason = PageInfo(), None
        pending = response if is_transient(response) and not response.from_cache else None
        if self.options.soft404 and response.ok and response.body and _is_html(response):
            info = page_info(response, text=False)
            reason = assess(response, info)
            if reason is None:
                probe, probe_info = self._probe(response.final_url or url, transport)
                if probe.ok:  # a made-up sibling answered: compare the pages' text too
                    info = page_info(response)
                reason = assess(response, info, probe, probe_info)
                if is_transient(probe) and not probe.from_cache:
                    pending = probe
        elif response.ok:
            reason = assess(response, PageInfo())  # redirect-to-root / generic landing need no body
        status = classify(response, soft_404=reason is not None)
        detail = describe(response, status)
        if reason:
            detail = f"{detail}; soft-404: {reason}"
        check = LinkCheck(url=url, status=status, http_status=response.status,
                          final_url=response.final_url or None, redirects=tuple(h.url for h in response.redirects),
                          elapsed_ms=elapsed, detail=detail)
        return UrlOutcome(check, _slim(response), _slim_info(info), reason, pending)

    def _fetch(self, url: str, transport: Transport) -> tuple[HttpResponse, int]:
        opts = self.options
        if not opts.head_first or (opts.soft404 and not looks_like_file(url)):
            r = transport.request("GET", url, max_bytes=opts.body_bytes)  # one request: the body is needed
            return r, r.elapsed_ms
        head = transport.request("HEAD", url, max_bytes=0)
        if head.error in NO_FALLBACK_ERRORS or head.status in NO_FALLBACK_STATUSES:
            return head, head.elapsed_ms
        needs_body = head.ok and opts.soft404 and _is_html(head)
        refused = head.error is not None or (head.status is not None and head.status >= 400)
        if not (needs_body or refused):
            return head, head.elapsed_ms
        get = transport.request("GET", url, max_bytes=opts.body_bytes)
        return get, head.elapsed_ms + get.elapsed_ms

    def _probe(self, url: str, transport: Transport) -> tuple[HttpResponse, PageInfo]:
        """One probe per (host, parent directory, extension): reused for every page there
        (a transient failure is not kept, so a retry probes again)."""
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
            probe = transport.request("GET", random_sibling(url, rng), max_bytes=self.options.probe_bytes)
            result = (probe, page_info(probe) if probe.ok else PageInfo())
            if not is_transient(probe) or probe.from_cache:
                with self._lock:
                    self._probes[key] = (_slim(probe), result[1])
            return result


def _slim(response: HttpResponse) -> HttpResponse:
    return replace(response, body=b"") if response.body else response


def _slim_info(info: PageInfo) -> PageInfo:
    return replace(info, text="") if info.text else info
