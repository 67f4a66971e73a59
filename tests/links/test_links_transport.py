"""RequestsTransport against local servers (real sockets) and under `responses`."""
from __future__ import annotations

import gzip
import socket
import struct
import time

import pytest
import requests
import responses
import urllib3.exceptions as u3

from citecheck.links.gate import HostGate
from citecheck.links.http import NetError
from citecheck.links.policy import Retry
from citecheck.links.transport import RequestsTransport, classify_exception


def public(host):
    return ["93.184.216.34"]


def mocked(**kw):
    kw.setdefault("resolver", public)
    kw.setdefault("gate", HostGate(min_gap=0))
    kw.setdefault("retry", Retry.never())
    return RequestsTransport(**kw)


# -- local servers ------------------------------------------------------------------------

def test_plain_get_reads_body_and_lowercases_headers(web, local_transport):
    web.routes["/ok"] = lambda h: web.send(h, 200, web.page("Hello"), {"X-Thing": "1"})
    r = local_transport.request("GET", web.url("/ok"))
    assert r.ok and r.status == 200 and b"<title>Hello</title>" in r.body
    assert r.header("x-thing") == "1" and r.final_url == web.url("/ok") and not r.truncated


def test_trickling_body_hits_the_total_deadline(web, local_transport):
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        try:
            for _ in range(100):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
    web.routes["/trickle"] = trickle
    t = RequestsTransport(connect_timeout=1, read_timeout=1, total_timeout=0.6, allow_private=True,
                          retry=Retry.never(), gate=HostGate(min_gap=0))
    start = time.monotonic()
    r = t.request("GET", web.url("/trickle"))
    assert time.monotonic() - start < 2.0
    assert r.error is NetError.TIMEOUT and "deadline" in r.detail


def test_trickling_headers_hit_the_total_deadline(web):
    def slow_headers(h):
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        try:
            for i in range(50):
                h.wfile.write(f"X-Slow-{i}: 1\r\n".encode())
                h.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
    web.routes["/slowhead"] = slow_headers
    t = RequestsTransport(read_timeout=1, total_timeout=0.6, allow_private=True, retry=Retry.never(),
                          gate=HostGate(min_gap=0))
    start = time.monotonic()
    r = t.request("GET", web.url("/slowhead"))
    assert time.monotonic() - start < 2.0
    assert r.error is NetError.TIMEOUT


def test_gzip_bomb_is_capped_after_decompression(web, local_transport):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    web.routes["/bomb"] = lambda h: web.send(h, 200, bomb, {"Content-Encoding": "gzip"})
    r = local_transport.request("GET", web.url("/bomb"), max_bytes=100_000)
    assert r.status == 200 and r.truncated and len(r.body) == 100_000 and set(r.body) == {0}


def test_gzip_body_is_decoded(web, local_transport):
    web.routes["/gz"] = lambda h: web.send(h, 200, gzip.compress(web.page("Zipped")), {"Content-Encoding": "gzip"})
    r = local_transport.request("GET", web.url("/gz"))
    assert b"<title>Zipped</title>" in r.body and not r.truncated


def test_large_body_stops_at_max_bytes(web, local_transport):
    web.routes["/big"] = lambda h: web.send(h, 200, b"a" * 1_000_000, {"Content-Type": "application/pdf"})
    r = local_transport.request("GET", web.url("/big"), max_bytes=1000)
    assert len(r.body) == 1000 and r.truncated


def test_redirect_loop_is_detected(web, local_transport):
    web.routes["/a"] = lambda h: web.send(h, 302, headers={"Location": "/b"})
    web.routes["/b"] = lambda h: web.send(h, 302, headers={"Location": "/a"})
    r = local_transport.request("GET", web.url("/a"))
    assert r.error is NetError.TOO_MANY_REDIRECTS and "loop" in r.detail
    assert [hop.url for hop in r.redirects] == [web.url("/b"), web.url("/a")]
    assert web.count("GET", "/a") == 1  # never re-fetched


def test_redirect_chain_is_kept_and_limited(web, local_transport):
    for i in range(15):
        web.routes[f"/r{i}"] = (lambda n: lambda h: web.send(h, 301, headers={"Location": f"/r{n + 1}"}))(i)
    web.routes["/r3"] = lambda h: web.send(h, 200, web.page("Landed"))
    r = local_transport.request("GET", web.url("/r0"))
    assert r.status == 200 and r.final_url == web.url("/r3")
    assert [(hop.status, hop.url) for hop in r.redirects] == [(301, web.url(f"/r{i}")) for i in (1, 2, 3)]
    web.routes.pop("/r3")
    web.routes["/r3"] = lambda h: web.send(h, 301, headers={"Location": "/r4"})
    t = RequestsTransport(max_redirects=10, allow_private=True, retry=Retry.never(), gate=HostGate(min_gap=0))
    r = t.request("GET", web.url("/r0"))
    assert r.error is NetError.TOO_MANY_REDIRECTS and len(r.redirects) == 11


def test_connection_reset(web, local_transport):
    def reset(h):
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True
    web.routes["/reset"] = reset
    r = local_transport.request("GET", web.url("/reset"))
    assert r.error is NetError.RESET and r.status is None


def test_429_retry_after_is_waited_for_then_succeeds(web, local_transport, sleeps):
    calls = []
    def limited(h):
        calls.append(1)
        if len(calls) == 1:
            web.send(h, 429, b"slow down", {"Retry-After": "3"})
        else:
            web.send(h, 200, web.page("Now"))
    web.routes["/limited"] = limited
    r = local_transport.request("GET", web.url("/limited"))
    assert r.status == 200 and sleeps == [3.0] and len(calls) == 2


def test_503_backs_off_exponentially_then_gives_up(web, local_transport, sleeps):
    web.routes["/down"] = lambda h: web.send(h, 503, b"down")
    r = local_transport.request("GET", web.url("/down"))
    assert r.status == 503 and sleeps == [0.1, 0.2] and web.count("GET", "/down") == 3


def test_retry_after_beyond_the_cap_is_not_waited(web, local_transport, sleeps):
    web.routes["/later"] = lambda h: web.send(h, 429, b"", {"Retry-After": "86400"})
    r = local_transport.request("GET", web.url("/later"))
    assert r.status == 429 and sleeps == [] and web.count("GET", "/later") == 1


def test_private_address_refused_by_default_and_allowed_on_request(web):
    web.routes["/ok"] = lambda h: web.send(h, 200, web.page("Hi"))
    r = RequestsTransport(retry=Retry.never()).request("GET", web.url("/ok"))
    assert r.error is NetError.PRIVATE_ADDRESS and web.hits == []
    r = RequestsTransport(retry=Retry.never(), allow_private=True).request("GET", web.url("/ok"))
    assert r.status == 200


def test_redirect_to_private_address_is_refused_at_the_hop(web):
    web.routes["/go"] = lambda h: web.send(h, 302, headers={"Location": "http://10.1.2.3/admin"})
    # the first hop is allowed by a resolver that calls the public name public; the hop is not
    t = RequestsTransport(retry=Retry.never(), resolver=lambda host: ["93.184.216.34"], gate=HostGate(min_gap=0))
    with responses.RequestsMock() as mock:
        mock.get("http://public.example/go", status=302, headers={"Location": "http://10.1.2.3/admin"})
        r = t.request("GET", "http://public.example/go")
    assert r.error is NetError.PRIVATE_ADDRESS and r.redirects[0].url == "http://10.1.2.3/admin"


def test_head_is_sent_as_head(web, local_transport):
    web.routes["/h"] = lambda h: web.send(h, 200, web.page("Head"))
    r = local_transport.request("HEAD", web.url("/h"))
    assert r.status == 200 and r.body == b"" and web.hits == [("HEAD", "/h")]


def test_connection_refused(local_transport):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = local_transport.request("GET", f"http://127.0.0.1:{port}/")
    assert r.error is NetError.REFUSED


# -- responses ------------------------------------------------------------------------------

@responses.activate
def test_dns_failure_from_requests_maps_to_dns():
    url = "https://no-such-host.invalid/page"
    conn = None
    reason = u3.NameResolutionError("no-such-host.invalid", conn, socket.gaierror(-2, "Name or service not known"))
    responses.get(url, body=requests.exceptions.ConnectionError(u3.MaxRetryError(None, url, reason)))
    r = mocked(allow_private=True).request("GET", url)
    assert r.error is NetError.DNS and "NameResolutionError" in r.detail


@responses.activate
def test_a_host_whose_name_did_not_resolve_is_not_asked_again_in_the_run():
    url = "https://no-such-host.invalid/"
    reason = u3.NameResolutionError("no-such-host.invalid", None, socket.gaierror(-2, "Name or service not known"))
    responses.get(url + "a", body=requests.exceptions.ConnectionError(u3.MaxRetryError(None, url, reason)))
    transport = mocked(allow_private=True)
    first = transport.request("GET", url + "a")
    second = transport.request("GET", url + "b")
    assert first.error is second.error is NetError.DNS
    assert "not asked again" in second.detail
    assert len(responses.calls) == 1


def test_dns_failure_from_the_resolver_sends_nothing():
    def fail(host):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    with responses.RequestsMock() as mock:
        r = mocked(resolver=fail).request("GET", "https://gone.example/")
        assert len(mock.calls) == 0
    assert r.error is NetError.DNS and "gone.example" in r.detail


@responses.activate
def test_scheme_is_checked_at_every_hop():
    responses.get("https://example.org/x", status=302, headers={"Location": "ftp://example.org/file"})
    r = mocked().request("GET", "https://example.org/x")
    assert r.error is NetError.BAD_URL and "ftp" in r.detail


@responses.activate
def test_params_are_encoded_and_user_agent_sent():
    responses.get("https://api.example.org/works", json={"ok": True})
    r = mocked(user_agent="tester/1").request("GET", "https://api.example.org/works", params={"q": "a b"})
    assert r.status == 200 and r.url == "https://api.example.org/works?q=a+b"
    assert responses.calls[0].request.headers["User-Agent"] == "tester/1"


@responses.activate
def test_authorization_is_dropped_on_cross_host_redirect():
    responses.get("https://a.example/x", status=301, headers={"Location": "https://b.example/y"})
    responses.get("https://b.example/y", body="ok")
    r = mocked().request("GET", "https://a.example/x", headers={"Authorization": "Bearer s"})
    assert r.status == 200
    assert "Authorization" in responses.calls[0].request.headers
    assert "Authorization" not in responses.calls[1].request.headers


@pytest.mark.parametrize("exc, error", [
    (requests.exceptions.SSLError("certificate verify failed"), NetError.TLS),
    (requests.exceptions.ConnectTimeout("connect timed out"), NetError.TIMEOUT),
    (requests.exceptions.ReadTimeout("read timed out"), NetError.TIMEOUT),
    (requests.exceptions.ConnectionError(ConnectionResetError(104, "reset")), NetError.RESET),
    (requests.exceptions.ConnectionError(ConnectionRefusedError(111, "refused")), NetError.REFUSED),
    (requests.exceptions.ConnectionError(OSError(101, "Network is unreachable")), NetError.OFFLINE),
    (requests.exceptions.ConnectionError("something else"), NetError.OTHER),
])
def test_exceptions_map_to_net_errors_by_type(exc, error):
    if isinstance(exc.args[0], OSError) and exc.args[0].errno is None:
        pytest.fail("fixture must carry an errno")
    assert classify_exception(exc)[0] is error


def test_exception_mapping_survives_urllib3_wrapping():
    inner = u3.NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")
    inner.__cause__ = ConnectionRefusedError(111, "Connection refused")
    exc = requests.exceptions.ConnectionError(u3.MaxRetryError(None, "http://x/", inner))
    assert classify_exception(exc)[0] is NetError.REFUSED  # not TIMEOUT, though NewConnectionError subclasses ConnectTimeoutError


@responses.activate
def test_timeouts_are_retried_then_reported(sleeps):
    responses.get("https://slow.example/", body=requests.exceptions.ReadTimeout("read timed out"))
    t = mocked(retry=Retry(total=1, backoff_factor=0.5), sleep=sleeps.append)
    r = t.request("GET", "https://slow.example/")
    assert r.error is NetError.TIMEOUT and sleeps == [0.5] and len(responses.calls) == 2


@responses.activate
def test_proxy_env_skips_own_resolution(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    def must_not_resolve(host):
        raise AssertionError("resolved although a proxy is set")
    responses.get("https://behind.example/", body="ok")
    r = mocked(resolver=must_not_resolve).request("GET", "https://behind.example/")
    assert r.status == 200
    assert responses.calls[0].request.req_kwargs["proxies"].get("https") == "http://proxy.internal:3128"


@responses.activate
def test_no_proxy_host_is_resolved_and_checked(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.setenv("NO_PROXY", "intranet.example")
    r = mocked(resolver=lambda host: ["192.168.1.5"]).request("GET", "https://intranet.example/")
    assert r.error is NetError.PRIVATE_ADDRESS


@responses.activate
def test_ca_bundle_environment_is_honoured(monkeypatch, tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("x")
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    responses.get("https://secure.example/", body="ok")
    mocked().request("GET", "https://secure.example/")
    assert responses.calls[0].request.req_kwargs["verify"] == str(bundle)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "other.pem"))
    mocked(session=requests.Session()).request("GET", "https://secure.example/")
    assert responses.calls[1].request.req_kwargs["verify"] == str(tmp_path / "other.pem")


def test_a_429_pauses_the_host_when_asked_even_when_not_retried(web, clock):
    web.routes["/limited"] = lambda h: web.send(h, 429, b"", {"Retry-After": "3"})
    def make(**kw):
        gate = HostGate(per_host=2, min_gap=0, clock=clock, sleep=clock.sleep)
        return RequestsTransport(allow_private=True, retry=Retry.never(), gate=gate, clock=clock,
                                 sleep=clock.sleep, **kw)
    strict = make(pause_host="always")
    assert strict.request("GET", web.url("/limited")).status == 429
    assert strict.gate.ready_in(f"127.0.0.1:{web.port}") == 3.0
    per_url = make(pause_host=False)
    per_url.request("GET", web.url("/limited"))
    per_url.request("GET", web.url("/limited"))
    assert per_url.gate.ready_in(f"127.0.0.1:{web.port}") == 0.0


def test_by_default_only_a_repeated_429_pauses_the_host(web, clock):
    """One busy page delays only itself; two 429s in a row mean a host-wide limit."""
    web.routes["/busy"] = lambda h: web.send(h, 429, b"", {"Retry-After": "3"})
    web.routes["/fine"] = lambda h: web.send(h, 200, b"ok")
    gate = HostGate(per_host=2, min_gap=0, clock=clock, sleep=clock.sleep)
    t = RequestsTransport(allow_private=True, retry=Retry.never(), gate=gate, clock=clock, sleep=clock.sleep)
    host = f"127.0.0.1:{web.port}"
    t.request("GET", web.url("/busy"))
    assert gate.ready_in(host) == 0.0
    t.request("GET", web.url("/fine"))  # an answer in between: the count starts again
    t.request("GET", web.url("/busy"))
    assert gate.ready_in(host) == 0.0
    t.request("GET", web.url("/busy"))
    assert gate.ready_in(host) == 3.0


def test_an_unknown_pause_mode_is_refused():
    with pytest.raises(ValueError):
        RequestsTransport(pause_host="sometimes")


def test_with_retry_shares_everything_but_the_policy(web, local_transport):
    twin = local_transport.with_retry(Retry.never())
    assert twin.retry == Retry.never() and local_transport.retry != twin.retry
    assert twin.gate is local_transport.gate and twin.session is local_transport.session
    web.routes["/down"] = lambda h: web.send(h, 503, b"down")
    twin.request("GET", web.url("/down"))
    assert web.count("GET", "/down") == 1  # no retry


def test_a_form_body_is_posted():
    with responses.RequestsMock() as mock:
        mock.post("https://api.example/save", json={"ok": 1},
                  match=[responses.matchers.urlencoded_params_matcher({"url": "https://x.org/"})])
        r = mocked().request("POST", "https://api.example/save", data={"url": "https://x.org/"})
    assert r.status == 200
