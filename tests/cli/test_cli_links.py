"""`citecheck links --history` and `citecheck history` end to end: a scripted sequence of runs over
a local web server on 127.0.0.1 whose pages die and recover between runs, on simulated days.

The clock: CITECHECK_NOW (read only by cli/clock.py) sets each run's date, so the CliRunner goes
through the real argument parsing and exit codes. The archives: ``responses`` answers for the
Wayback Machine and Memento (nothing leaves the machine) and passes 127.0.0.1 through to the server.
"""
from __future__ import annotations

import json
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import responses
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.store.history import HistoryStore

ROOT = Path(__file__).resolve().parents[2]
CDX = re.compile(r"https://web\.archive\.org/cdx/search/cdx.*")
AVAILABLE = re.compile(r"https://archive\.org/wayback/available.*")
MEMENTO = re.compile(r"http://timetravel\.mementoweb\.org/.*")
CDX_HEAD = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


class Site:
    """Pages on 127.0.0.1 whose answers the test changes between runs: path -> status."""

    def __init__(self) -> None:
        self.status: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                code = site.status.get(path, 404)
                body = (f"<html><head><title>Page {path}</title></head><body><h1>Page {path}</h1>"
                        f"<p>{'Some real content here. ' * 20}</p></body></html>").encode()
                self.send_response(code)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_HEAD = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def bib(site, tmp_path) -> Path:
    path = tmp_path / "refs.bib"
    entries = [("stable", "Stable page"), ("flaky", "Flaky page"), ("dying", "Dying page"), ("wall", "Walled page")]
    path.write_text("".join(
        f"@misc{{{key}2020, author = {{Author, Ann}}, title = {{{title}}}, year = {{2020}}, "
        f"url = {{{site.url('/' + key)}}}}}\n" for key, title in entries), encoding="utf-8")
    return path


def run(args: list[str], day: str, archived: dict[str, str] | None = None):
    """One CLI run on ``day`` with the archives mocked (``archived``: url -> Wayback timestamp)."""
    archived = archived or {}

    def cdx(request):
        url = re.search(r"[?&]url=([^&]+)", request.url)[1]
        from urllib.parse import unquote
        url = unquote(url)
        rows = [CDX_HEAD, ["k", archived[url], url, "text/html", "200", "D", "1"]] if url in archived else []
        return 200, {}, json.dumps(rows)

    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",), assert_all_requests_are_fired=False) as mock:
        mock.add_callback(responses.GET, CDX, callback=cdx)
        mock.get(AVAILABLE, json={"archived_snapshots": {}})
        mock.get(MEMENTO, status=404)
        return CliRunner().invoke(app, args, env={"CITECHECK_NOW": day, "NO_COLOR": "1"})


def history_of(report: dict) -> dict[str, str]:
    return {Path(v["url"]).name: v["health"] for v in report["history"]["verdicts"]}


def changes_of(report: dict) -> set[tuple[str, str]]:
    return {(Path(c["url"]).name, c["change"]) for c in report["history"]["changes"]}


def test_pages_that_die_and_recover_over_days(site, bib, tmp_path):
    store = tmp_path / "history.sqlite3"
    links = ["links", str(bib), "--history", "--store", str(store), "--allow-private", "--format", "json"]
    site.status.update({"/stable": 200, "/flaky": 200, "/dying": 200, "/wall": 403})

    day0 = run(links, "2024-03-01T06:00")
    assert day0.exit_code == 0, day0.output
    first = json.loads(day0.stdout)
    assert history_of(first) == {"stable": "ok", "flaky": "ok", "dying": "ok", "wall": "unknown"}
    assert changes_of(first) == set()

    site.status.update({"/dying": 404, "/flaky": 404})
    day1 = json.loads((r1 := run(links, "2024-03-02T06:00")).stdout)
    assert r1.exit_code == 1  # new breakage
    assert changes_of(day1) == {("dying", "newly-suspect"), ("flaky", "newly-suspect")}
    assert history_of(day1)["dying"] == "suspect"
    dying_findings = [f for f in day1["findings"] if f["reference"] == "dying2020" and f["kind"] == "url-suspect"]
    assert [f["severity"] for f in dying_findings] == ["warning"]  # one failure: suspect, not an error

    site.status["/flaky"] = 200
    day2 = json.loads((r2 := run(links, "2024-03-03T06:00")).stdout)
    assert r2.exit_code == 0  # still failing is not new; a recovery is not breakage
    assert changes_of(day2) == {("flaky", "recovered")}
    assert history_of(day2)["dying"] == "suspect"

    shutil.copy(store, tmp_path / "copy.sqlite3")  # the same state, judged with --fail-on any
    any_run = run(["links", str(bib), "--history", "--store", str(tmp_path / "copy.sqlite3"), "--allow-private",
                   "--fail-on", "any"], "2024-03-03T18:00")
    assert any_run.exit_code == 1 and "now: 2 ok, 1 suspect, 0 dead, 1 unknown" in any_run.stdout

    day3 = json.loads((r3 := run(links, "2024-03-04T05:00")).stdout)  # 3 failures, but over 2.0 days
    assert r3.exit_code == 0 and changes_of(day3) == set()
    assert history_of(day3)["dying"] == "suspect"

    snapshot = {site.url("/dying"): "20240101000000"}
    day4 = json.loads((r4 := run(links, "2024-03-05T07:00", archived=snapshot)).stdout)
    assert r4.exit_code == 1
    assert changes_of(day4) == {("dying", "newly-dead"), ("dying", "newly-archived")}
    assert history_of(day4) == {"stable": "ok", "flaky": "ok", "dying": "dead", "wall": "unknown"}
    dead = [f for f in day4["findings"] if f["reference"] == "dying2020" and f["kind"] == "url-dead"]
    assert [f["severity"] for f in dead] == ["error"]
    assert dead[0]["fix"]["after"] == f"https://web.archive.org/web/20240101000000/{site.url('/dying')}"

    site.status["/dying"] = 200
    day5 = json.loads((r5 := run(links, "2024-03-06T07:00")).stdout)
    assert r5.exit_code == 0 and changes_of(day5) == {("dying", "recovered")}
    assert history_of(day5)["wall"] == "unknown"  # a bot wall on every run is never dead

    with HistoryStore(store) as opened:
        assert len(opened.runs()) == 6 and len(opened) == 24  # 6 runs x 4 URLs, one row each

    timeline = run(["history", site.url("/dying"), "--store", str(store)], "2024-03-07")
    assert timeline.exit_code == 0
    lines = [line for line in timeline.stdout.splitlines() if line.startswith("  2024-")]
    assert [line.split()[2] for line in lines] == ["alive", "dead", "dead", "dead", "dead", "alive"]
    assert "ok: alive at the last check" in timeline.stdout
    assert "archived copy: https://web.archive.org/web/20240101000000/" in timeline.stdout

    since = run(["history", "--since", "2024-03-05", "--store", str(store), "--format", "json"], "2024-03-07")
    data = json.loads(since.stdout)
    assert since.exit_code == 0 and len(data["urls"]) == 4
    dying = next(u for u in data["urls"] if u["url"].endswith("/dying"))
    assert [c["status"] for c in dying["timeline"]] == ["dead", "alive"]  # only the checks since the date
    assert dying["checks"] == 6  # but the verdict weighs the whole timeline


def test_new_dead_level_ignores_suspects_and_text_report_shows_changes(site, bib, tmp_path):
    store = tmp_path / "h.sqlite3"
    site.status.update({"/stable": 200, "/flaky": 200, "/dying": 404, "/wall": 403})
    args = ["links", str(bib), "--history", "--store", str(store), "--allow-private", "--fail-on", "new-dead",
            "--dead-after-failures", "2", "--dead-after-days", "1"]
    first = run(args, "2024-05-01")
    assert first.exit_code == 0  # newly suspect only
    assert re.search(r"newly-suspect +http://127\.0\.0\.1:\d+/dying \(new -> suspect\)", first.stdout)
    second = run(args, "2024-05-02")
    assert second.exit_code == 1  # the custom rule: 2 failures over 1 day
    assert "newly-dead" in second.stdout and "a URL is dead after 2 failed checks spanning at least 1 days" in second.stdout


def test_without_history_every_failure_is_new_and_nothing_is_recorded(site, bib, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site.status.update({"/stable": 200, "/flaky": 200, "/dying": 404, "/wall": 403})
    result = run(["links", str(bib), "--allow-private"], "2024-05-01")
    assert result.exit_code == 1
    assert "not recorded (no --history)" in result.stdout
    assert "suspect, not yet dead" in result.stdout
    assert not (tmp_path / "cache").exists()  # no store, and no HTTP cache either
    site.status["/dying"] = 200
    clean = run(["links", str(bib), "--allow-private", "--fail-on", "new"], "2024-05-01")
    assert clean.exit_code == 0


def test_default_store_lives_under_the_cache_dir(site, bib, tmp_path):
    site.status.update({"/stable": 200, "/flaky": 200, "/dying": 200, "/wall": 200})
    cache = tmp_path / "mycache"
    result = run(["links", str(bib), "--history", "--allow-private", "--cache-dir", str(cache)], "2024-05-01")
    assert result.exit_code == 0, result.output
    assert (cache / "history.sqlite3").is_file()
    assert not (cache / "http.sqlite3").exists()


def test_html_report_plots_the_history(site, bib, tmp_path):
    store = tmp_path / "h.sqlite3"
    site.status.update({"/stable": 200, "/flaky": 200, "/dying": 200, "/wall": 403})
    args = ["links", str(bib), "--history", "--store", str(store), "--allow-private"]
    run(args, "2024-05-01")
    site.status["/dying"] = 404
    page = run(args + ["--format", "html"], "2024-05-02").stdout
    assert '<svg id="history-chart"' in page and "<script" not in page
    dying = re.search(r'<g class="timeline" data-url="[^"]*/dying" data-health="suspect">(.*?)</g>', page)
    assert dying and re.findall(r'data-state="(\w[\w-]*)"', dying[1]) == ["alive", "dead"]
    history_page = run(["history", "--store", str(store), "--format", "html"], "2024-05-03").stdout
    assert history_page.count('<g class="timeline"') == 4


def test_other_formats_keep_their_shape_and_summarise_on_stderr(site, bib, tmp_path):
    site.status.update({"/stable": 200, "/flaky": 200, "/dying": 404, "/wall": 200})
    sarif = run(["links", str(bib), "--allow-private", "--format", "sarif"], "2024-05-01")
    assert sarif.exit_code == 1
    assert json.loads(sarif.stdout)["version"] == "2.1.0"
    assert "1 newly-suspect" in sarif.stderr
    md = run(["links", str(bib), "--allow-private", "--format", "markdown"], "2024-05-01")
    assert "## Link history" in md.stdout


def test_ignored_urls_are_not_checked(tmp_path):
    essay = tmp_path / "essay.md"
    shutil.copy(ROOT / "examples" / "eir" / "essay.md", essay)
    result = CliRunner().invoke(app, ["links", str(essay), "--ignore", "^https?://"], env={"CITECHECK_NOW": "2024-01-01"})
    assert result.exit_code == 0, result.output
    assert "no links to check" in result.stderr


def test_history_without_a_store_is_an_input_error(tmp_path):
    result = CliRunner().invoke(app, ["history", "--store", str(tmp_path / "none.sqlite3")])
    assert result.exit_code == 3 and "citecheck links --history" in result.stderr


def test_a_store_that_is_not_sqlite_is_an_input_error(site, bib, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("this is not a database " * 100, encoding="utf-8")
    result = run(["history", "--store", str(bad)], "2024-01-01")
    assert result.exit_code == 3 and "not a citecheck history store" in result.stderr


@pytest.mark.parametrize("env, args", [
    ({"CITECHECK_NOW": "yesterday"}, ["history", "--store", "x"]),
    ({}, ["history", "--since", "last week", "--store", "x"]),
])
def test_bad_dates_are_usage_errors(env, args):
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2 and "ISO 8601" in result.stderr
