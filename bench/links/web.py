"""The bench's local test web: H "hosts" (one port each on 127.0.0.1), a fixed latency and a
mix of behaviours whose truth is known. Run as its own process (so it does not share a GIL
with the tool being measured): ``python bench/links/web.py --hosts 8 --latency 0.05`` prints
one JSON line ``{"ports": [...]}`` and serves until stdin closes.

Paths: /ok/N page; /redir/N 301 -> /ok/N; /root/N 301 -> / (a soft-404); /gone/N 404;
/g410/N 410; /err/N 500; /rl/N 429 with Retry-After: 1 the first time, then the page;
/soft/a/N 200 "we could not locate that item" for any N (a soft-404); /slow/N answers after
SLOW seconds; /reset/N resets the connection. Only digit ids exist under /ok/ and /rl/ (a
made-up sibling answers 404, as on an honest site). GET /__reset forgets which /rl/ URLs
were already limited, so every tool sees the same first 429s; /robots.txt is 404.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# kind -> (share of the URLs, the state a correct checker reports)
MIX = {"ok": (0.66, "alive"), "redir": (0.08, "redirected"), "gone": (0.06, "dead"), "g410": (0.03, "dead"),
       "err": (0.03, "error"), "rl": (0.05, "alive"), "soft": (0.03, "soft-404"), "root": (0.02, "soft-404"),
       "slow": (0.02, "timeout"), "reset": (0.02, "error")}
SLOW = 3.0
BOILERPLATE = "".join(f'<li><a href="/section/{i}">Section {i} of the site navigation</a></li>' for i in range(60))


def url_set(ports: list[int], count: int, seed: int = 7) -> dict[str, str]:
    """url -> kind, deterministic for (ports, count, seed)."""
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=[m[0] for m in MIX.values()], k=count)
    return {f"http://127.0.0.1:{ports[i % len(ports)]}/{kind}/{'a/' if kind == 'soft' else ''}{i}": kind
            for i, kind in enumerate(kinds)}


def page(title: str, text: str) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:title' content='{title}'></head><body><nav><ul>{BOILERPLATE}</ul></nav>"
            f"<main><h1>{title}</h1><p>{text}</p></main><footer>(c) the bench web</footer></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    latency = 0.05
    limited: set[str] = set()
    lock = threading.Lock()

    def log_message(self, *a):
        pass

    def setup(self):
        super().setup()
        # headers and body go out as separate writes: without TCP_NODELAY, Nagle and the
        # client's delayed ACK add ~40 ms to every answer (a real server's latency is --latency)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def document(self, n: str):
        words = " ".join(f"{w}{n}" for w in ("finding", "method", "result", "table", "figure", "note") * 8)
        return self.reply(200, page(f"Document {n} on {self.server.server_port}", f"Paper {n}: {words}"))

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/__reset":
            with self.lock:
                self.limited.clear()
            return self.reply(200, b"reset")
        time.sleep(self.latency)
        parts = path.strip("/").split("/")
        kind, n = parts[0], parts[-1]
        if path == "/robots.txt":
            return self.reply(404, page("Not Found", "no robots.txt"))
        if kind in ("ok", "rl", "redir", "root", "gone", "g410", "err", "slow", "reset") and not n.isdigit():
            return self.reply(404, page("Not Found", f"There is no {path} here."))
        if kind == "ok":
            return self.document(n)
        if kind == "rl":
            with self.lock:
                first = path not in self.limited
                self.limited.add(path)
            return self.reply(429, b"", {"Retry-After": "1"}) if first else self.document(n)
        if kind == "redir":
            return self.reply(301, headers={"Location": f"/ok/{n}"})
        if kind == "root":
            return self.reply(301, headers={"Location": "/"})
        if kind == "gone":
            return self.reply(404, page("Not Found", "nope"))
        if kind == "g410":
            return self.reply(410)
        if kind == "err":
            return self.reply(500, b"oops")
        if kind == "slow":
            time.sleep(SLOW)
            return self.document(n)
        if kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return None
        if kind in ("", "index.html"):
            return self.reply(200, page("Home", "Welcome to the bench web."))
        # soft/...: the site's "not here" page, with status 200
        return self.reply(200, page("Our catalogue", "We could not locate that item. Try the search."))

    do_HEAD = do_GET


def serve(hosts: int, latency: float) -> list[ThreadingHTTPServer]:
    Handler.latency = latency
    servers = []
    for _ in range(hosts):
        s = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        s.daemon_threads = True
        s.request_queue_size = 256
        threading.Thread(target=s.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(s)
    return servers


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=8)
    ap.add_argument("--latency", type=float, default=0.05)
    args = ap.parse_args()
    servers = serve(args.hosts, args.latency)
    print(json.dumps({"ports": [s.server_port for s in servers]}), flush=True)
    sys.stdin.read()  # serve until the driver closes our stdin


if __name__ == "__main__":
    main()
