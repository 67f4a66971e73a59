"""Evidence from a spelling found in the reference's own URL."""
from __future__ import annotations

from citecheck.model import ArchiveSnapshot, Name, Reference, Span, Url
from citecheck.resolve.url_slug import UrlNameEvidence, url_words

NEWMAN = "https://www.usnews.com/news/blogs/rick-newman/2013/04/12/heres-how-lousy-life-is-in-north-korea"


def reference(*urls: Url | str) -> Reference:
    links = tuple(u if isinstance(u, Url) else Url(u) for u in urls)
    return Reference(raw="", span=Span("refs.md", 1, 1, 0, 1), authors=(Name(family="Newman"),), urls=links)


def test_a_byline_in_the_url_supports_that_spelling():
    (evidence,) = UrlNameEvidence().weigh(["Neuman", "Newman"], reference(NEWMAN))
    assert (evidence.supports, evidence.weight, evidence.source) == ("Newman", 3.0, "reference URL")
    assert NEWMAN in evidence.detail


def test_only_whole_words_count():
    assert UrlNameEvidence().weigh(["Kin", "Kim"], reference("https://example.org/thinking-kinship")) == ()


def test_nothing_to_say_without_urls_or_when_every_spelling_is_there():
    assert UrlNameEvidence().weigh(["Newman", "Neuman"], reference()) == ()
    assert UrlNameEvidence().weigh(["Newman", "Neuman"], reference("https://x.org/newman-vs-neuman")) == ()


def test_multi_word_names_need_consecutive_words():
    hit = UrlNameEvidence().weigh(["van Dyke", "van Dike"], reference("https://x.org/authors/van-dyke/"))
    assert [e.supports for e in hit] == ["van Dyke"]
    assert UrlNameEvidence().weigh(["van Dyke", "van Dike"], reference("https://x.org/van/and/dyke")) == ()


def test_the_original_of_an_archived_url_is_read():
    snapshot = ArchiveSnapshot(url="http://web.archive.org/web/2019/" + NEWMAN, original=NEWMAN, timestamp="2019")
    archived = Url(url="http://web.archive.org/web/2019/x", snapshot=snapshot)
    assert [e.supports for e in UrlNameEvidence().weigh(["Neuman", "Newman"], reference(archived))] == ["Newman"]


def test_url_words_are_upper_case_letters_in_order():
    assert url_words("https://a.org/Rick-Newman%C3%A9/2013") == ("HTTPS", "A", "ORG", "RICK", "NEWMANE")
