"""Crossref: the parsers on real answer shapes, and the client through RequestsTransport under ``responses``.

Shapes reproduce the Crossref REST API: ``/works/{doi}`` -> message-type "work"; a miss is
HTTP 404 with the text/plain body "Resource not found." (as recorded in habanero's test
cassettes); ``/works?query...`` -> message-type "work-list" with items[].score.
"""
from __future__ import annotations

import json

import pytest
import responses
from responses import matchers

from citecheck.resolve.answers import Outcome
from citecheck.resolve.crossref import (
    CrossrefClient, CrossrefWork, accept_search_hit, normal_doi, parse_work, parse_work_list,
)

API = "https://api.crossref.org"
DOI = "10.1353/sais.2006.0004"
UA = "citecheck/test (https://example.org/citecheck; mailto:team@example.org)"
DAVIS = "Brides, Bruises and the Border: The Trafficking of North Korean Women into China"
RATE_HEADERS = {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s", "x-api-pool": "polite"}


@pytest.fixture
def client(transport, clock):
    return CrossrefClient(transport, user_agent=UA, mailto="team@example.org", clock=clock, sleep=clock.sleep)


def test_parse_work_reads_the_record(fixture_text):
    answer = parse_work(fixture_text("crossref_work_davis.json"))
    assert answer.outcome is Outcome.FOUND
    work = answer.value
    assert (work.doi, work.title, work.year, work.container) == (DOI, DAVIS, 2006, "SAIS Review")
    assert [(a.given, a.family, a.sequence) for a in work.authors] == [("Kathleen", "Davis", "first")]


def test_parse_work_list_sorts_by_score_and_reads_odd_items(fixture_text):
    works = parse_work_list(fixture_text("crossref_search_davis.json")).value
    assert [w.score for w in works] == sorted((w.score for w in works), reverse=True)
    odd = works[2]
    assert odd.year == 2006  # issued is [[null]]: "published" is used
    assert [a.display() for a in odd.authors] == ["Wen Li", "Borderlands Research Group"]


@pytest.mark.parametrize("body, parser", [
    ("Resource not found.", parse_work),
    ("<html><body><h1>502 Bad Gateway</h1></body></html>", parse_work_list),
    ('{"status":"ok","message-type":"work-list","message":{"items":[]', parse_work_list),  # truncated
    ('{"status":"error","message-type":"validation-failure","message":[{"type":"parameter-not-allowed"}]}', parse_work_list),
    ('{"status":"ok","message-type":"work-list","message":{"items":[]}}', parse_work),  # a list where a work belongs
    ('{"status":"ok","message-type":"work","message":{"title":["no DOI"]}}', parse_work),
    ("[1, 2, 3]", parse_work),
])
def test_malformed_answers_are_failures_not_exceptions(body, parser):
    answer = parser(body)
    assert answer.outcome is Outcome.FAILED and answer.value is None and answer.detail


def test_an_empty_work_list_is_a_miss(fixture_text):
    assert parse_work_list(fixture_text("crossref_search_empty.json")).outcome is Outcome.NOT_FOUND


def test_accept_only_on_a_clear_margin_and_a_matching_title(fixture_text):
    davis = parse_work_list(fixture_text("crossref_search_davis.json")).value
    work, how = accept_search_hit(davis, DAVIS + ".")
    assert work.doi == DOI and "71.3 vs 19.8" in how
    assert accept_search_hit(davis, "Brides of the border region") is None  # title too far
    close = parse_work_list(fixture_text("crossref_search_close.json")).value
    assert accept_search_hit(close, "Human Trafficking in East Asia") is None  # 40.1 vs 38.7: no margin
    lone = (CrossrefWork(doi="10.1/x", title="Only One", score=3.0),)
    assert accept_search_hit(lone, "Only one")[0].doi == "10.1/x"
    assert accept_search_hit((CrossrefWork(doi="10.1/x", title="Only One"),), "Only one") is None  # no score


@pytest.mark.parametrize("text, doi", [
    ("10.1353/SAIS.2006.0004", DOI), ("https://doi.org/10.1353/sais.2006.0004", DOI),
    ("doi: 10.1353/sais.2006.0004.", DOI), ("d6.0004", ""), ("", ""),
])
def test_normal_doi(text, doi):
    assert normal_doi(text) == doi


def test_work_by_doi_sends_the_contact_and_reads_the_answer(client, fixture_text):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/{DOI}", body=fixture_text("crossref_work_davis.json"), content_type="application/json",
                 headers=RATE_HEADERS, match=[matchers.query_param_matcher({"mailto": "team@example.org"})])
        answer = client.work(DOI)
        sent = mock.calls[0].request.headers["User-Agent"]
    assert answer.outcome is Outcome.FOUND and answer.value.doi == DOI
    assert "mailto:team@example.org" in sent


def test_an_unknown_doi_is_a_404_miss_and_remembered(client):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/10.1371/notarealdoi", body="Resource not found.", status=404,
                 content_type="text/plain", headers=RATE_HEADERS)
        first = client.work("10.1371/notarealdoi")
        second = client.work("10.1371/notarealdoi")
        assert len(mock.calls) == 1  # a negative answer is cached for the run too
    assert first.outcome is second.outcome is Outcome.NOT_FOUND


def test_search_sends_bibliographic_author_and_year_filter(client, fixture_text):
    expected = {
        "query.bibliographic": f"{DAVIS} SAIS Review of International Affairs", "query.author": "Davis",
        "filter": "from-pub-date:2006,until-pub-date:2006", "rows": "5", "mailto": "team@example.org",
    }
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works", body=fixture_text("crossref_search_davis.json"), content_type="application/json",
                 match=[matchers.query_param_matcher(expected)])
        answer = client.search(DAVIS, ["Davis"], 2006, "SAIS Review of International Affairs")
    assert answer.outcome is Outcome.FOUND and answer.value[0].doi == DOI


def test_429_with_retry_after_fails_and_the_service_is_left_alone_until_then(client, clock, fixture_text):
    with responses.RequestsMock() as mock:
        limited = mock.get(f"{API}/works/{DOI}", status=429, body="Too Many Requests",
                           headers={"Retry-After": "30"})
        assert client.work(DOI).outcome is Outcome.FAILED
        assert client.search("anything").outcome is Outcome.FAILED  # no request: still cooling down
        assert len(mock.calls) == 1
        clock.now += 31
        mock.remove(limited)
        mock.get(f"{API}/works/{DOI}", body=fixture_text("crossref_work_davis.json"), content_type="application/json")
        assert client.work(DOI).outcome is Outcome.FOUND
        assert len(mock.calls) == 2


@pytest.mark.parametrize("status, body, content_type", [
    (503, "<html><body>Service Unavailable</body></html>", "text/html"),
    (500, json.dumps({"status": "error", "message-type": "exception"}), "application/json"),
    (200, "<!DOCTYPE html><html><title>Maintenance</title></html>", "text/html"),
])
def test_server_errors_and_html_pages_are_failures_and_not_cached(client, status, body, content_type):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/{DOI}", status=status, body=body, content_type=content_type)
        assert client.work(DOI).outcome is Outcome.FAILED
        assert client.work(DOI).outcome is Outcome.FAILED
        assert len(mock.calls) == (1 if status == 200 else 2)  # a 200 is remembered even when unreadable


def test_network_errors_are_failures(client):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/{DOI}", body=ConnectionError("connection refused"))
        answer = client.work(DOI)
    assert answer.outcome is Outcome.FAILED and "Crossref" in answer.detail


def test_requests_are_spaced_and_the_advertised_rate_limit_is_honoured(transport, clock, fixture_text):
    client = CrossrefClient(transport, user_agent=UA, min_interval=0.1, clock=clock, sleep=clock.sleep)
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works", body=fixture_text("crossref_search_empty.json"), content_type="application/json",
                 headers={"X-Rate-Limit-Limit": "2", "X-Rate-Limit-Interval": "1s"})
        client.search("first")
        client.search("second")
        client.search("third")
    assert clock.slept == [pytest.approx(0.5), pytest.approx(0.5)]  # one request per 0.5 s, as advertised


def test_behind_the_caching_transport_a_second_run_asks_nothing(transport, clock, fixture_text, tmp_path):
    from citecheck.store.http_cache import CachingTransport, HttpCache

    cached = CachingTransport(transport, HttpCache(tmp_path / "http.sqlite3"))
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/{DOI}", body=fixture_text("crossref_work_davis.json"), content_type="application/json")
        mock.get(f"{API}/works/10.1371/notarealdoi", body="Resource not found.", status=404, content_type="text/plain")
        for _ in range(2):  # two runs: two clients, one cache
            run = CrossrefClient(cached, user_agent=UA, clock=clock, sleep=clock.sleep)
            assert run.work(DOI).outcome is Outcome.FOUND
            assert run.work("10.1371/notarealdoi").outcome is Outcome.NOT_FOUND
        assert len(mock.calls) == 2
