"""Shared fixtures for the resolve tests: service answers on disk, transports, a local page server.

Service tests go through the real ``RequestsTransport`` under ``responses`` (a resolver
is injected so no name is looked up); page tests fetch from an HTTP server on 127.0.0.1.
"""
from __future__ import annotations

import http.server
import itertools
import threading
from pathlib import Path

import pytest

from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.transport import RequestsTransport
from citecheck.model import EntryType, Name, Reference, Span, Url

FIXTURES = Path(__file__).parent / "fixtures"
PUBLIC_ADDRESS = "93.184.216.34"  # what every mocked host "resolves" to (never contacted)
_offsets = itertools.count(0, 100)


class Clock:
    """A fake monotonic clock; ``sleep`` advances it and records the waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def fixture_text():
    return lambda name: (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def clock():
    return Clock()


def _transport(**kwargs) -> RequestsTransport:
    no_wait = lambda seconds: None  # noqa: E731
    return RequestsTransport(
        user_agent="citecheck-tests", retry=Retry(total=0), gate=HostGate(min_gap=0.0, sleep=no_wait),
        sleep=no_wait, **kwargs,
    )


@pytest.fixture
def transport():
    """RequestsTransport for ``responses``-mocked services (names 'resolve' to a public address)."""
    return _transport(resolver=lambda host: [PUBLIC_ADDRESS])


@pytest.fixture
def local_transport():
    """RequestsTransport allowed to reach the page server on 127.0.0.1."""
    return _transport(allow_private=True)


class _Pages(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(FIXTURES / "pages"), **kwargs)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def page_server():
    """Base URL of an HTTP server on 127.0.0.1 serving tests/resolve/fixtures/pages."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _span() -> Span:
    start = next(_offsets)
    return Span(file="refs.md", line=start // 100 + 1, column=1, start=start, end=start + 80)


def make_reference(key: str, *authors: str, title: str = "", year: int | None = None,
                   type: EntryType = EntryType.DOCUMENT, urls: tuple[Url | str, ...] = (), doi: str = "",
                   isbn: str = "", publisher: str = "", container: str = "",
                   extra: tuple[tuple[str, str], ...] = ()) -> Reference:
    """authors as "Family, Given" strings."""
    names = tuple(
        Name(family=a.split(",")[0].strip(), given=a.split(",")[1].strip() if "," in a else "", raw=a) for a in authors
    )
    return Reference(
        raw=f"{'; '.join(authors)} ({year}). {title}.", span=_span(), type=type, key=key, authors=names, year=year,
        title=title, urls=tuple(u if isinstance(u, Url) else Url(u) for u in urls), doi=doi, isbn=isbn,
        publisher=publisher, container=container, extra=extra,
    )


@pytest.fixture
def reference():
    return make_reference
