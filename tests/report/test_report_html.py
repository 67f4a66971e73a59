"""The HTML report: escaping and self-containment offline, then rendering in a real headless
Chromium driven over the DevTools protocol (``--remote-debugging-pipe``: no port, no network).

The browser tests are skipped only when chromium is absent and CI is unset; under CI
(``CI`` set) a missing chromium fails. Install: ``apt-get install -y chromium``.
"""
from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from citecheck.model import LinkCheck, LinkStatus
from citecheck.report import render_html
from citecheck.report.html import NO_LINKS, diff_html, link_chart, safe_href

THRESHOLD = 0.8
SCRIPT_TITLE_RAW = '<script>alert("x")</script>'
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--window-size=1200,1600",
]


# --- offline checks ---------------------------------------------------------------------------

class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def test_untrusted_text_is_escaped(sample):
    page = render_html(sample, THRESHOLD)
    assert SCRIPT_TITLE_RAW not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert not [t for t, _ in tags(page) if t == "script"]
    hrefs = [a.get("href") for t, a in tags(page) if t == "a"]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    assert "javascript:alert(1)" in page  # shown as text, never as a link
    assert safe_href("javascript:alert(1)") is None and safe_href("data:text/html,x") is None


def test_page_is_self_contained(sample, example):
    for page in (render_html(sample, THRESHOLD), render_html(example, THRESHOLD)):
        found = tags(page)
        assert not [t for t, _ in found if t in ("script", "link", "img", "iframe", "object", "embed")]
        assert not [a for _, a in found if "src" in a]
        assert "url(" not in page and "@import" not in page
        assert "default-src 'none'" in page  # the CSP forbids remote loads


def test_summary_and_every_reference(sample, example):
    for result in (sample, example):
        page = render_html(result, THRESHOLD)
        for ref in result.references:
            assert f'id="ref-{ref.key}"' in page
        assert f'<span class="n">{len(result.references)}</span>references' in page


def test_chart_counts_link_states(sample):
    chart = link_chart(sample.links)
    assert re.findall(r'data-state="([^"]+)"', chart) == ["alive", "dead", "timeout"]
    assert 'aria-label="link states: 1 alive, 1 dead, 1 timeout"' in chart
    many = link_chart([LinkCheck(f"https://e.org/{i}", LinkStatus.DEAD) for i in range(3)]
                      + [LinkCheck("https://e.org/x", LinkStatus.ALIVE)])
    widths = dict(re.findall(r'data-state="(\w+)".*?width="(\d+)"', many))
    assert widths == {"alive": "147", "dead": "440"}  # bars to scale: 3 dead, 1 alive


def test_chart_without_links_says_offline(example):
    assert not example.links
    page = render_html(example, THRESHOLD)
    assert 'id="link-chart"' in page and NO_LINKS in page


def test_archive_links_are_shown(sample):
    page = render_html(sample, THRESHOLD)
    assert 'href="https://web.archive.org/web/20190614191603/https://example.org/dead"' in page
    assert 'href="https://web.archive.org/web/20200101000000/https://example.org/dead"' in page
    assert "wayback 2020-01-01" in page and "dead HTTP 404" in page


def test_fixes_are_shown_as_a_diff(sample):
    page = render_html(sample, THRESHOLD)
    old, new = diff_html("Zuagg, 2019", "Zaugg, 2019")
    assert old.replace("<del>", "").replace("</del>", "") == "Zuagg, 2019"
    assert new.replace("<ins>", "").replace("</ins>", "") == "Zaugg, 2019"
    assert f'<div class="before">- {old}</div><div class="after">+ {new}</div>' in page
    assert "will apply with --fix" in page and "for review, not applied" in page
    ref_old, ref_new = diff_html("<b>", "<i>")
    assert ref_old == "&lt;<del>b</del>&gt;" and ref_new == "&lt;<ins>i</ins>&gt;"


# --- the browser ------------------------------------------------------------------------------

class Browser:
    """Headless Chromium over the DevTools protocol on a pipe (fd 3 in, fd 4 out, NUL-framed JSON)."""

    def __init__(self, profile: Path) -> None:
        to_chrome_r, self._write = os.pipe()
        self._read, from_chrome_w = os.pipe()

        def wire_fds() -> None:
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, pass_fds=(3, 4),  # kept open after wire_fds put the pipes there
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._next(deadline)
            if reply.get("id") == self._id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._next(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _next(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._read], [], [], max(left, 0))
            assert ready, "chromium did not answer in time"
            chunk = os.read(self._read, 1 << 16)
            assert chunk, "chromium closed the DevTools pipe"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self) -> None:
        try:
            os.write(self._write, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
        except OSError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._write)
        os.close(self._read)


PROBE = """JSON.stringify({
  title: document.title,
  chart: (() => { const c = document.getElementById('link-chart');
                  if (!c) return null; const r = c.getBoundingClientRect();
                  return {width: r.width, height: r.height, text: c.textContent,
                          bars: c.querySelectorAll('rect').length}; })(),
  scripts: document.querySelectorAll('script').length,
  references: document.querySelectorAll('article.ref').length,
  bodyText: document.body.innerText,
  ins: document.querySelectorAll('.diff ins').length,
})"""


def open_page(tmp_path: Path, page: str, name: str) -> dict:
    """Load ``page`` from a file in Chromium; its DOM facts, console errors and a screenshot path."""
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    browser = Browser(tmp_path / f"profile-{name}")
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1200, "height": 1600, "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.send("Page.navigate", {"url": path.as_uri()}, session=session)
        browser.wait_for("Page.loadEventFired")
        facts = json.loads(browser.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                                        session=session)["result"]["value"])
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
        png = tmp_path / f"{name}.png"
        png.write_bytes(base64.b64decode(shot["data"]))
        time.sleep(0.2)  # let late console messages arrive
        browser.send("Runtime.evaluate", {"expression": "1"}, session=session)
        facts["errors"] = console_errors(browser.events)
        facts["screenshot"] = png
        return facts
    finally:
        browser.close()


def console_errors(events: list[dict]) -> list[str]:
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", ""))
    return errors


@pytest.fixture
def chromium():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it with: apt-get install -y chromium")
        pytest.skip("chromium is not installed (apt-get install -y chromium); required under CI")
    return CHROMIUM


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, "screenshot missing or blank"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)


def test_example_report_renders_in_chromium(chromium, example, tmp_path):
    facts = open_page(tmp_path, render_html(example, THRESHOLD), "example")
    assert facts["errors"] == []
    assert facts["title"] == "citecheck report: examples/eir/essay.md"
    assert facts["chart"] is not None and facts["chart"]["width"] > 100 and facts["chart"]["height"] > 20
    assert NO_LINKS in facts["chart"]["text"]
    assert facts["references"] == len(example.references) + 1  # + the citations that match no entry
    assert facts["ins"] >= 3
    assert_png(facts["screenshot"])


def test_hostile_sample_renders_as_text_in_chromium(chromium, sample, tmp_path):
    facts = open_page(tmp_path, render_html(sample, THRESHOLD), "sample")
    assert facts["errors"] == []
    assert facts["scripts"] == 0
    assert SCRIPT_TITLE_RAW in facts["bodyText"]  # shown literally, not run
    assert facts["chart"]["bars"] == 3
    assert_png(facts["screenshot"])


def test_console_errors_are_caught(chromium, tmp_path):
    """The harness itself can fail: a page that logs an error and throws is reported."""
    page = ("<!DOCTYPE html><html><head><title>bad</title></head><body><svg id='link-chart'></svg>"
            "<script>console.error('boom'); undefinedFunction();</script></body></html>")
    facts = open_page(tmp_path, page, "bad")
    assert any("boom" in e for e in facts["errors"])
    assert any("undefinedFunction" in e or "Uncaught" in e for e in facts["errors"])


def test_blocked_remote_load_is_an_error(chromium, sample, tmp_path):
    """If the page ever tried to load something (here an injected image), the CSP blocks it and it shows."""
    page = render_html(sample, THRESHOLD).replace("</body>", '<img src="https://example.org/x.png"></body>')
    facts = open_page(tmp_path, page, "remote")
    assert facts["errors"], "a blocked remote load must be reported as a console error"
