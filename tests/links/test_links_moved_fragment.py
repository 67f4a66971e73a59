"""A permanently redirected URL with a fragment ("#section-2"): the fragment is never sent, the
server's Location has none, and the URL proposed by url-moved must keep it (RFC 9110 10.2.2),
or --fix silently drops the part of the reference that names the section."""
from __future__ import annotations

from citecheck.links.findings import link_findings, moved_to
from citecheck.model import Kind, LinkCheck, LinkStatus, Reference, Span, Url

SPAN = Span("essay.md", 9, 1, 0, 10)


def test_the_moved_url_keeps_the_cited_fragment():
    url = "http://a.example/old/page#section-2"
    check = LinkCheck(url=url, status=LinkStatus.REDIRECTED, http_status=200, final_url="http://a.example/new/page",
                      redirects=("http://a.example/new/page",), detail="HTTP 200; 1 permanent redirect(s)")
    ref = Reference(raw="r", span=SPAN, key="r", urls=(Url(url),))
    [moved] = link_findings(ref, url, check, permanent_redirect=True)
    assert moved.kind is Kind.URL_MOVED
    assert moved.fix.after == "http://a.example/new/page#section-2" == moved.suggested
    assert "#section-2" in moved.message


def test_a_fragment_the_redirect_gives_wins_and_no_fragment_changes_nothing():
    assert moved_to("http://a.example/x#a", "http://a.example/y#b") == "http://a.example/y#b"
    assert moved_to("http://a.example/x", "http://a.example/y") == "http://a.example/y"
    assert moved_to("http://a.example/x?q=1#top", "https://a.example/x?q=1") == "https://a.example/x?q=1#top"
