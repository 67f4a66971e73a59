"""Soft-404 signs: pure checks, and the sibling probe against a local server."""
from __future__ import annotations

import random

import pytest

from citecheck.links.checker import UrlChecker
from citecheck.links.http import Hop, HttpResponse
from citecheck.links.soft404 import PageInfo, assess, not_found_phrase, page_info, random_sibling
from citecheck.model import LinkStatus


def html(body: str, url="https://x.org/a/b", status=200, **kw) -> HttpResponse:
    return HttpResponse(url=url, status=status, final_url=kw.pop("final", url), body=body.encode(),
                        headers={"content-type": "text/html; charset=utf-8"}, **kw)


@pytest.mark.parametrize("title, phrase", [
    ("Page Not Found | Example", "page not found"), ("Error 404", "404"), ("404", "404"),
    ("Seite nicht gefunden", "seite nicht gefunden"), ("Page introuvable", "page introuvable"),
    ("Página no encontrada", "página no encontrada"), ("This page is no longer available", "no longer available"),
    ("Annual report 2015", None), ("Route 404 through the Alps: a history of the road network", None),
])
def test_not_found_phrase_in_title(title, phrase):
    assert not_found_phrase(PageInfo(title=title)) == phrase


def test_page_info_reads_title_og_title_h1_and_text():
    info = page_info(html('<html><head><title> A  report </title><meta property="og:title" content="The Report">'
                          '<script>var x="hidden"</script></head><body><h1>Report</h1><p>Body text</p></body></html>'))
    assert (info.title, info.og_title, info.h1, info.best_title) == ("A report", "The Report", "Report", "The Report")
    assert "hidden" not in info.text and "Body text" in info.text


def test_random_sibling_keeps_depth_and_extension():
    rng = random.Random(3)
    s = random_sibling("https://x.org/docs/2015/report.pdf?x=1", rng)
    assert s.startswith("https://x.org/docs/2015/citecheck-") and s.endswith(".pdf") and "?" not in s
    assert random_sibling("https://x.org/a/", rng).count("/") == "https://x.org/a/".count("/")


def test_assess_redirect_to_generic_page():
    page = html("<title>Oops</title>", final="https://x.org/errors/404.html",
                redirects=(Hop(302, "https://x.org/errors/404.html"),))
    assert assess(page, page_info(page)) == "generic-landing"


def test_sibling_probe_identical_page_is_soft_404(web, local_transport):
    gone = web.page("Example Library", "Sorry, we could not locate that item.")
    web.fallback = lambda h: web.send(h, 200, gone)  # every unknown path: 200 with the same page
    web.routes["/items/real"] = lambda h: web.send(h, 200, web.page("A real item", "Plenty of distinct text " * 20))
    checker = UrlChecker(local_transport)
    assert checker.check(web.url("/items/1234")).check.status is LinkStatus.SOFT_404
    assert "sibling-probe" in checker.check(web.url("/items/99")).check.detail
    assert checker.check(web.url("/items/real")).check.status is LinkStatus.ALIVE
    probes = [p for m, p in web.hits if "citecheck-" in p]
    assert len(probes) == 1  # one probe for the directory, reused


def test_real_404_probe_keeps_page_alive(web, local_transport):
    web.routes["/docs/a"] = lambda h: web.send(h, 200, web.page("Doc A", "Text"))
    out = UrlChecker(local_transport).check(web.url("/docs/a"))
    assert out.check.status is LinkStatus.ALIVE and out.info.title == "Doc A"


def test_redirect_to_root_is_soft_404(web, local_transport):
    web.routes["/old/article"] = lambda h: web.send(h, 301, headers={"Location": "/"})
    web.routes["/"] = lambda h: web.send(h, 200, web.page("Home"))
    out = UrlChecker(local_transport).check(web.url("/old/article"))
    assert out.check.status is LinkStatus.SOFT_404 and "redirect-to-root" in out.check.detail


def test_not_found_title_on_200_is_soft_404(web, local_transport):
    web.routes["/p"] = lambda h: web.send(h, 200, web.page("Page not found"))
    assert UrlChecker(local_transport).check(web.url("/p")).check.status is LinkStatus.SOFT_404


@pytest.mark.parametrize("title, phrase", [
    ("Document 404 on the history of the road", None), ("Report 404 of 2019", None),
    ("404 - Example Site", "404"), ("Example | 404", "404"), ("Oops, page 404", "404"),
])
def test_404_in_a_title_counts_at_its_edges_or_with_an_error_word(title, phrase):
    assert not_found_phrase(PageInfo(title=title)) == phrase


def test_page_info_decodes_entities_skips_comments_and_reads_og_by_name():
    info = page_info(html("<html><head><title>Caf&eacute; &amp; Co</title>"
                          "<meta name='og:title' content='The Caf&eacute;'></head><body>"
                          "<!-- <h1>hidden</h1> --><style>p{}</style><h1>Menu <b>today</b></h1>"
                          "<p>Soup &lt;hot&gt;</p></body></html>"))
    assert (info.title, info.og_title, info.h1) == ("Café & Co", "The Café", "Menu today")
    assert "Soup <hot>" in info.text and "hidden" not in info.text and "p{}" not in info.text


def test_check_cached_gives_up_at_the_first_answer_not_stored():
    page = html("<title>A page</title><p>text</p>", url="https://x.org/a/b")
    stored = {("GET", "https://x.org/a/b"): page}
    lookup = lambda method, url, **kw: stored.get((method, url))  # noqa: E731
    checker = UrlChecker(transport=None)
    assert checker.check_cached("https://x.org/a/b", lookup) is None  # its sibling probe is not stored
    probe_url = [u for u in _probe_urls(checker, "https://x.org/a/b")][0]
    stored[("GET", probe_url)] = HttpResponse(url=probe_url, status=404)
    out = checker.check_cached("https://x.org/a/b", lookup)
    assert out.check.status is LinkStatus.ALIVE and out.response.body == b""


def _probe_urls(checker, url):
    seen = []
    checker.check_cached(url, lambda method, u, **kw: seen.append(u) or (html("<title>A page</title>", url=u)
                                                                         if u == url else None))
    return [u for u in seen if u != url]
