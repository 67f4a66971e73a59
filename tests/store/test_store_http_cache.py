"""HttpCache (SQLite, no pickle) and CachingTransport, with a fake inner transport and clock."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from citecheck.links.http import Hop, HttpResponse, NetError
from citecheck.store import CachingTransport, HttpCache


class Clock:
    def __init__(self):
        self.now = 1_700_000_000.0

    def __call__(self):
        return self.now


class FakeTransport:
    def __init__(self, answers):
        self.answers = answers
        self.calls = []
        self.lock = threading.Lock()

    def request(self, method, url, *, headers=None, params=None, max_bytes=512 * 1024, follow_redirects=True):
        with self.lock:
            self.calls.append((method, url, max_bytes))
        r = self.answers[url]
        body = r.body[:max_bytes] if method == "GET" else b""
        return HttpResponse(**{**r.__dict__, "body": body, "truncated": len(r.body) > max_bytes})


OK = HttpResponse(url="https://a.example/x", status=200, final_url="https://a.example/y",
                  headers={"content-type": "text/html"}, body=b"<title>A</title>" * 10,
                  redirects=(Hop(301, "https://a.example/y"),), elapsed_ms=42)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def cache(tmp_path, clock):
    c = HttpCache(tmp_path / "cache" / "http.sqlite3", clock=clock)
    yield c
    c.close()


def test_success_is_served_from_cache_with_every_field(cache):
    inner = FakeTransport({OK.url: OK})
    t = CachingTransport(inner, cache)
    first = t.request("GET", OK.url)
    second = t.request("GET", OK.url)
    assert len(inner.calls) == 1 and not first.from_cache and second.from_cache
    assert (second.status, second.final_url, second.headers, second.body, second.redirects, second.elapsed_ms) == (
        OK.status, OK.final_url, OK.headers, OK.body, OK.redirects, OK.elapsed_ms)


def test_entries_expire(cache, clock):
    inner = FakeTransport({OK.url: OK})
    t = CachingTransport(inner, cache, ttl_ok=60)
    t.request("GET", OK.url)
    clock.now += 61
    t.request("GET", OK.url)
    assert len(inner.calls) == 2
    clock.now += 1000
    assert cache.purge_expired() == 1 and len(cache) == 0


def test_failures_are_kept_briefly_and_rechecked_later(cache, clock):
    answers = {"https://a.example/404": HttpResponse(url="https://a.example/404", status=404),
               "https://a.example/503": HttpResponse(url="https://a.example/503", status=503),
               "https://a.example/t": HttpResponse(url="https://a.example/t", error=NetError.TIMEOUT)}
    inner = FakeTransport(answers)
    t = CachingTransport(inner, cache, ttl_fail=3600, ttl_transient=600)
    for _ in range(2):
        for url in answers:
            t.request("GET", url)
    assert len(inner.calls) == 3  # an immediate re-run is answered from the cache ...
    again = t.request("GET", "https://a.example/503")
    assert again.from_cache and again.status == 503  # ... as what it was: never turned into "dead"
    clock.now += 601  # ... a later run asks again about the transient failures
    for url in answers:
        t.request("GET", url)
    assert sorted(u for _, u, _ in inner.calls[3:]) == ["https://a.example/503", "https://a.example/t"]
    clock.now += 3000
    t.request("GET", "https://a.example/404")
    assert len(inner.calls) == 6
    never = CachingTransport(inner, cache, ttl_fail=0, ttl_transient=0)
    assert never.ttl_for(answers["https://a.example/404"]) == 0 and never.ttl_for(answers["https://a.example/503"]) == 0


def test_offline_and_policy_refusals_are_never_stored(cache):
    t = CachingTransport(FakeTransport({}), cache)
    for error in (NetError.OFFLINE, NetError.PRIVATE_ADDRESS, NetError.BAD_URL):
        assert t.ttl_for(HttpResponse(url="https://a.example/", error=error)) == 0


def test_a_retrying_view_does_not_serve_transient_entries(cache):
    url = "https://a.example/503"
    inner = FakeTransport({url: HttpResponse(url=url, status=503), OK.url: OK})
    t = CachingTransport(inner, cache)
    t.request("GET", url)
    t.request("GET", OK.url)
    view = t.with_retry(object())  # FakeTransport has no with_retry: the inner one is kept
    assert view.store is cache and view.inner is inner
    assert not view.request("GET", url).from_cache  # the caller is retrying: ask the network
    assert view.request("GET", OK.url).from_cache  # a success is still served
    assert len(inner.calls) == 3


def test_cached_answers_from_the_store_only(cache):
    inner = FakeTransport({OK.url: OK})
    t = CachingTransport(inner, cache)
    assert t.cached("GET", OK.url) is None and inner.calls == []
    t.request("GET", OK.url)
    assert t.cached("GET", OK.url).from_cache and t.cached("HEAD", OK.url).body == b""
    assert len(inner.calls) == 1


def test_a_get_answers_a_head_and_a_small_cap_does_not_answer_a_bigger_one(cache):
    inner = FakeTransport({OK.url: OK})
    t = CachingTransport(inner, cache)
    t.request("GET", OK.url, max_bytes=10)
    head = t.request("HEAD", OK.url)
    assert head.from_cache and head.body == b"" and head.status == 200
    t.request("GET", OK.url, max_bytes=5)
    assert len(inner.calls) == 1
    t.request("GET", OK.url, max_bytes=10_000)  # the cached body was truncated at 10 bytes
    assert len(inner.calls) == 2


def test_params_are_part_of_the_key(cache):
    inner = FakeTransport({OK.url: OK})
    t = CachingTransport(inner, cache)
    t.request("GET", OK.url, params={"q": "1"})
    t.request("GET", OK.url, params={"q": "2"})
    t.request("GET", OK.url, params={"q": "1"})
    assert len(inner.calls) == 2


def test_persisted_without_pickle_and_survives_reopen(tmp_path, clock):
    path = tmp_path / "http.sqlite3"
    c = HttpCache(path, clock=clock)
    CachingTransport(FakeTransport({OK.url: OK}), c).request("GET", OK.url)
    c.close()
    row = sqlite3.connect(path).execute("SELECT status, headers, redirects, body FROM responses").fetchone()
    assert row[0] == 200 and row[1] == '{"content-type": "text/html"}' and row[2] == '[[301, "https://a.example/y"]]'
    assert bytes(row[3]) == OK.body
    again = HttpCache(path, clock=clock)
    inner = FakeTransport({OK.url: OK})
    assert CachingTransport(inner, again).request("GET", OK.url).from_cache and inner.calls == []
    again.close()


def test_thread_safe_under_concurrent_use(cache):
    urls = [f"https://h{i % 5}.example/{i}" for i in range(200)]
    inner = FakeTransport({u: HttpResponse(url=u, status=200, body=u.encode()) for u in urls})
    t = CachingTransport(inner, cache)
    errors = []

    def work(chunk):
        try:
            for u in chunk:
                assert t.request("GET", u).body == u.encode()
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(urls[i::4] + urls,)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and len(cache) == 200
