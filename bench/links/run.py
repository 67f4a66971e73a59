"""Bench: citecheck's link checker and its peers against a local test web on 127.0.0.1.

Figures, not a test (not collected by pytest). Starts ``web.py`` in its own process, writes
the URL set as an HTML and a Markdown page, then runs each tool as a child process on the
same URLs and prints wall time, peak RSS (``os.wait4`` of the child) and classification
accuracy against the server's truth:

    python bench/links/run.py                     # citecheck cold + from cache + pause-host=always, 10,000-URL memory
    python bench/links/run.py --peers             # ... and LinkChecker, linkinator, markdown-link-check
    python bench/links/run.py --peers --peer-dir /tmp/peers   # where the peers are installed

Peers (not project dependencies): ``python -m venv /tmp/peers/lcvenv && /tmp/peers/lcvenv/bin/pip
install linkchecker`` and ``cd /tmp/peers && npm install linkinator markdown-link-check``.
Peers run with their defaults, plus the same per-request deadline (``--timeout``) where it
means one (LinkChecker, markdown-link-check; linkinator's counts time queued, see below) and
their switch for honouring 429 Retry-After (linkinator --retry, markdown-link-check
retryOn429). A tool still running after ``--peer-limit`` seconds is stopped and the URLs it
did not report count as wrong. Scoring maps each tool's output to citecheck's states; a tool
that cannot tell a timeout from another failure may call it an error, a 429'd page may be
reported alive or rate-limited; soft-404s and redirects must be called so.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from web import MIX, url_set  # noqa: E402

# states the server's truth accepts for a kind: a 429'd page that is there is "alive", but a
# tool that reports it "rate-limited" says nothing false either
# tool that cannot tell a timeout from another failure is not wrong to call it an error
# tool that follows redirects without saying so is not wrong to call the page alive
ACCEPT = {"rl": {"alive", "rate-limited"}, "slow": {"timeout", "error"}, "redir": {"redirected", "alive"}}


# -- the citecheck client (a child process) -----------------------------------------------

def client(args) -> None:
    from citecheck.links.checker import CheckOptions
    from citecheck.links.gate import HostGate
    from citecheck.links.policy import Retry
    from citecheck.links.runner import LinkCheckRunner
    from citecheck.links.transport import RequestsTransport
    from citecheck.store import CachingTransport, HttpCache

    urls = Path(args.client).read_text().split()
    cache = HttpCache(args.cache)
    inner = RequestsTransport(allow_private=True, connect_timeout=args.timeout, read_timeout=args.timeout,
                              total_timeout=args.timeout, retry=Retry(total=2, backoff_factor=0.2),
                              gate=HostGate(per_host=args.per_host, min_gap=0), pause_host=args.pause_host)
    runner = LinkCheckRunner(CachingTransport(inner, cache), concurrency=args.concurrency, options=CheckOptions())
    start = time.monotonic()
    report = runner.check_urls(urls)
    took = time.monotonic() - start
    cache.close()
    json.dump({"seconds": took, "states": {c.url: c.status.value for c in report.checks}}, sys.stdout)


# -- running and scoring a tool ---------------------------------------------------------------

def measure(cmd: list[str], limit: float, cwd: str | None = None) -> tuple[float, float, str, bool]:
    """(wall seconds, peak RSS MB, stdout, finished) of a child process."""
    out = tempfile.TemporaryFile()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=cwd, start_new_session=True)
    finished = True
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > limit:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            finished = False
            break
        time.sleep(0.02)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    return wall, usage.ru_maxrss / 1024, out.read().decode("utf-8", "replace"), finished


def score(truth: dict[str, str], states: dict[str, str]) -> tuple[float, dict]:
    wrong: dict[tuple[str, str], int] = {}
    right = 0
    for url, kind in truth.items():
        got = states.get(url, "missing")
        if got in ACCEPT.get(kind, {MIX[kind][1]}):
            right += 1
        else:
            wrong[(kind, got)] = wrong.get((kind, got), 0) + 1
    return 100 * right / len(truth), wrong


def reset(ports) -> None:
    urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}/__reset", timeout=5).read()


def row(label: str, wall: float, rss: float, acc: float | None, note: str = "") -> None:
    a = f"{acc:6.2f} %" if acc is not None else "    n/a"
    print(f"| {label:<34} | {wall:8.2f} s | {rss:6.0f} MB | {a} | {note}", flush=True)


# -- peers: command lines and output parsers --------------------------------------------------

def linkchecker(peer_dir: Path, html: Path, timeout: float) -> list[str]:
    return [str(peer_dir / "lcvenv/bin/linkchecker"), "--check-extern", "--no-status", "--verbose", "-r1",
            f"--timeout={max(1, round(timeout))}", "-o", "csv", str(html)]


def parse_linkchecker(out: str) -> dict[str, str]:
    import csv
    lines = [ln for ln in out.splitlines() if ln and not ln.startswith("#")]
    states = {}
    for rec in csv.DictReader(lines, delimiter=";"):
        url, result, info = rec.get("urlname", ""), rec.get("result", ""), rec.get("infostring", "") or ""
        code = result.split(" ", 1)[0]
        moved = (rec.get("url") or url) != url or "redirect" in info.lower()
        if code.isdigit():
            c = int(code)
            state = ("redirected" if moved else "alive") if c < 300 else \
                "dead" if c in (404, 410) else "rate-limited" if c == 429 else "error"
        else:
            state = "timeout" if "timeout" in result.lower() or "timed out" in result.lower() else "error"
        states[url] = state
    return states


def linkinator(peer_dir: Path, html: Path) -> list[str]:
    # no --timeout: linkinator's clock starts when a link is queued, not when it is sent, so with
    # 2,000 links any deadline near the others' fails most of them; --retry honours Retry-After
    return [str(peer_dir / "node_modules/.bin/linkinator"), str(html), "--format", "json", "--retry"]


def parse_linkinator(out: str) -> dict[str, str]:
    start = out.find("{")
    data = json.loads(out[start:]) if start >= 0 else {}
    states = {}
    for link in data.get("links", []):
        status, details = link.get("status") or 0, json.dumps(link.get("failureDetails", ""))
        if link.get("state") == "OK":
            state = "alive"
        elif status in (404, 410):
            state = "dead"
        elif status == 429:
            state = "rate-limited"
        elif status == 0 and ("timeout" in details.lower() or "abort" in details.lower()):
            state = "timeout"
        else:
            state = "error"
        states[link["url"]] = state
    return states


def mlc(peer_dir: Path, md: Path, timeout: float, config: Path) -> list[str]:
    config.write_text(json.dumps({"timeout": f"{timeout}s", "retryOn429": True, "retryCount": 2,
                                  "aliveStatusCodes": [200, 206]}))
    return [str(peer_dir / "node_modules/.bin/markdown-link-check"), "-c", str(config), str(md)]


def parse_mlc(out: str) -> dict[str, str]:
    states = {}
    for line in out.splitlines():
        line = line.strip()
        if not (line.startswith("[✓]") or line.startswith("[✖]")):
            continue
        parts = line.split()
        if len(parts) < 2 or not parts[1].startswith("http"):
            continue
        url = parts[1]
        code = line.rsplit("Status:", 1)[1].split()[0] if "Status:" in line else ""
        if line.startswith("[✓]"):
            state = "alive"
        elif code in ("404", "410"):
            state = "dead"
        elif code == "429":
            state = "rate-limited"
        elif "timed out" in line.lower() or "timeout" in line.lower():
            state = "timeout"
        else:
            state = "error"
        states[url] = state
    return states


# -- the driver -------------------------------------------------------------------------------

def physical_limits(truth: dict[str, str], args) -> tuple[float, float]:
    """(URLs x latency / allowed concurrency, the busiest host's unavoidable wire time / its slots).

    The second counts, per host, what any correct checker must wait for: one request per URL, a
    second hop for each redirect, a second ask for each 429, and for a slow page the whole
    deadline (it cannot be told from a page about to answer any sooner). Retries a tool chooses
    to make (of a 5xx, a reset, a timeout) are its own policy, not physics, and are not counted."""
    slots = min(args.concurrency, args.hosts * args.per_host)
    naive = len(truth) * args.latency / slots
    per_host: dict[str, float] = {}
    for url, kind in truth.items():
        cost = args.timeout if kind == "slow" else args.latency * (2 if kind in ("redir", "root", "rl") else 1)
        host = url.split("/")[2]
        per_host[host] = per_host.get(host, 0.0) + cost
    floor = max(max(per_host.values()) / args.per_host, sum(per_host.values()) / slots)
    return naive, floor


def start_web(hosts: int, latency: float):
    proc = subprocess.Popen([sys.executable, str(HERE / "web.py"), "--hosts", str(hosts), "--latency", str(latency)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc, json.loads(proc.stdout.readline())["ports"]


def run_citecheck(args, urls_file: Path, cache: Path, limit: float, pause_host: str = "repeated"):
    cmd = [sys.executable, str(Path(__file__).resolve()), "--client", str(urls_file), "--cache", str(cache),
           "--per-host", str(args.per_host), "--concurrency", str(args.concurrency), "--timeout", str(args.timeout),
           "--pause-host", pause_host]
    wall, rss, out, done = measure(cmd, limit)
    data = json.loads(out) if done and out.strip() else {"seconds": wall, "states": {}}
    return wall, rss, data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=2000)
    ap.add_argument("--hosts", type=int, default=8)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--per-host", type=int, default=4)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--timeout", type=float, default=1.0, help="every tool's per-request deadline (s)")
    ap.add_argument("--big", type=int, default=10000, help="URLs for the memory run (0: skip)")
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--peer-dir", type=Path, default=Path("/tmp/peers"))
    ap.add_argument("--peer-limit", type=float, default=150.0)
    ap.add_argument("--pause-host", default="repeated", choices=("repeated", "always", "never"),
                    help="when a Retry-After pauses the whole host (citecheck's pause-host setting)")
    ap.add_argument("--client")
    ap.add_argument("--cache")
    args = ap.parse_args()
    if args.client:
        return client(args)

    web, ports = start_web(args.hosts, args.latency)
    try:
        truth = url_set(ports, args.urls)
        naive, floor = physical_limits(truth, args)
        print(f"{args.urls} URLs on {args.hosts} hosts, {args.latency * 1000:.0f} ms latency, {args.per_host} requests"
              f" at once per host, deadline {args.timeout:g} s; mix: "
              + ", ".join(f"{k} {v[0]:.0%}" for k, v in MIX.items()))
        print(f"physical limit: URLs x latency / allowed concurrency = {naive:.2f} s; counting what any correct"
              f" checker must wait for (redirect hops, the second ask of each 429, the deadline a slow page"
              f" holds a slot for) on the busiest host: {floor:.2f} s; goal (1.5x): {1.5 * floor:.2f} s")
        print("| tool                               |   wall      | peak RSS | correct  |")
        print("|------------------------------------|-------------|----------|----------|")
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            tmp.chmod(0o755)  # LinkChecker run as root drops to "nobody", who must read the page
            urls_file = tmp / "urls.txt"
            urls_file.write_text("\n".join(truth))
            html = tmp / "links.html"
            html.write_text("<html><head><title>links</title></head><body><ul>\n" + "\n".join(
                f'<li><a href="{u}">ref {i}</a></li>' for i, u in enumerate(truth)) + "\n</ul></body></html>")
            md = tmp / "links.md"
            md.write_text("# links\n\n" + "\n".join(f"- [ref {i}]({u})" for i, u in enumerate(truth)) + "\n")
            cache = tmp / "http.sqlite3"

            reset(ports)
            wall, rss, cold = run_citecheck(args, urls_file, cache, 600)
            acc, wrong = score(truth, cold["states"])
            row("citecheck (cold)", wall, rss, acc, f"check {cold['seconds']:.2f} s")
            if wrong:
                print(f"  misclassified (kind, got): {wrong}", file=sys.stderr)
            wall2, rss2, warm = run_citecheck(args, urls_file, cache, 600)
            acc2, wrong2 = score(truth, warm["states"])
            row("citecheck (re-run from cache)", wall2, rss2, acc2,
                f"check {warm['seconds']:.3f} s: {cold['seconds'] / max(warm['seconds'], 1e-6):.0f}x faster"
                f" ({wall / wall2:.1f}x process to process)")
            if wrong2:
                print(f"  misclassified (kind, got): {wrong2}", file=sys.stderr)
            reset(ports)
            wall3, rss3, strict = run_citecheck(args, urls_file, tmp / "other.sqlite3", 600, pause_host="always")
            acc3, wrong3 = score(truth, strict["states"])
            row("citecheck (cold, pause-host=always)", wall3, rss3, acc3, f"check {strict['seconds']:.2f} s")
            if wrong3:
                print(f"  misclassified (kind, got): {wrong3}", file=sys.stderr)

            if args.peers:
                peers = [
                    ("LinkChecker", linkchecker(args.peer_dir, html, args.timeout), parse_linkchecker,
                     args.peer_dir / "lcvenv/bin/linkchecker"),
                    ("linkinator", linkinator(args.peer_dir, html), parse_linkinator,
                     args.peer_dir / "node_modules/.bin/linkinator"),
                    ("markdown-link-check", mlc(args.peer_dir, md, args.timeout, tmp / "mlc.json"), parse_mlc,
                     args.peer_dir / "node_modules/.bin/markdown-link-check"),
                ]
                for name, cmd, parse, exe in peers:
                    if not exe.exists():
                        print(f"| {name:<34} | not installed ({exe})")
                        continue
                    reset(ports)
                    wall, rss, out, done = measure(cmd, args.peer_limit, cwd=str(args.peer_dir))
                    states = {u: s for u, s in parse(out).items() if u in truth}
                    acc, wrong = score(truth, states)
                    note = "" if done else f"stopped after {args.peer_limit:.0f} s, {len(states)} URLs reported"
                    row(name, wall, rss, acc, note)
                    if wrong:
                        print(f"  {name} misclassified (kind, got): {wrong}", file=sys.stderr)
    finally:
        web.stdin.close()
        web.wait(timeout=10)

    if args.big:
        hosts = max(args.hosts, args.big // 250)  # the same load per host as above
        web, ports = start_web(hosts, args.latency)
        try:
            truth = url_set(ports, args.big)
            with tempfile.TemporaryDirectory() as tmp:
                urls_file = Path(tmp) / "urls.txt"
                urls_file.write_text("\n".join(truth))
                wall, rss, data = run_citecheck(args, urls_file, Path(tmp) / "http.sqlite3", 600)
                acc, _ = score(truth, data["states"])
                row(f"citecheck, {args.big} URLs on {hosts} hosts", wall, rss, acc)
        finally:
            web.stdin.close()
            web.wait(timeout=10)


if __name__ == "__main__":
    main()
