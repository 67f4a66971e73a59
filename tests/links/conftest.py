"""A local test web on 127.0.0.1: routes are plain functions of the request handler."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest

from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.transport import RequestsTransport

Route = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict | None = None) -> None:
    handler.send_response(status)
    headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def page(title: str, text: str = "") -> bytes:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>".encode()


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.fallback: Route | None = None
        self.hits: list[tuple[str, str]] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _dispatch(self) -> None:
                path = self.path.split("?", 1)[0]
                web.hits.append((self.command, self.path))
                route = web.routes.get(path) or web.fallback
                if route is None:
                    send(self, 404, page("Not Found"))
                else:
                    route(self)

            do_GET = do_HEAD = _dispatch

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    send = staticmethod(send)
    page = staticmethod(page)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str) -> Callable[[Route], Route]:
        def register(fn: Route) -> Route:
            self.routes[path] = fn
            return fn
        return register

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p in self.hits if m == method and p.split("?", 1)[0] == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web():
    server = LocalWeb()
    yield server
    server.close()


class FakeClock:
    """Monotonic time that only moves when something sleeps; records the sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def sleeps(clock):
    return clock.sleeps


@pytest.fixture
def local_transport(clock):
    """A transport allowed to reach 127.0.0.1, with short timeouts and a fake clock and sleep."""
    return RequestsTransport(connect_timeout=1, read_timeout=1, total_timeout=1,
                             allow_private=True, retry=Retry(total=2, backoff_factor=0.1),
                             gate=HostGate(per_host=4, min_gap=0, clock=clock, sleep=clock.sleep),
                             clock=clock, sleep=clock.sleep)

