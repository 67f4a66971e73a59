"""`citecheck check --online` end to end, with every service mocked faithfully (responses).

responses answers at the requests layer, so no host is ever resolved; ``--allow-private``
turns off the private-address guard, which resolves host names itself (the guard is
tested in tests/links with an injected resolver).
"""
from __future__ import annotations

import json
import re
import shutil
import socket
from pathlib import Path

import requests
import responses
import urllib3.exceptions as u3
from responses import matchers
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.resolve.openlibrary import SEARCH_FIELDS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "resolve" / "fixtures"
CNN = "https://www.cnn.com/2019/06/09/asia/north-korea-defectors-intl-hnk/index.html"


def no_such_host(mock: responses.RequestsMock, *, except_hosts: tuple[str, ...] = ()) -> None:
    """Requests to any other host fail as they do without network: the name does not resolve.

    (responses hands out, and drops, the first of several matching mocks, so the catch-all
    must not match the hosts mocked on purpose.)"""
    reason = u3.NameResolutionError("host", None, socket.gaierror(-3, "Temporary failure in name resolution"))
    failure = requests.exceptions.ConnectionError(u3.MaxRetryError(None, "/", reason))
    others = "".join(f"(?!{re.escape(host)}[/:])" for host in except_hosts)
    for method in (responses.GET, responses.HEAD):
        mock.add(method, re.compile(rf"https?://{others}.*"), body=failure)


def mock_services(mock: responses.RequestsMock) -> None:
    """The CNN page names Julie Zaugg; OpenLibrary lists the Greenhaven book by Margaret Haerens.
    Every other request is refused by responses (the links to those hosts come out dead)."""
    mock.head(CNN, status=405)
    mock.get(CNN, body=(FIXTURES / "pages" / "cnn.html").read_text(encoding="utf-8"),
             content_type="text/html; charset=utf-8")
    mock.get("https://openlibrary.org/search.json",
             body=(FIXTURES / "openlibrary_search_haerens.json").read_text(encoding="utf-8"),
             content_type="application/json",
             match=[matchers.query_param_matcher(
                 {"title": "Human Trafficking", "publisher": "Greenhaven Press", "fields": SEARCH_FIELDS,
                  "limit": "10"})])
    no_such_host(mock, except_hosts=("www.cnn.com", "openlibrary.org"))


def test_online_check_decides_both_cases_and_fix_applies_them(tmp_path):
    essay = tmp_path / "essay.md"
    shutil.copy(ROOT / "examples" / "eir" / "essay.md", essay)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock_services(mock)
        result = CliRunner().invoke(app, [
            "check", str(essay), "--online", "--format", "json", "--fix", "--no-cache", "--allow-private",
            "--bib-out", str(tmp_path / "out.bib"),
        ])
    report = json.loads(result.stdout)
    names = {f["fix"]["before"]: f for f in report["findings"] if f["kind"] == "name-mismatch"}
    zaugg, haerens = names["Zuagg"], names["Haerans"]
    assert (zaugg["fix"]["target"], zaugg["fix"]["after"]) == ("citation", "Zaugg")
    assert (haerens["fix"]["target"], haerens["fix"]["after"]) == ("reference", "Haerens")
    assert haerens["fix"]["confidence"] >= 0.8 and zaugg["fix"]["confidence"] >= 0.8
    assert any(e["source"] == "cited page metadata" and "Julie Zaugg" in e["detail"] for e in zaugg["evidence"])
    assert any(e["source"] == "OpenLibrary" and "Margaret Haerens" in e["detail"] for e in haerens["evidence"])

    fixed = (tmp_path / "essay.fixed.md").read_text(encoding="utf-8")
    assert "Zuagg" not in fixed and "(Zaugg, 2019)" in fixed
    assert "Haerens, Margaret. (2012)" in fixed and "Haerans" not in fixed
    assert "author = {Haerens, Margaret}" in (tmp_path / "out.bib").read_text(encoding="utf-8")

    verdicts = [r["verdict"]["verdict"] for r in report["references"]]
    assert len(verdicts) == 28 and "not-found" not in verdicts  # services down: undecided, never not-found

    links = {link["url"]: link for link in report["links"]}
    assert links[CNN]["status"] == "alive" and links[CNN]["reference"] == "zauggNorth2019"
    assert set(links[CNN]) == {"url", "reference", "status", "http_status", "final_url", "redirects", "archive", "detail"}


def test_online_run_on_a_machine_without_network_says_offline_once(tmp_path):
    essay = tmp_path / "essay.md"
    shutil.copy(ROOT / "examples" / "eir" / "essay.md", essay)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        no_such_host(mock)
        result = CliRunner().invoke(app, ["check", str(essay), "--online", "--no-cache", "--allow-private"])
    assert result.exit_code == 1
    assert result.stderr.count("offline") == 1
    assert "not checked: the network looks offline" in result.stdout
    assert "dead" not in result.stdout
