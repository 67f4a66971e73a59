"""OpenAlex: /works/doi:{doi} and /works?search=..., through RequestsTransport under ``responses``.

Shapes: a work has id, doi (a https://doi.org/ URL), title, display_name, publication_year,
authorships[].author.display_name and raw_author_name; lists are {"meta": {...}, "results": [...],
"group_by": []}; an unknown DOI is HTTP 404, an empty search is count 0 and results [].
"""
from __future__ import annotations

import pytest
import responses
from responses import matchers

from citecheck.resolve.answers import Outcome
from citecheck.resolve.openalex import OpenAlexClient, OpenAlexWork, accept_work, parse_work, parse_work_list

API = "https://api.openalex.org"
DOI = "10.1353/sais.2006.0004"
TITLE = "Brides, Bruises and the Border: The Trafficking of North Korean Women into China"


@pytest.fixture
def client(transport, clock):
    return OpenAlexClient(transport, user_agent="citecheck/test", mailto="team@example.org", clock=clock,
                          sleep=clock.sleep)


def test_parse_work(fixture_text):
    work = parse_work(fixture_text("openalex_work_davis.json")).value
    assert (work.doi, work.title, work.year, work.authors, work.venue) == (
        DOI, TITLE, 2006, ("Kathleen Davis",), "SAIS Review")


def test_parse_list_and_empty_list(fixture_text):
    works = parse_work_list(fixture_text("openalex_search_davis.json")).value
    assert [w.relevance for w in works] == [812.4471, 90.1]
    assert works[1].authors == ("Mi-young Choi",) and works[1].doi == ""
    assert parse_work_list(fixture_text("openalex_search_empty.json")).outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize("body", ['{"meta": {"count": 1}}', "<html>Bad Gateway</html>", '{"results": [', "null"])
def test_malformed_answers_are_failures(body):
    assert parse_work_list(body).outcome is Outcome.FAILED


def test_accept_work_by_title_unless_two_matching_works_disagree(fixture_text):
    works = parse_work_list(fixture_text("openalex_search_davis.json")).value
    assert accept_work(works, TITLE)[0].doi == DOI
    assert accept_work(works, "Something else entirely") is None
    twins = (OpenAlexWork(id="W1", title=TITLE, authors=("Kathleen Davis",)),
             OpenAlexWork(id="W2", title=TITLE, authors=("Kim Davies",)))
    assert accept_work(twins, TITLE) is None


def test_work_by_doi_with_mailto(client, fixture_text):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/doi:{DOI}", body=fixture_text("openalex_work_davis.json"), content_type="application/json",
                 match=[matchers.query_param_matcher({"mailto": "team@example.org"})])
        assert client.work(DOI).value.authors == ("Kathleen Davis",)


def test_unknown_doi_is_a_404_miss(client):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works/doi:10.9999/nothing", status=404, content_type="application/json",
                 body='{"error": "404 Not Found", "message": "The requested URL was not found on the server."}')
        assert client.work("10.9999/nothing").outcome is Outcome.NOT_FOUND


def test_search_with_year_filter(client, fixture_text):
    expected = {"search": TITLE, "filter": "publication_year:2006", "per-page": "5", "mailto": "team@example.org"}
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works", body=fixture_text("openalex_search_davis.json"), content_type="application/json",
                 match=[matchers.query_param_matcher(expected)])
        assert client.search(TITLE, 2006).outcome is Outcome.FOUND


@pytest.mark.parametrize("status, headers", [(429, {"Retry-After": "1"}), (503, {})])
def test_rate_limits_and_server_errors_are_failures(client, status, headers):
    with responses.RequestsMock() as mock:
        mock.get(f"{API}/works", status=status, headers=headers, json={"error": "Too many requests"})
        assert client.search(TITLE).outcome is Outcome.FAILED
