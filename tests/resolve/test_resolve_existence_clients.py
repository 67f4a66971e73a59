"""arXiv, Semantic Scholar, doi.org handles and Crossref retraction notices: parsers on their real
answer shapes, clients through RequestsTransport under ``responses``; the answer cache and breaker."""
from __future__ import annotations

import pytest
import responses

from citecheck.model import EntryType, Url
from citecheck.resolve.answers import Outcome
from citecheck.resolve.arxiv import ArxivClient, arxiv_id, parse_feed
from citecheck.resolve.crossref import parse_work
from citecheck.resolve.doi_handle import DoiResolver, parse_handle
from citecheck.resolve.exist_records import Reply, Status, Work
from citecheck.resolve.guard import Breaker, MemoryAnswerCache, SqliteAnswerCache
from citecheck.resolve.retraction import Notice
from citecheck.resolve.semantic_scholar import SemanticScholarClient, parse_search

ARXIV = "https://export.arxiv.org/api/query"
S2 = "https://api.semanticscholar.org/graph/v1/paper/search"


def test_arxiv_feed_reads_the_entry(fixture_text):
    (entry,) = parse_feed(fixture_text("arxiv_query_attention.xml")).value
    assert (entry.id, entry.title, entry.year) == ("1706.03762", "Attention Is All You Need", 2017)
    assert entry.authors[:2] == ("Ashish Vaswani", "Noam Shazeer") and len(entry.authors) == 8


@pytest.mark.parametrize("name", ["arxiv_query_empty.xml", "arxiv_query_error.xml"])
def test_arxiv_unknown_or_malformed_ids_are_misses(fixture_text, name):
    assert parse_feed(fixture_text(name)).outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize("body", ["<html><body>503 Service Unavailable</body></html>", "{}", "<rss/>"])
def test_arxiv_garbage_is_a_failure(body):
    assert parse_feed(body).outcome is Outcome.FAILED


@pytest.mark.parametrize("field, value", [
    ("doi", "10.48550/arXiv.1706.03762"), ("url", "https://arxiv.org/abs/1706.03762v5"),
    ("container", "arXiv preprint arXiv:1706.03762"), ("eprint", "1706.03762"),
])
def test_arxiv_ids_are_found_wherever_the_reference_gives_them(reference, field, value):
    kwargs = {"doi": value} if field == "doi" else {"urls": (Url(value),)} if field == "url" else \
        {"container": value} if field == "container" else {"extra": (("eprint", value), ("archivePrefix", "arXiv"))}
    assert arxiv_id(reference("v", "Vaswani, Ashish", title="Attention", **kwargs)) == "1706.03762"


def test_arxiv_client_hit_miss_400_and_429(transport, clock, fixture_text):
    client = ArxivClient(transport, user_agent="t", clock=clock, sleep=clock.sleep)
    with responses.RequestsMock() as mock:
        mock.get(ARXIV, body=fixture_text("arxiv_query_attention.xml"), content_type="application/atom+xml")
        assert client.by_id("1706.03762").value.title == "Attention Is All You Need"
    with responses.RequestsMock() as mock:
        mock.get(ARXIV, body=fixture_text("arxiv_query_error.xml"), status=400, content_type="application/atom+xml")
        assert client.by_id("1706.0376x").outcome is Outcome.NOT_FOUND
    with responses.RequestsMock() as mock:
        mock.get(ARXIV, body="Rate exceeded.", status=429, headers={"Retry-After": "5"})
        answer = client.by_id("2301.00001")
    assert answer.outcome is Outcome.FAILED and "429" in answer.detail
    assert clock.slept and min(clock.slept) >= 0  # polite spacing (3 s) between requests


def test_semantic_scholar_search(transport, clock, fixture_text):
    client = SemanticScholarClient(transport, user_agent="t", clock=clock, sleep=clock.sleep)
    with responses.RequestsMock() as mock:
        mock.get(S2, body=fixture_text("s2_search_attention.json"), content_type="application/json")
        first = client.search("Attention Is All You Need").value[0]
        assert (first.arxiv, first.year, first.authors[0]) == ("1706.03762", 2017, "Ashish Vaswani")
        assert "fields=title%2Cyear%2Cauthors%2CexternalIds%2Cvenue" in mock.calls[0].request.url
    with responses.RequestsMock() as mock:
        mock.get(S2, body=fixture_text("s2_search_empty.json"), content_type="application/json")
        assert client.search("zzz").outcome is Outcome.NOT_FOUND
    with responses.RequestsMock() as mock:
        mock.get(S2, body=fixture_text("s2_rate_limited.json"), status=429, content_type="application/json")
        assert client.search("again").outcome is Outcome.FAILED


def test_semantic_scholar_without_data_key_and_malformed():
    assert parse_search('{"total": 0, "offset": 0}').outcome is Outcome.NOT_FOUND
    assert parse_search('{"message": "Internal Server Error"}').outcome is Outcome.FAILED


def test_doi_handles(transport, clock, fixture_text):
    assert parse_handle(fixture_text("doi_handle_found.json"), 200).value == "https://zenodo.org/record/1234567"
    resolver = DoiResolver(transport, user_agent="t", clock=clock, sleep=clock.sleep)
    with responses.RequestsMock() as mock:
        mock.get("https://doi.org/api/handles/10.9999/invented.2023.001", status=404,
                 body=fixture_text("doi_handle_missing.json"), content_type="application/json")
        mock.get("https://doi.org/api/handles/10.5281/zenodo.1", status=503, body="Service Unavailable")
        assert resolver.resolve("10.9999/invented.2023.001").outcome is Outcome.NOT_FOUND
        assert resolver.resolve("10.5281/zenodo.1").outcome is Outcome.FAILED


def test_crossref_retraction_notices(fixture_text):
    work = parse_work(fixture_text("crossref_work_retracted.json")).value
    kinds = {(n.kind, n.source, n.year) for n in work.notices}
    assert kinds == {("retraction", "publisher", 2010), ("retraction", "retraction-watch", 2010)}
    assert all(n.serious for n in work.notices)
    assert parse_work(fixture_text("crossref_work_davis.json")).value.notices == ()


def test_breaker_opens_after_repeated_failures_and_an_answer_resets_it():
    breaker = Breaker("Crossref", limit=2)
    breaker.record(Reply("Crossref", Status.FAILED))
    breaker.record(Reply("Crossref", Status.ANSWERED))
    breaker.record(Reply("Crossref", Status.FAILED))
    assert not breaker.open
    breaker.record(Reply("Crossref", Status.FAILED))
    assert breaker.open and breaker.stopped().status is Status.STOPPED


@pytest.mark.parametrize("make", [MemoryAnswerCache, lambda clock: SqliteAnswerCache(":memory:", clock=clock)])
def test_answer_cache_keeps_positive_answers_for_days_negative_briefly_failures_never(make):
    now = [0.0]
    cache = make(clock=lambda: now[0])
    found = Reply("Crossref", Status.ANSWERED, (Work("Crossref", "T", ("A B",), ("B",), 2001,
                                                    notices=(Notice("retraction", "10.1/x"),)),))
    cache.put("pos", found)
    cache.put("neg", Reply("Crossref", Status.ANSWERED, missing_id="DOI 10.1/x"))
    cache.put("fail", Reply("Crossref", Status.FAILED, detail="HTTP 503"))
    assert cache.get("pos") == found and cache.get("neg") is not None and cache.get("fail") is None
    now[0] = 7 * 3600.0
    assert cache.get("pos") == found and cache.get("neg") is None
    now[0] = 8 * 86400.0
    assert cache.get("pos") is None


def test_openlibrary_book_reference_type_is_needed(reference):
    from citecheck.resolve.exist_sources import OpenLibrarySearch

    reply = OpenLibrarySearch(client=None).find(reference("x", "Doe, J", title="A Paper", type=EntryType.ARTICLE))
    assert reply.status is Status.SKIPPED


def test_the_offline_note_is_informational_and_only_when_asked(reference):
    from citecheck.resolve import offline_sources

    assert not any(s.name == "online sources" for s in offline_sources())
    note = offline_sources(note_offline=True)[-1]
    (evidence,) = note.weigh(["Zaugg", "Zuagg"], reference("z", "Zaugg, Julie"))
    assert evidence.weight == 0.0 and evidence.supports is None and evidence.detail.startswith("not verified online")
