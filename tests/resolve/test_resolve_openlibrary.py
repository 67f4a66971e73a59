"""OpenLibrary: search, Books API and ISBN API answers, through RequestsTransport under ``responses``.

Shapes: search.json -> {"numFound", "start", "numFoundExact", "docs", "num_found", "q", "offset"}
(a miss is numFound 0, HTTP 200); /api/books?...&jscmd=data -> {"ISBN:...": {...}} (a miss is {});
/isbn/{isbn}.json -> an edition with author keys (a miss is HTTP 404).
"""
from __future__ import annotations

import pytest
import responses
from responses import matchers

from citecheck.resolve.answers import Outcome
from citecheck.resolve.openlibrary import (
    SEARCH_FIELDS, OpenLibraryClient, accept_book, parse_books_api, parse_edition, parse_search,
)

OL = "https://openlibrary.org"
ISBN = "9780737762303"
UA = "citecheck/test (https://example.org/citecheck; mailto:team@example.org)"


@pytest.fixture
def client(transport, clock):
    return OpenLibraryClient(transport, user_agent=UA, clock=clock, sleep=clock.sleep)


def test_parse_search_reads_the_docs(fixture_text):
    books = parse_search(fixture_text("openlibrary_search_haerens.json")).value
    first = books[0]
    assert (first.key, first.title, first.authors) == ("/works/OL16805437W", "Human trafficking", ("Margaret Haerens",))
    assert (first.years, first.first_publish_year) == ((2012, 2013), 2012)
    assert books[1].authors == ("No\u00ebl Merino",)


def test_numfound_zero_is_a_miss(fixture_text):
    assert parse_search(fixture_text("openlibrary_search_empty.json")).outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize("body", [
    "<html><head><title>502 Bad Gateway</title></head></html>", '{"docs": [', '{"error": "Invalid query"}', "[]",
])
def test_malformed_search_answers_are_failures(body):
    assert parse_search(body).outcome is Outcome.FAILED


def test_accept_book_needs_title_publisher_and_year_to_single_out_one_author(fixture_text):
    books = parse_search(fixture_text("openlibrary_search_haerens.json")).value
    book, how = accept_book(books, "Human Trafficking", publisher="Greenhaven Press", year=2012)
    assert book.authors == ("Margaret Haerens",) and "title, publisher, year agree" in how
    assert accept_book(books, "Human Trafficking", publisher="Greenhaven Press") is None  # Haerens or Merino?
    assert accept_book(books, "Human Trafficking", publisher="Lucent Books", year=2012) is None
    assert accept_book(books, "Sex Trafficking", year=2012) is None


def test_books_api_hit_and_empty_object_miss(fixture_text):
    book = parse_books_api(fixture_text("openlibrary_books_haerens.json"), f"ISBN:{ISBN}").value
    assert (book.title, book.authors, book.publishers, book.years) == (
        "Human trafficking", ("Margaret Haerens",), ("Greenhaven Press",), (2012,))
    assert parse_books_api("{}", f"ISBN:{ISBN}").outcome is Outcome.NOT_FOUND
    assert parse_books_api('{"ISBN:1": "nonsense"}', "ISBN:1").outcome is Outcome.FAILED


def test_edition_gives_author_keys(fixture_text):
    book, keys = parse_edition(fixture_text("openlibrary_edition_haerens.json")).value
    assert keys == ("/authors/OL1390957A",) and book.years == (2012,) and book.authors == ()


def test_search_sends_title_and_publisher(client, fixture_text):
    expected = {"title": "Human Trafficking", "publisher": "Greenhaven Press", "fields": SEARCH_FIELDS, "limit": "10"}
    with responses.RequestsMock() as mock:
        mock.get(f"{OL}/search.json", body=fixture_text("openlibrary_search_haerens.json"),
                 content_type="application/json", match=[matchers.query_param_matcher(expected)])
        answer = client.search("Human Trafficking", publisher="Greenhaven Press")
        assert mock.calls[0].request.headers["User-Agent"] == UA
    assert answer.outcome is Outcome.FOUND and len(answer.value) == 3


def test_isbn_through_the_books_api(client, fixture_text):
    with responses.RequestsMock() as mock:
        mock.get(f"{OL}/api/books", body=fixture_text("openlibrary_books_haerens.json"), content_type="application/json",
                 match=[matchers.query_param_matcher({"bibkeys": f"ISBN:{ISBN}", "format": "json", "jscmd": "data"})])
        answer = client.by_isbn("978-0-7377-6230-3")
    assert answer.value.authors == ("Margaret Haerens",)


def test_isbn_falls_back_to_the_isbn_api_and_author_records(client, fixture_text):
    with responses.RequestsMock() as mock:
        mock.get(f"{OL}/api/books", status=404, body="{}", content_type="application/json")
        mock.get(f"{OL}/isbn/{ISBN}.json", status=302, headers={"Location": f"{OL}/books/OL25187040M.json"})
        mock.get(f"{OL}/books/OL25187040M.json", body=fixture_text("openlibrary_edition_haerens.json"),
                 content_type="application/json")
        mock.get(f"{OL}/authors/OL1390957A.json", body=fixture_text("openlibrary_author_haerens.json"),
                 content_type="application/json")
        answer = client.by_isbn(ISBN)
    assert answer.outcome is Outcome.FOUND
    assert (answer.value.authors, answer.value.publishers) == (("Margaret Haerens",), ("Greenhaven Press",))


def test_unknown_isbn_is_a_miss(client):
    with responses.RequestsMock() as mock:
        mock.get(f"{OL}/api/books", body="{}", content_type="application/json")
        mock.get(f"{OL}/isbn/9780000000002.json", status=404, body='{"error": "notfound", "key": "/isbn/9780000000002"}',
                 content_type="application/json")
        assert client.by_isbn("9780000000002").outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize("status, headers", [(429, {"Retry-After": "120"}), (503, {}), (500, {})])
def test_rate_limits_and_server_errors_are_failures(client, status, headers):
    with responses.RequestsMock() as mock:
        mock.get(f"{OL}/search.json", status=status, headers=headers, body="<html>error</html>", content_type="text/html")
        answer = client.search("Human Trafficking")
    assert answer.outcome is Outcome.FAILED and str(status) in answer.detail
