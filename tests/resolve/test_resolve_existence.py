"""Existence checks end to end: every verdict from service answers in their real shapes, through the
real RequestsTransport under ``responses``; outages, rate limits, the breaker, offline runs, retractions
and the review-only rebuild fix."""
from __future__ import annotations

import json

import pytest
import responses

from citecheck.model import EntryType, Kind, Severity, Target, Url, Verdict
from citecheck.resolve.existence import check_existence, existence_sources

CR = "https://api.crossref.org/works"
OA = "https://api.openalex.org/works"
CDX = "https://web.archive.org/cdx/search/cdx"
HANDLES = "https://doi.org/api/handles/"
DAVIS = "Brides, Bruises and the Border: The Trafficking of North Korean Women into China"
DOI = "10.1353/sais.2006.0004"


def crossref_item(doi, title, authors, year, kind="journal-article", score=None, **extra):
    item = {"DOI": doi, "title": [title], "type": kind, "publisher": "P", "container-title": ["J"],
            "author": [{"given": g, "family": f, "sequence": "first" if i == 0 else "additional", "affiliation": []}
                       for i, (g, f) in enumerate(authors)],
            "issued": {"date-parts": [[year]]}, "subtitle": [], "relation": {}, **extra}
    if score is not None:
        item["score"] = score
    return item


def crossref_list(*items):
    return json.dumps({"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                       "message": {"facets": {}, "total-results": len(items), "items": list(items),
                                   "items-per-page": 5, "query": {"start-index": 0, "search-terms": None}}})


def openalex_work(wid, title, authors, year, doi=""):
    return {"id": f"https://openalex.org/{wid}", "doi": f"https://doi.org/{doi}" if doi else None, "title": title,
            "display_name": title, "publication_year": year, "type": "article",
            "authorships": [{"author_position": "first", "author": {"id": f"https://openalex.org/A{i}",
                                                                  "display_name": n, "orcid": None},
                             "raw_author_name": n, "institutions": []} for i, n in enumerate(authors)],
            "primary_location": {"source": {"display_name": "J"}}, "relevance_score": 100.0}


def openalex_list(*works):
    return json.dumps({"meta": {"count": len(works), "db_response_time_ms": 20, "page": 1, "per_page": 5,
                                "groups_count": None}, "results": list(works), "group_by": []})


@pytest.fixture
def sources(transport, clock):
    return existence_sources(transport, mailto="team@example.org", clock=clock, sleep=clock.sleep)


def run(refs, sources, **kw):
    return check_existence(refs, sources, max_workers=kw.pop("max_workers", 1), **kw)


def article(reference, key="davis", *authors, title=DAVIS, year=2006, **kw):
    return reference(key, *(authors or ("Davis, Kathleen",)), title=title, year=year, type=EntryType.ARTICLE, **kw)


def test_verified_by_doi_and_title(sources, reference, fixture_text):
    ref = article(reference, doi=DOI)
    with responses.RequestsMock() as mock:
        mock.get(f"{CR}/{DOI}", body=fixture_text("crossref_work_davis.json"), content_type="application/json")
        mock.get(CR, body=fixture_text("crossref_search_davis.json"), content_type="application/json")
        mock.get(f"{OA}/doi:{DOI}", body=fixture_text("openalex_work_davis.json"), content_type="application/json")
        mock.get(OA, body=fixture_text("openalex_search_davis.json"), content_type="application/json")
        (check,), findings = run([ref], sources)
    assert check.verdict is Verdict.VERIFIED and findings == ()
    assert set(check.answered) == {"Crossref", "OpenAlex"} and check.closest[0].score == 1.0
    assert "found by its DOI" in check.detail


def test_not_found_needs_two_answering_sources_and_lists_the_closest(sources, reference, fixture_text):
    ref = article(reference, "fake", "Vaswani, Ashish", title="Sparse Retrieval Attention for Sub-Quadratic Protein Folding",
                  year=2022)
    with responses.RequestsMock() as mock:
        mock.get(CR, body=fixture_text("crossref_search_close.json"), content_type="application/json")
        mock.get(OA, body=fixture_text("openalex_search_empty.json"), content_type="application/json")
        (check,), (finding,) = run([ref], sources)
    assert check.verdict is Verdict.NOT_FOUND and check.answered == ("Crossref", "OpenAlex")
    assert finding.kind is Kind.REFERENCE_NOT_FOUND and finding.severity is Severity.ERROR
    assert check.closest and "Closest:" in finding.message


@pytest.mark.parametrize("status, body, headers", [
    (503, "<html>Service Unavailable</html>", {}),
    (429, '{"message":"rate limited"}', {"Retry-After": "30"}),
    (200, '{"status":"ok","message-type":"work-list","message":{"items":[', {}),  # truncated
])
def test_one_source_failing_makes_it_undecided_never_not_found(sources, reference, fixture_text, status, body, headers):
    ref = article(reference, "fake", "Vaswani, Ashish", title="Sparse Retrieval Attention for Protein Folding", year=2022)
    with responses.RequestsMock() as mock:
        mock.get(CR, body=body, status=status, headers=headers)
        mock.get(OA, body=fixture_text("openalex_search_empty.json"), content_type="application/json")
        (check,), (finding,) = run([ref], sources)
    assert check.verdict is Verdict.UNDECIDED and check.unanswered == ("Crossref",)
    assert finding.kind is Kind.REFERENCE_UNDECIDED and finding.severity is Severity.WARNING
    assert any("not verified online: Crossref did not answer" in e.detail for e in check.evidence)


def test_mismatch_when_the_doi_belongs_to_another_work(sources, reference, fixture_text):
    go = crossref_item("10.1038/nature16961", "Mastering the game of Go with deep neural networks and tree search",
                       [("David", "Silver"), ("Aja", "Huang")], 2016)
    right = crossref_item("10.1038/nature14236", "Human-level control through deep reinforcement learning",
                          [("Volodymyr", "Mnih"), ("Koray", "Kavukcuoglu")], 2015, score=90.0)
    ref = article(reference, "mnih", "Mnih, Volodymyr", "Kavukcuoglu, Koray",
                  title="Human-level control through deep reinforcement learning", year=2015, doi="10.1038/nature16961")
    with responses.RequestsMock() as mock:
        mock.get(f"{CR}/10.1038/nature16961", json={"status": "ok", "message-type": "work", "message": go})
        mock.get(CR, body=crossref_list(right), content_type="application/json")
        mock.get(f"{OA}/doi:10.1038/nature16961", status=404, json={"error": "404 Not Found"})
        mock.get(OA, body=openalex_list(), content_type="application/json")
        (check,), (finding,) = run([ref], sources)
    assert check.verdict is Verdict.MISMATCH and "another work" in check.detail
    assert finding.kind is Kind.REFERENCE_MISMATCH and finding.severity is Severity.ERROR
    fix = finding.fix
    assert fix.target is Target.REFERENCE and fix.field == "entry" and fix.confidence < 0.8
    assert fix.after.startswith("@article{mnih,") and "10.1038/nature14236" in fix.after  # the user's key kept


def test_other_authors_after_a_second_search_among_the_first_authors_works(sources, reference):
    real = crossref_item("10.1109/cvpr.2016.90", "Deep Residual Learning for Image Recognition",
                         [("Kaiming", "He"), ("Xiangyu", "Zhang"), ("Shaoqing", "Ren"), ("Jian", "Sun")], 2016, score=80.0)
    ref = article(reference, "bengio", "Bengio, Yoshua", "Hinton, Geoffrey",
                  title="Deep Residual Learning for Image Recognition", year=2016)
    with responses.RequestsMock() as mock:
        searches = mock.get(CR, body=crossref_list(real), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        (check,), (finding,) = run([ref], sources)
        urls = [c.request.url for c in mock.calls if c.request.url.startswith(CR)]
    assert searches.call_count == 2 and "query.author=Bengio" in urls[1] and "query.author" not in urls[0]
    assert check.verdict is Verdict.MISMATCH and check.detail.startswith("authors:")
    assert "He" in finding.fix.after and "{bengio," in finding.fix.after


def test_second_search_finds_the_authors_own_paper(sources, reference):
    other = crossref_item("10.1/other", "Learning to Rank with Graphs", [("Ann", "Other")], 2019, score=50.0)
    own = crossref_item("10.1/own", "Learning to Rank with Graphs", [("Jo", "Smith")], 2019, score=60.0)
    ref = article(reference, "smith", "Smith, Jo", title="Learning to Rank with Graphs", year=2019)
    with responses.RequestsMock() as mock:
        mock.get(CR, body=crossref_list(other), content_type="application/json")
        mock.get(CR, body=crossref_list(own, other), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        (check,), findings = run([ref], sources)
    assert check.verdict is Verdict.VERIFIED and findings == ()


def test_year_outside_the_window_is_a_mismatch_but_a_preprint_window_is_not(sources, reference):
    lstm = crossref_item("10.1162/neco.1997.9.8.1735", "Long Short-Term Memory",
                         [("Sepp", "Hochreiter"), ("Jürgen", "Schmidhuber")], 1997, score=70.0)
    wrong = article(reference, "h", "Hochreiter, Sepp", "Schmidhuber, Jürgen", title="Long Short-Term Memory", year=2005)
    bert = crossref_item("10.18653/v1/n19-1423", "BERT: Pre-training of Deep Bidirectional Transformers for Language "
                         "Understanding", [("Jacob", "Devlin"), ("Ming-Wei", "Chang")], 2019, kind="proceedings-article",
                         score=80.0)
    preprint = article(reference, "d", "Devlin, Jacob", "Chang, Ming-Wei", title="BERT: Pre-training of Deep "
                       "Bidirectional Transformers for Language Understanding", year=2018, container="arXiv preprint")
    with responses.RequestsMock() as mock:
        mock.get(CR, body=crossref_list(lstm), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        (check,), (finding,) = run([wrong], sources)
    assert check.verdict is Verdict.MISMATCH and check.detail.startswith("year:")
    with responses.RequestsMock() as mock:
        mock.get(CR, body=crossref_list(bert), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        (check,), findings = run([preprint], sources)
    assert check.verdict is Verdict.VERIFIED


def test_arxiv_identifier_checked_and_an_unknown_id_is_evidence(sources, reference, fixture_text):
    real = article(reference, "v", "Vaswani, Ashish", title="Attention Is All You Need", year=2017,
                   doi="10.48550/arXiv.1706.03762")
    with responses.RequestsMock() as mock:
        mock.get("https://export.arxiv.org/api/query", body=fixture_text("arxiv_query_attention.xml"))
        mock.get(f"{CR}/10.48550/arxiv.1706.03762", status=404, body="Resource not found.")
        mock.get(CR, body=crossref_list(), content_type="application/json")
        mock.get(f"{OA}/doi:10.48550/arxiv.1706.03762", status=404, json={"error": "404 Not Found"})
        mock.get(OA, body=openalex_list(), content_type="application/json")
        mock.get(f"{HANDLES}10.48550/arxiv.1706.03762", json={"responseCode": 1, "handle": "10.48550/ARXIV.1706.03762",
                                                             "values": []})
        (check,), _ = run([real], sources)
    assert check.verdict is Verdict.VERIFIED and "arXiv" in check.answered


def test_unregistered_doi_and_nothing_close_is_not_found(sources, reference, fixture_text):
    ref = article(reference, "inv", "Doe, Jane", title="Quantum Gradient Folding for Federated Graph Pruning",
                  year=2023, doi="10.9999/invented.2023.001")
    with responses.RequestsMock() as mock:
        mock.get(f"{CR}/10.9999/invented.2023.001", status=404, body="Resource not found.")
        mock.get(CR, body=fixture_text("crossref_search_empty.json"), content_type="application/json")
        mock.get(f"{OA}/doi:10.9999/invented.2023.001", status=404, json={"error": "404 Not Found"})
        mock.get(OA, body=openalex_list(), content_type="application/json")
        mock.get(f"{HANDLES}10.9999/invented.2023.001", status=404, body=fixture_text("doi_handle_missing.json"))
        (check,), (finding,) = run([ref], sources)
    assert check.verdict is Verdict.NOT_FOUND and "does not know DOI 10.9999/invented.2023.001" in check.detail


def _page(title):
    return f"<html><head><title>{title}</title><meta name='author' content='Julie Zaugg'></head><body></body></html>"


def test_grey_literature_is_verified_by_its_page_never_called_fabricated_for_lacking_an_index(sources, reference):
    url = "https://edition.cnn.com/2014/01/20/world/asia/china-north-korea-brides/index.html"
    ref = reference("zaugg", "Zaugg, Julie", title="The North Korean women sold as brides in China", year=2014,
                    type=EntryType.NEWS, urls=(Url(url),))
    with responses.RequestsMock() as mock:
        mock.get(CR, body=crossref_list(), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        mock.get(url, body=_page("The North Korean women sold as brides in China - CNN"), content_type="text/html")
        (check,), findings = run([ref], sources)
    assert check.verdict is Verdict.VERIFIED and "cited page" in check.detail and findings == ()


def test_dead_page_with_a_capture_is_link_rot_and_without_one_is_not_found(sources, reference):
    rotted, invented = "https://news.example.org/2015/report.html", "https://www.who.int/reports/ai-governance-2023"
    refs = [reference(k, "Doe, Jane", title=t, year=2015, type=EntryType.REPORT, urls=(Url(u),))
            for k, t, u in (("rot", "Annual report on river pollution", rotted),
                            ("inv", "Global report on AI governance in health systems", invented))]
    rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
            ["org,example,news)/2015/report.html", "20150710120000", rotted, "text/html", "200", "ABC", "1234"]]
    with responses.RequestsMock() as mock:
        mock.get(CR, body=crossref_list(), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        mock.get(rotted, status=404)
        mock.get(invented, status=404)
        mock.get(CDX, match=[responses.matchers.query_param_matcher({"url": rotted}, strict_match=False)], json=rows)
        mock.get(CDX, match=[responses.matchers.query_param_matcher({"url": invented}, strict_match=False)], json=[])
        mock.get(f"https://web.archive.org/web/20150710120000id_/{rotted}",
                 body=_page("Annual report on river pollution"), content_type="text/html")
        (rot, inv), findings = run(refs, sources)
    assert rot.verdict is Verdict.VERIFIED and "Wayback Machine" in rot.detail
    assert inv.verdict is Verdict.NOT_FOUND and "no capture" in inv.detail
    assert [f.reference for f in findings] == ["inv"]


def test_a_blocked_page_is_undecided(sources, reference):
    url = "https://www.example.org/policy-brief"
    ref = reference("b", "Doe, Jane", title="Policy brief on water", year=2019, type=EntryType.REPORT, urls=(Url(url),))
    with responses.RequestsMock() as mock:
        mock.get(CR, body=crossref_list(), content_type="application/json")
        mock.get(OA, body=openalex_list(), content_type="application/json")
        mock.get(url, status=403)
        mock.get(CDX, status=503)
        (check,), _ = run([ref], sources)
    assert check.verdict is Verdict.UNDECIDED


def test_retracted_work_is_verified_and_flagged(sources, reference, fixture_text):
    doi = "10.1016/s0140-6736(97)11096-0"
    quoted = "10.1016/s0140-6736%2897%2911096-0"  # as the clients send it
    ref = article(reference, "wakefield", "Wakefield, AJ", title="Ileal-lymphoid-nodular hyperplasia, non-specific "
                  "colitis, and pervasive developmental disorder in children", year=1998, doi=doi)
    with responses.RequestsMock() as mock:
        mock.get(f"{CR}/{quoted}", body=fixture_text("crossref_work_retracted.json"), content_type="application/json")
        mock.get(CR, body=crossref_list(), content_type="application/json")
        mock.get(f"{OA}/doi:{quoted}", status=404, json={"error": "404 Not Found"})
        mock.get(OA, body=openalex_list(), content_type="application/json")
        (check,), (finding,) = run([ref], sources)
    assert check.verdict is Verdict.VERIFIED
    assert finding.kind is Kind.RETRACTED and finding.severity is Severity.WARNING and "retraction" in finding.message


def test_offline_says_so_once_and_asks_nothing(sources, reference):
    refs = [article(reference, f"r{i}") for i in range(3)]
    with responses.RequestsMock():  # any request would fail the test
        checks, findings = check_existence(refs, sources, offline=True)
    assert {c.verdict for c in checks} == {Verdict.UNDECIDED} and len(findings) == 1
    assert findings[0].reference is None and "offline" in findings[0].message


def test_every_source_unreachable_gives_undecided_once_and_the_breaker_stops_asking(sources, reference):
    refs = [article(reference, f"r{i}", title=f"A study of things number {i} in depth") for i in range(6)]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        crossref = mock.get(CR, body=ConnectionError("network is unreachable"))
        mock.get(OA, body=ConnectionError("network is unreachable"))
        checks, findings = run(refs, sources)
    assert {c.verdict for c in checks} == {Verdict.UNDECIDED}
    assert len(findings) == 1 and "no source answered" in findings[0].message and "stopped asking" in findings[0].message
    assert crossref.call_count == 3  # the breaker's limit


def test_concurrent_run_gives_the_same_verdicts_in_order(sources, reference, fixture_text):
    refs = [article(reference, f"r{i}") for i in range(5)]
    with responses.RequestsMock() as mock:
        mock.get(CR, body=fixture_text("crossref_search_davis.json"), content_type="application/json")
        mock.get(OA, body=fixture_text("openalex_search_davis.json"), content_type="application/json")
        checks, _ = check_existence(refs, sources, max_workers=4)
    assert [c.reference for c in checks] == [f"r{i}" for i in range(5)]
    assert {c.verdict for c in checks} == {Verdict.VERIFIED}


def test_a_registered_doi_no_index_holds_is_undecided_not_fabricated(sources, reference, fixture_text):
    doi = "10.5281/zenodo.1234567"
    ref = reference("pandas", "Team, Pandas", title="pandas-dev/pandas: Pandas 1.0.3", year=2020, doi=doi)
    with responses.RequestsMock() as mock:
        mock.get(f"{CR}/{doi}", status=404, body="Resource not found.")
        mock.get(CR, body=fixture_text("crossref_search_empty.json"), content_type="application/json")
        mock.get(f"{OA}/doi:{doi}", status=404, json={"error": "404 Not Found"})
        mock.get(OA, body=openalex_list(), content_type="application/json")
        mock.get(f"{HANDLES}{doi}", body=fixture_text("doi_handle_found.json"), content_type="application/json")
        (check,), (finding,) = run([ref], sources)
    assert check.verdict is Verdict.UNDECIDED and "registered" in check.detail


def test_semantic_scholar_is_optional_and_its_base_url_configurable(transport, clock, reference, fixture_text):
    off = existence_sources(transport, clock=clock, sleep=clock.sleep)
    on = existence_sources(transport, clock=clock, sleep=clock.sleep, semantic_scholar_base="https://s2.test",
                           crossref_base="https://cr.test", openalex_base="https://oa.test")
    assert "Semantic Scholar" not in [s.name for s in off.indexes]
    ref = article(reference, "v", "Vaswani, Ashish", title="Attention Is All You Need", year=2017)
    with responses.RequestsMock() as mock:
        mock.get("https://s2.test/graph/v1/paper/search", body=fixture_text("s2_search_attention.json"))
        mock.get("https://cr.test/works", body=crossref_list(), content_type="application/json")
        mock.get("https://oa.test/works", body=openalex_list(), content_type="application/json")
        (check,), findings = run([ref], on)
    assert check.verdict is Verdict.VERIFIED and "Semantic Scholar" in check.detail


def test_lookups_run_concurrently_and_come_back_in_order(reference):
    import threading
    import time as clock_time

    from citecheck.resolve.prefetch import lookup_all
    from citecheck.resolve.record import WorkRecord

    class Slow:
        name = "slow"

        def __init__(self):
            self.threads = set()

        def lookup(self, ref):
            self.threads.add(threading.get_ident())
            clock_time.sleep(0.02)
            return WorkRecord(source="slow", authors=(), title=ref.key)

    slow = Slow()
    refs = [reference(f"k{i}", "Doe, J", title="T") for i in range(8)]
    records = lookup_all(refs, [slow], max_workers=4)
    assert [r[0].title for r in records] == [f"k{i}" for i in range(8)] and len(slow.threads) > 1
