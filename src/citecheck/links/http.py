"""The network seam: one HTTP exchange as a record, and the Transport protocol.

Everything that talks to the web (link checking, page metadata, Crossref, OpenLibrary,
archives) goes through a ``Transport``. Failures are data: a response with ``error``
set, never an exception, so callers classify outcomes with the closed ``NetError`` set
and never by message text. ``links/transport.py`` holds the requests implementation;
tests use it under ``responses`` or against servers on 127.0.0.1, or pass a fake.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Mapping, Protocol


class NetError(str, Enum):
    DNS = "dns"  # the host name does not resolve
    REFUSED = "refused"  # connection refused
    TIMEOUT = "timeout"  # connect timeout, read timeout, or the whole-response deadline
    TLS = "tls"  # certificate or handshake failure
    RESET = "reset"  # connection reset / closed mid-response
    TOO_MANY_REDIRECTS = "too-many-redirects"  # more than the limit, or a loop
    BAD_URL = "bad-url"  # not http(s), malformed
    PRIVATE_ADDRESS = "private-address"  # loopback/private/link-local refused by policy
    OFFLINE = "offline"  # no network at all (detected once per run)
    HOST_SILENT = "host-silent"  # not asked: the host answered nothing and timed out earlier in this run
    OTHER = "other"


@dataclass(frozen=True)
class Hop:
    """One redirect: the status that sent us on, and where to."""

    status: int
    url: str


@dataclass(frozen=True)
class HttpResponse:
    """The outcome of one request, after following redirects.

    ``status`` is None when no HTTP answer came (see ``error``). ``body`` holds at most
    the requested number of bytes, decompressed (``truncated`` says the cap was hit).
    ``headers`` keys are lower-case.
    """

    url: str
    status: int | None = None
    final_url: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    truncated: bool = False
    redirects: tuple[Hop, ...] = ()
    elapsed_ms: int = 0
    error: NetError | None = None
    detail: str = ""
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)

    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 by default), errors replaced."""
        charset = "utf-8"
        content_type = self.header("content-type")
        if "charset=" in content_type:
            charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"') or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class Transport(Protocol):
    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        max_bytes: int = 512 * 1024,
        follow_redirects: bool = True,
    ) -> HttpResponse: ...


class WrappedTransport:
    """What a transport that wraps another (``inner``: the HTTP cache's, the run memo's) passes on
    of it when the link scheduler asks: the inner transport's retry policy and its HostGate (None
    when it has none to tell)."""

    inner: Transport

    @property
    def retry(self):
        return getattr(self.inner, "retry", None)

    @property
    def gate(self):
        return getattr(self.inner, "gate", None)
