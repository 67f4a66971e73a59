"""ArchiveFinder under `responses`, with service fixtures in the real response shapes."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

from citecheck.links.archive import (ArchiveFinder, archive_name, choose, parse_access_date, parse_cdx,
                                     parse_wayback_url)
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.transport import RequestsTransport
from citecheck.model import ArchiveSnapshot, LinkStatus

FIX = Path(__file__).parent / "fixtures"
CDX = "https://web.archive.org/cdx/search/cdx"
AVAIL = "https://archive.org/wayback/available"
TT = "http://timetravel.mementoweb.org/api/json"
URL = "http://www.example.org/report/2015"


def load(name):
    return json.loads((FIX / name).read_text())


@pytest.fixture
def finder():
    t = RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))
    return ArchiveFinder(t)


@responses.activate
def test_cdx_query_parameters_and_choice_before_the_citation_date(finder):
    responses.get(CDX, json=load("cdx_closest.json"))
    found = finder.lookup(URL, datetime(2016, 7, 1, tzinfo=timezone.utc))
    q = parse_qs(urlsplit(responses.calls[0].request.url).query)
    assert q == {"url": [URL], "output": ["json"], "filter": ["statuscode:200"], "limit": ["20"],
                 "closest": ["20160701000000"], "sort": ["closest"]}
    assert found.snapshot == ArchiveSnapshot(url=f"https://web.archive.org/web/20160214093512/{URL}", original=URL,
                                             timestamp="20160214093512", archive="wayback", status=200)
    assert found.tried == ("wayback-cdx",) and len(responses.calls) == 1


@responses.activate
def test_cdx_empty_falls_back_to_availability(finder):
    responses.get(CDX, json=load("cdx_empty.json"))
    responses.get(AVAIL, json=load("availability_found.json"))
    found = finder.lookup("http://example.org/old", datetime(2013, 7, 1, tzinfo=timezone.utc))
    assert found.snapshot.url == "http://web.archive.org/web/20130919044612/http://example.org/old"
    assert found.snapshot.timestamp == "20130919044612"
    q = parse_qs(urlsplit(responses.calls[1].request.url).query)
    assert q == {"url": ["http://example.org/old"], "timestamp": ["20130701000000"]}


@responses.activate
def test_flaky_services_fall_through_to_memento(finder):
    responses.get(CDX, status=503)
    responses.get(AVAIL, json=load("availability_empty.json"))
    responses.get(f"{TT}/20140601000000/http://example.org/old", json=load("timetravel_found.json"))
    found = finder.lookup("http://example.org/old", datetime(2014, 6, 1, tzinfo=timezone.utc))
    assert found.snapshot.url == "https://archive.ph/20140203120000/http://example.org/old"  # closest, before
    assert found.snapshot.archive == "archive.today" and found.snapshot.status is None
    assert found.tried == ("wayback-cdx", "wayback-availability", "memento")


@responses.activate
def test_nothing_anywhere_is_a_miss_not_a_failure(finder):
    responses.get(CDX, json=[])
    responses.get(AVAIL, json=load("availability_empty.json"))
    responses.get(f"{TT}/20140601000000/http://example.org/none", status=404)
    found = finder.lookup("http://example.org/none", datetime(2014, 6, 1, tzinfo=timezone.utc))
    assert found.snapshot is None and not found.failed


@responses.activate
def test_services_down_is_a_failure_with_detail(finder):
    responses.get(CDX, body=requests.exceptions.ConnectTimeout("connect timed out"))
    responses.get(AVAIL, status=502)
    responses.get(f"{TT}/20140601000000/http://example.org/x", body="not json")
    found = finder.lookup("http://example.org/x", datetime(2014, 6, 1, tzinfo=timezone.utc))
    assert found.snapshot is None and found.failed
    assert "wayback-cdx: timeout" in found.detail and "HTTP 502" in found.detail and "invalid JSON" in found.detail


@responses.activate
def test_base_urls_are_configurable():
    t = RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))
    finder = ArchiveFinder(t, cdx_url="https://mirror.example/cdx", wayback_web="https://mirror.example/web",
                           timetravel_url=None, use_availability=False)
    responses.get("https://mirror.example/cdx", json=load("cdx_closest.json"))
    found = finder.lookup(URL, None)
    assert found.snapshot.url.startswith("https://mirror.example/web/20170611000102/")  # newest without a date
    assert parse_qs(urlsplit(responses.calls[0].request.url).query)["limit"] == ["-20"]


@responses.activate
def test_check_snapshot(finder):
    snap = ArchiveSnapshot(url="https://web.archive.org/web/2015/http://a.example/", original="http://a.example/",
                           timestamp="2015")
    responses.get(snap.url, status=302, headers={"Location": "https://web.archive.org/web/20150101000000/http://a.example/"})
    responses.get("https://web.archive.org/web/20150101000000/http://a.example/", body="<title>A</title>")
    assert finder.check_snapshot(snap)[0].is_ok
    responses.replace(responses.GET, snap.url, status=404)
    assert finder.check_snapshot(snap)[0] is LinkStatus.DEAD


def test_choose_prefers_before_unless_much_further():
    target = datetime(2016, 7, 1, tzinfo=timezone.utc)
    assert choose([("20160601000000", "b"), ("20160702000000", "a")], target) == ("20160601000000", "b")
    assert choose([("20100101000000", "b"), ("20160702000000", "a")], target) == ("20160702000000", "a")
    assert choose([], target) is None


@responses.activate
def test_a_capture_later_on_the_access_day_beats_last_years(finder):
    # "Retrieved April 20, 2020" is a day, not noon: the capture made that evening is the page
    # the author saw, not the one from ten months earlier
    responses.get(CDX, json=[["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
                             ["org,example)/report/2015", "20200420183000", URL, "text/html", "200", "A" * 32, "5120"],
                             ["org,example)/report/2015", "20190601000000", URL, "text/html", "200", "B" * 32, "5098"]])
    found = finder.lookup(URL, parse_access_date("April 20, 2020"))
    assert found.snapshot.timestamp == "20200420183000"


def test_choose_counts_the_whole_citation_day_as_before():
    target = datetime(2020, 4, 20, 12, tzinfo=timezone.utc)
    assert choose([("20190601000000", "old"), ("20200420235959", "day")], target) == ("20200420235959", "day")
    assert choose([("20200420010000", "early"), ("20200420235959", "late")], target) == ("20200420235959", "late")
    assert choose([("20190601000000", "old"), ("20200421000000", "next")], target) == ("20190601000000", "old")


def test_parsers():
    assert parse_cdx(load("cdx_closest.json"))[0]["timestamp"] == "20160214093512"
    assert parse_cdx([]) == [] and parse_cdx({"x": 1}) == []
    assert parse_wayback_url("https://web.archive.org/web/20130919044612/http://example.org/old") == (
        "20130919044612", "http://example.org/old")
    assert parse_wayback_url("https://web.archive.org/web/2013id_/http://x.org/") == ("2013", "http://x.org/")
    assert parse_wayback_url("https://example.org/") is None
    assert archive_name("https://archive.ph/2014/x") == "archive.today"
    assert archive_name("https://web.archive.org/web/1/x") == "wayback"


@pytest.mark.parametrize("text, expected", [
    ("2019-05-03", (2019, 5, 3)), ("3 May 2019", (2019, 5, 3)), ("May 3, 2019", (2019, 5, 3)),
    ("May 2019", (2019, 5, 15)), ("2019", (2019, 7, 1)), ("", None), ("someday", None),
])
def test_parse_access_date(text, expected):
    got = parse_access_date(text)
    assert (got.year, got.month, got.day) == expected if expected else got is None


@responses.activate
def test_a_fragment_is_not_sent_to_the_archives_and_the_copy_opens_at_it(finder):
    responses.get(CDX, json=load("cdx_closest.json"))
    found = finder.lookup(URL + "#section-2", datetime(2016, 7, 1, tzinfo=timezone.utc))
    q = parse_qs(urlsplit(responses.calls[0].request.url).query)
    assert q["url"] == [URL]  # no archive captured a fragment: servers never see one
    assert found.url == URL + "#section-2"
    assert found.snapshot.url == f"https://web.archive.org/web/20160214093512/{URL}#section-2"
    assert found.snapshot.original == URL
