"""Bench: citecheck's link checker against a local test web on 127.0.0.1 (figures, not a test).

Serves N URLs over H "hosts" (one port each on 127.0.0.1, so each is its own host to the
per-host gate) with a fixed latency and a mix of behaviours whose truth the server knows,
then prints wall time, peak RSS and classification accuracy for a cold run and a re-run
from the SQLite cache.  Usage: python bench/links/run.py [--urls 2000] [--hosts 8] [--latency 0.05]
"""
from __future__ import annotations

import argparse
import random
import resource
import socket
import struct
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from citecheck.links.checker import CheckOptions
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.transport import RequestsTransport
from citecheck.store import CachingTransport, HttpCache

# kind -> (share, expected state)
MIX = {"ok": (0.62, "alive"), "redir": (0.08, "redirected"), "gone": (0.06, "dead"), "g410": (0.03, "dead"),
       "err": (0.03, "error"), "rl": (0.05, "alive"), "soft": (0.05, "soft-404"), "slow": (0.02, "timeout"),
       "reset": (0.02, "error"), "root": (0.04, "soft-404")}
LATENCY = 0.05


def page(title: str, text: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    limited: set[str] = set()
    lock = threading.Lock()

    def log_message(self, *a):
        pass

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        time.sleep(LATENCY)
        parts = self.path.strip("/").split("/")
        kind = parts[0] if parts else ""
        n = parts[-1]
        if kind == "ok" or (kind == "rl" and self.path in self.limited):
            return self.reply(200, page(f"Document {n} on {self.server.server_port}", f"unique text {n} " * 30))
        if kind == "rl":
            with self.lock:
                self.limited.add(self.path)
            return self.reply(429, b"", {"Retry-After": "1"})
        if kind == "redir":
            return self.reply(301, headers={"Location": f"/ok/{n}"})
        if kind == "root" and len(parts) > 1:
            return self.reply(301, headers={"Location": "/"})
        if kind == "gone":
            return self.reply(404, page("Not Found", "nope"))
        if kind == "g410":
            return self.reply(410)
        if kind == "err":
            return self.reply(500, b"oops")
        if kind == "slow":
            time.sleep(3)
            return self.reply(200, page("Slow", "x"))
        if kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return None
        if kind == "" or kind == "index.html":
            return self.reply(200, page("Home", "welcome"))
        # everything else (soft/...): the site's "not here" page, with status 200
        return self.reply(200, page("Our catalogue", "We could not locate that item. Try the search."))

    do_HEAD = do_GET


def serve(hosts: int) -> list[ThreadingHTTPServer]:
    servers = []
    for _ in range(hosts):
        s = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        s.daemon_threads = True
        s.request_queue_size = 128
        threading.Thread(target=s.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(s)
    return servers


def url_set(servers, count: int, rng: random.Random) -> dict[str, str]:
    kinds = rng.choices(list(MIX), weights=[m[0] for m in MIX.values()], k=count)
    truth = {}
    for i, kind in enumerate(kinds):
        port = servers[i % len(servers)].server_port
        truth[f"http://127.0.0.1:{port}/{kind}/{'a/' if kind == 'soft' else ''}{i}"] = MIX[kind][1]
    return truth


def run(label: str, transport, truth: dict[str, str], concurrency: int) -> None:
    start = time.monotonic()
    report = LinkCheckRunner(transport, concurrency=concurrency, options=CheckOptions()).check_urls(list(truth))
    wall = time.monotonic() - start
    right = sum(1 for c in report.checks if c.status.value == truth[c.url])
    wrong: dict[tuple[str, str], int] = {}
    for c in report.checks:
        if c.status.value != truth[c.url]:
            wrong[(truth[c.url], c.status.value)] = wrong.get((truth[c.url], c.status.value), 0) + 1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {label:<22} | {wall:7.2f} s | {rss:6.0f} MB | {100 * right / len(truth):6.2f} % |")
    if wrong:
        print(f"  misclassified (truth -> got: n): {wrong}", file=sys.stderr)


def main() -> None:
    global LATENCY
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=2000)
    ap.add_argument("--hosts", type=int, default=8)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--per-host", type=int, default=4)
    ap.add_argument("--concurrency", type=int, default=32)
    args = ap.parse_args()
    LATENCY = args.latency
    servers = serve(args.hosts)
    truth = url_set(servers, args.urls, random.Random(7))
    with tempfile.TemporaryDirectory() as tmp:
        cache = HttpCache(Path(tmp) / "http.sqlite3")

        def transport():
            inner = RequestsTransport(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=1.5,
                                      retry=Retry(total=2, backoff_factor=0.2),
                                      gate=HostGate(per_host=args.per_host, min_gap=0))
            return CachingTransport(inner, cache)

        limit = args.urls * args.latency / (args.hosts * args.per_host)
        print(f"{args.urls} URLs, {args.hosts} hosts, {args.latency * 1000:.0f} ms latency, "
              f"{args.per_host}/host; physical limit (one request per URL) ~ {limit:.1f} s")
        print("| run                    |   wall    |  peak RSS |  correct |")
        run("citecheck (cold)", transport(), truth, args.concurrency)
        run("citecheck (from cache)", transport(), truth, args.concurrency)
        cache.close()


if __name__ == "__main__":
    main()
