"""The requests implementation of ``Transport``: the only module that imports requests.

One ``request()`` = up to ``retry.total + 1`` attempts; one attempt = a chain of hops we
follow ourselves (so the scheme and address policy are re-checked at every hop, loops are
caught and the ``Hop`` chain is kept). Bodies are streamed raw and decoded here with a cap
(``decode.BodyDecoder``), so neither a 2 GB PDF nor a gzip bomb costs more than
``max_bytes``. A watchdog shuts the socket at the whole-response deadline, so a server
trickling headers or body cannot hold the run. Every failure comes back as data: an
``HttpResponse`` with a ``NetError`` and a detail string, never an exception.
"""
from __future__ import annotations

import copy
import errno
import heapq
import http.client
import ipaddress
import logging
import os
import socket
import ssl
import threading
import time
from datetime import datetime, timezone
from typing import Callable, Mapping, Sequence
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions as u3
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies, requote_uri, select_proxy

from .decode import BodyDecoder
from .gate import HostGate
from .http import Hop, HttpResponse, NetError
from .policy import SILENT_AFTER, Retry, host_pause

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "citecheck/0.1 (+https://github.com/citecheck/citecheck)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SCHEMES = ("http", "https")
CHUNK = 16 * 1024
REDIRECT_BODY_LIMIT = 64 * 1024
RESOLVE_TTL = 300.0
SENSITIVE_HEADERS = ("authorization", "cookie", "proxy-authorization")
PAUSE_MODES = ("repeated", "always", "never")  # when a Retry-After pauses the whole host

Resolver = Callable[[str], Sequence[str]]


def system_resolver(host: str) -> list[str]:
    """All addresses ``host`` resolves to (raises ``socket.gaierror`` when it does not)."""
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _Timers:
    """One daemon thread firing every watchdog of the process at its deadline (a thread per
    request would cost more than the request on a fast network)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, "_Watchdog"]] = []
        self._seq = 0
        self._thread: threading.Thread | None = None

    def add(self, when: float, watchdog: "_Watchdog") -> None:
        with self._cond:
            self._seq += 1
            heapq.heappush(self._heap, (when, self._seq, watchdog))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="citecheck-watchdog", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._heap and self._heap[0][2].cancelled:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait(timeout=30.0)
                    if not self._heap:
                        self._thread = None
                        return
                    continue
                when = self._heap[0][0]
                now = time.monotonic()
                if when > now:
                    self._cond.wait(timeout=when - now)
                    continue
                watchdog = heapq.heappop(self._heap)[2]
            watchdog.fire()


_TIMERS = _Timers()


class _Watchdog:
    """Shuts the current connection's socket down when the deadline passes."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self.cancelled = False
        self._conn = None
        self._lock = threading.Lock()
        _TIMERS.add(time.monotonic() + max(0.0, seconds), self)

    def attach(self, conn) -> None:
        with self._lock:
            self._conn = conn
            if self.fired:
                self._shutdown()

    def fire(self) -> None:
        with self._lock:
            if self.cancelled:
                return
            self.fired = True
            self._shutdown()

    def _shutdown(self) -> None:
        sock = getattr(self._conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True


def _tracking_pool(base, local: threading.local):
    class TrackingPool(base):
        def _get_conn(self, timeout=None):
            conn = super()._get_conn(timeout)
            watchdog = getattr(local, "watchdog", None)
            if watchdog is not None:
                watchdog.attach(conn)
            return conn

    return TrackingPool


class _DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter whose pools hand each connection to the calling thread's watchdog."""

    def __init__(self, local: threading.local, **kwargs) -> None:
        self._local = local
        super().__init__(**kwargs)

    def _pool_classes(self, manager) -> dict:
        return {scheme: _tracking_pool(cls, self._local) for scheme, cls in manager.pool_classes_by_scheme.items()}

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pool_classes(self.poolmanager)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not getattr(manager, "_citecheck_tracked", False):
            manager.pool_classes_by_scheme = self._pool_classes(manager)
            manager._citecheck_tracked = True
        return manager


def _exception_chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop(0)
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [item.__cause__, item.__context__, getattr(item, "reason", None)]
        todo += [a for a in getattr(item, "args", ()) if isinstance(a, BaseException)]
    return seen


def _is_timeout(e: BaseException) -> bool:
    if isinstance(e, u3.NewConnectionError):
        return False
    return isinstance(e, (requests.Timeout, u3.TimeoutError, socket.timeout, TimeoutError))


_RULES: tuple[tuple[NetError, Callable[[BaseException], bool]], ...] = (
    (NetError.DNS, lambda e: isinstance(e, (u3.NameResolutionError, socket.gaierror))),
    (NetError.TLS, lambda e: isinstance(e, (requests.exceptions.SSLError, u3.SSLError, ssl.SSLError, ssl.CertificateError))),
    (NetError.REFUSED, lambda e: isinstance(e, ConnectionRefusedError)),
    (NetError.OFFLINE, lambda e: isinstance(e, OSError) and e.errno == errno.ENETUNREACH),
    (NetError.REFUSED, lambda e: isinstance(e, OSError) and e.errno == errno.EHOSTUNREACH),
    (NetError.TIMEOUT, _is_timeout),
    (NetError.RESET, lambda e: isinstance(e, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
                                              http.client.RemoteDisconnected, http.client.IncompleteRead,
                                              u3.ProtocolError, requests.exceptions.ChunkedEncodingError))),
    (NetError.TOO_MANY_REDIRECTS, lambda e: isinstance(e, requests.TooManyRedirects)),
    (NetError.BAD_URL, lambda e: isinstance(e, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                                                requests.exceptions.InvalidSchema, u3.LocationParseError,
                                                UnicodeError))),
)


def classify_exception(exc: BaseException) -> tuple[NetError, str]:
    """The ``NetError`` an exception from requests/urllib3/socket stands for, by type only."""
    chain = _exception_chain(exc)
    detail = f"{type(chain[-1]).__name__}: {chain[-1]}"[:300]
    for error, matches in _RULES:
        for e in chain:
            if matches(e):
                return error, f"{type(e).__name__}: {e}"[:300]
    return NetError.OTHER, detail


class RequestsTransport:
    """``Transport`` over requests. Thread-safe: share one instance across worker threads.

    Beyond the stable constructor arguments: ``resolver`` (host -> addresses, for the
    private-address policy; tests inject one), ``clock``/``sleep`` (monotonic seconds and
    the retry wait), ``now`` (wall-clock time, for ``Retry-After`` HTTP dates) and
    ``pause_host``: when a 429/503 with ``Retry-After`` pauses the whole host in the gate
    rather than only delaying the retry of the URL that got it. ``"repeated"`` (the default)
    pauses the host once two answers from it in a row were 429/503: a host-wide rate limit
    shows itself that way (every request in flight is refused), where a limit on one
    resource does not, and pausing a whole site for one busy page costs a run a second per
    page. ``"always"`` pauses at the first such answer (the strictest reading); ``"never"``
    delays the URL only. True and False stand for "always" and "never". The environment's
    proxies are read once per host and run.

    A host is remembered for the run: one whose name did not resolve is not asked again; one
    that has answered nothing and timed out ``silent_after`` times (a server that accepts
    connections and never answers) is not asked again either (``NetError.HOST_SILENT``: not
    checked, never "dead"); and a timeout from a host that has answered other requests of the
    run is the page's own slowness, so it is not retried. While a host has timed out and
    answered nothing, its requests go one at a time, so a silent host costs ``silent_after``
    deadlines, not one per URL. Twins made by ``with_retry`` share this memory.
    """

    def __init__(
        self,
        user_agent: str = DEFAULT_USER_AGENT,
        connect_timeout: float = 5.0,
        read_timeout: float = 15.0,
        total_timeout: float = 30.0,
        max_redirects: int = 10,
        allow_private: bool = False,
        retry: Retry | None = None,
        gate: HostGate | None = None,
        session: requests.Session | None = None,
        *,
        resolver: Resolver | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
        pause_host: bool | str = "repeated",
        silent_after: int = SILENT_AFTER,
    ) -> None:
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.max_redirects = max_redirects
        self.allow_private = allow_private
        self.retry = retry if retry is not None else Retry()
        self.gate = gate if gate is not None else HostGate()
        self._resolver = resolver or system_resolver
        self._clock, self._sleep, self._now = clock, sleep, now
        self.pause_host = {True: "always", False: "never"}.get(pause_host, pause_host)  # type: ignore[arg-type]
        if self.pause_host not in PAUSE_MODES:
            raise ValueError(f"pause_host must be one of {', '.join(PAUSE_MODES)}")
        self._limited_in_a_row: dict[str, int] = {}  # host -> answers in a row that were 429/503
        self._limited_lock = threading.Lock()
        self._local = threading.local()
        self._resolved: dict[str, tuple[float, tuple[str, ...] | None, str]] = {}
        self._resolved_lock = threading.Lock()
        self._unreachable: dict[str, HttpResponse] = {}  # host -> the failure that showed it unreachable
        self.silent_after = max(1, silent_after)
        self._answered: set[str] = set()  # hosts that gave an HTTP answer in this run
        self._timeouts: dict[str, int] = {}  # host -> timeouts while it had answered nothing
        self._on_wire: dict[str, int] = {}  # host -> requests of this run on the wire now
        self._hosts = threading.Condition()
        self._proxy_table: dict[tuple[str, str], dict[str, str]] = {}
        self.session = session if session is not None else requests.Session()
        if not self.session.trust_env:
            log.warning("the session given has trust_env=False: HTTP(S)_PROXY, NO_PROXY and CA bundle variables are ignored")
        adapter = _DeadlineAdapter(self._local, pool_connections=32, pool_maxsize=32, max_retries=0)
        for prefix in ("http://", "https://"):
            if type(self.session.adapters.get(prefix)) is HTTPAdapter:  # keep adapters a caller mounted
                self.session.mount(prefix, adapter)

    # -- public -------------------------------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        max_bytes: int = 512 * 1024,
        follow_redirects: bool = True,
        data: Mapping[str, str] | None = None,
    ) -> HttpResponse:
        """``data`` (beyond the Transport protocol): a form body, for a POST (Save Page Now)."""
        method = method.upper()
        target = url
        if params:
            try:
                target = requests.Request(method, url, params=params).prepare().url
            except Exception as exc:  # noqa: BLE001 - malformed URL/params become data
                return HttpResponse(url=url, final_url=url, error=NetError.BAD_URL, detail=str(exc)[:300])
        retry = self.retry
        last: HttpResponse | None = None
        while True:
            response = self._attempt(method, target, headers or {}, max_bytes, follow_redirects, data)
            if response.error is NetError.HOST_SILENT and last is not None:
                return last  # the host was given up while this retry waited: the answer it had stands
            last = response
            now = self._now()
            host = self._host_key(response.final_url or target)
            pause = host_pause(response, retry.max_retry_after, now)
            if self._should_pause(host, response, pause):  # the server asked us to leave the host alone
                self.gate.defer(host, pause)
            if response.error is NetError.TIMEOUT and (self.answered(host) or self.silent(host)):
                return response  # a slow page on a live host, or a host given up: no second deadline
            wait = retry.wait_for(response, now=now)
            if wait is None:
                return response
            retry = retry.increment(response.error.value if response.error else str(response.status))
            log.info("retrying %s %s in %.2fs (%s, retry %d)", method, target, wait,
                     response.error.value if response.error else response.status, retry.attempt)
            self._sleep(wait)

    def _should_pause(self, host: str, response: HttpResponse, pause: float | None) -> bool:
        limited = response.error is None and response.status in (429, 503)
        with self._limited_lock:
            row = self._limited_in_a_row[host] = self._limited_in_a_row.get(host, 0) + 1 if limited else 0
        if not pause or self.pause_host == "never":
            return False
        return self.pause_host == "always" or row >= 2

    def answered(self, host: str) -> bool:
        """``host`` (a netloc) gave an HTTP answer to a request of this run."""
        with self._hosts:
            return host.lower() in self._answered

    def silent(self, host: str) -> bool:
        """``host`` answered nothing and timed out ``silent_after`` times: it is not asked again."""
        with self._hosts:
            return self._timeouts.get(host.lower(), 0) >= self.silent_after

    def _enter(self, host: str) -> bool:
        """Go on the wire to ``host`` (False: it has been given up). While the host is in doubt
        (it timed out and answered nothing), wait until no other request to it is on the wire."""
        with self._hosts:
            while (self._timeouts.get(host, 0) and host not in self._answered and self._on_wire.get(host, 0)
                   and self._timeouts[host] < self.silent_after):
                self._hosts.wait()
            if self._timeouts.get(host, 0) >= self.silent_after:
                return False
            self._on_wire[host] = self._on_wire.get(host, 0) + 1
            return True

    def _silent_answer(self, host: str) -> dict:
        return dict(error=NetError.HOST_SILENT, detail=f"not checked: {host} did not answer "
                    f"({self.silent_after} requests timed out earlier in this run)")

    def _leave(self, host: str, outcome: dict | tuple[int, str] | None) -> None:
        """Off the wire: remember whether ``host`` answered or timed out."""
        with self._hosts:
            self._on_wire[host] -= 1
            self._hosts.notify_all()
            if outcome is None:
                return
            if isinstance(outcome, tuple) or outcome.get("status") is not None:
                self._answered.add(host)
                self._timeouts.pop(host, None)
            elif outcome.get("error") is NetError.TIMEOUT and host not in self._answered:
                self._timeouts[host] = self._timeouts.get(host, 0) + 1
                if self._timeouts[host] == self.silent_after:
                    log.info("%s timed out %d times and answered nothing: not asked again in this run",
                             host, self.silent_after)

    def with_retry(self, retry: Retry) -> "RequestsTransport":
        """The same transport (session, gate, name cache) with another retry policy; a
        scheduler that retries by itself asks for ``Retry.never()``."""
        twin = copy.copy(self)
        twin.retry = retry
        return twin

    # -- one attempt ----------------------------------------------------------------------

    def _attempt(self, method: str, url: str, headers: Mapping[str, str], max_bytes: int,
                 follow: bool, data: Mapping[str, str] | None = None) -> HttpResponse:
        """One try: follow the hops. ``total_timeout`` bounds the time spent on the wire
        (waiting for a slot of the host gate does not count)."""
        start = self._clock()
        spent = 0.0
        hops: list[Hop] = []
        seen = {url}
        current = url
        send_headers = self._headers(headers)

        def result(**kw) -> HttpResponse:
            elapsed = int((self._clock() - start) * 1000)
            return HttpResponse(url=url, final_url=current, redirects=tuple(hops), elapsed_ms=elapsed, **kw)

        while True:
            problem = self._check_target(current)
            if problem is not None:
                return result(error=problem[0], detail=problem[1])
            known = self._unreachable.get(self._host_key(current))
            if known is not None:  # its name did not resolve earlier in this run: do not ask again
                return result(error=known.error, detail=f"{known.detail} (earlier in this run; not asked again)")
            remaining = self.total_timeout - spent
            if remaining <= 0:
                return result(error=NetError.TIMEOUT, detail=f"deadline of {self.total_timeout}s exceeded")
            host = self._host_key(current)
            if self.silent(host):
                return result(**self._silent_answer(host))
            with self.gate.slot(host):
                hop_start = self._clock()
                if not self._enter(host):  # given up while this request waited
                    return result(**self._silent_answer(host))
                outcome = None
                try:
                    outcome = self._hop(method, current, send_headers, max_bytes, follow, remaining, data)
                finally:
                    self._leave(host, outcome)
                spent += self._clock() - hop_start
            if isinstance(outcome, dict):
                answer = result(**outcome)
                if answer.error is NetError.DNS:
                    self._unreachable[self._host_key(current)] = answer
                return answer
            status, nxt = outcome
            hops.append(Hop(status, nxt))
            if nxt in seen:
                return result(status=status, error=NetError.TOO_MANY_REDIRECTS, detail=f"redirect loop back to {nxt}")
            if len(hops) > self.max_redirects:
                return result(status=status, error=NetError.TOO_MANY_REDIRECTS,
                              detail=f"more than {self.max_redirects} redirects")
            seen.add(nxt)
            if urlsplit(nxt).netloc.lower() != urlsplit(current).netloc.lower():
                send_headers = {k: v for k, v in send_headers.items() if k.lower() not in SENSITIVE_HEADERS}
            current = nxt

    def _hop(self, method: str, url: str, headers: Mapping[str, str], max_bytes: int, follow: bool,
             remaining: float, data: Mapping[str, str] | None = None) -> dict | tuple[int, str]:
        """One request on the wire: (status, next URL) for a redirect to follow, else the
        fields of the final ``HttpResponse``."""
        watchdog = _Watchdog(remaining)
        self._local.watchdog = watchdog
        try:
            # prepare + send rather than session.request: the proxies (and CA bundle) are
            # worked out once per host here, not from the whole environment at every request
            prepared = self.session.prepare_request(requests.Request(method, url, headers=headers, data=data or None))
            resp = self.session.send(
                prepared, allow_redirects=False, stream=True,
                timeout=(min(self.connect_timeout, remaining), min(self.read_timeout, remaining)),
                verify=self._verify(), proxies=self._proxies(url))
            try:
                conn = getattr(resp.raw, "_connection", None)
                if conn is not None:
                    watchdog.attach(conn)
                location = resp.headers.get("location")
                if follow and resp.status_code in REDIRECT_STATUSES and location:
                    self._read_body(resp, REDIRECT_BODY_LIMIT)
                    return resp.status_code, requote_uri(urljoin(url, location.strip()))
                if method == "HEAD":
                    self._read_body(resp, REDIRECT_BODY_LIMIT)  # drain (normally nothing) so the connection is reused
                    body, truncated, note = b"", False, ""
                else:
                    body, truncated, note = self._read_body(resp, max_bytes)
                fields = dict(status=resp.status_code, headers=_lower(resp.headers), body=body,
                              truncated=truncated, detail=note)
                if watchdog.fired:
                    fields.update(error=NetError.TIMEOUT, truncated=True,
                                  detail=f"deadline of {self.total_timeout}s exceeded while reading the body")
                return fields
            finally:
                resp.close()
        except (requests.RequestException, u3.HTTPError, OSError, ValueError, http.client.HTTPException) as exc:
            if watchdog.fired:
                return dict(error=NetError.TIMEOUT, detail=f"deadline of {self.total_timeout}s exceeded")
            error, detail = classify_exception(exc)
            log.debug("%s %s: %s (%s)", method, url, error.value, detail)
            return dict(error=error, detail=detail)
        finally:
            watchdog.cancel()
            self._local.watchdog = None

    def _read_body(self, resp: requests.Response, limit: int) -> tuple[bytes, bool, str]:
        """Read at most ``limit`` decoded bytes; returns (body, truncated, note)."""
        if limit <= 0:
            return b"", False, ""
        encoding = resp.headers.get("content-encoding", "identity")
        note = ""
        if not BodyDecoder.supports(encoding):
            note = f"content-encoding {encoding!r} not decoded"
            encoding = "identity"
        decoder = BodyDecoder(encoding, limit)
        for chunk in resp.raw.stream(CHUNK, decode_content=False):
            decoder.feed(chunk)
            if decoder.capped or decoder.full:
                break
        truncated = decoder.capped or (decoder.full and not resp.raw.isclosed())
        return bytes(decoder.out), truncated, note

    # -- policy -----------------------------------------------------------------------

    def _headers(self, extra: Mapping[str, str]) -> dict[str, str]:
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en;q=1.0, *;q=0.5",
        }
        headers.update(extra)
        return headers

    def _verify(self) -> bool | str:
        """The session's verify, or with trust_env the CA bundle the environment names
        (REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, then SSL_CERT_FILE)."""
        if self.session.trust_env and self.session.verify is True:
            for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
                value = os.environ.get(name)
                if value:
                    return value
        return self.session.verify

    @staticmethod
    def _host_key(url: str) -> str:
        return urlsplit(url).netloc.lower()

    def _proxies(self, url: str) -> dict[str, str]:
        """The proxy table for ``url``'s scheme and host: the session's, plus (trust_env)
        HTTP(S)_PROXY/NO_PROXY, read once per host and run."""
        parts = urlsplit(url)
        key = (parts.scheme.lower(), parts.netloc.lower())
        found = self._proxy_table.get(key)
        if found is None:
            proxies = dict(self.session.proxies)
            if self.session.trust_env:
                proxies = {**get_environ_proxies(url, no_proxy=proxies.get("no_proxy")), **proxies}
            found = self._proxy_table[key] = proxies
        return found

    def _proxy_for(self, url: str) -> str | None:
        return select_proxy(url, self._proxies(url))

    def _check_target(self, url: str) -> tuple[NetError, str] | None:
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018 - raises on a malformed port
        except ValueError as exc:
            return NetError.BAD_URL, f"malformed URL: {exc}"
        if parts.scheme.lower() not in SCHEMES:
            return NetError.BAD_URL, f"scheme {parts.scheme!r} not allowed (only http and https)"
        if not host:
            return NetError.BAD_URL, "no host in URL"
        if self.allow_private:
            return None
        try:
            return self._address_problem(host, [str(ipaddress.ip_address(host))])
        except ValueError:
            pass
        if self._proxy_for(url):
            return None  # the proxy resolves the name; we must not
        addresses, error = self._resolve(host)
        if addresses is None:
            return NetError.DNS, error
        return self._address_problem(host, addresses)

    @staticmethod
    def _address_problem(host: str, addresses: Sequence[str]) -> tuple[NetError, str] | None:
        for address in addresses:
            if not is_public_address(address):
                return NetError.PRIVATE_ADDRESS, f"{host} is {address}: private, loopback or link-local addresses are refused (allow_private)"
        return None

    def _resolve(self, host: str) -> tuple[tuple[str, ...] | None, str]:
        now = self._clock()
        with self._resolved_lock:
            hit = self._resolved.get(host)
        if hit is not None and hit[0] > now:
            return hit[1], hit[2]
        try:
            addresses: tuple[str, ...] | None = tuple(self._resolver(host))
            error = ""
            if not addresses:
                addresses, error = None, f"{host} has no address"
        except (socket.gaierror, UnicodeError) as exc:
            addresses, error = None, f"cannot resolve {host}: {exc}"
        except OSError as exc:
            addresses, error = None, f"cannot resolve {host}: {exc}"
        with self._resolved_lock:
            self._resolved[host] = (now + RESOLVE_TTL, addresses, error)
        return addresses, error


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}
