"""A URL followed by words that read as the rest of its path ("…/slug-name with underscores.html", as
pypdf reads a URL whose underscores pdflatex drew as rules) is reported as looking cut, not kept
silently as the shorter URL; prose after a URL is not."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText, Kind, Severity
from citecheck.parse.references import parse_reference_list
from citecheck.parse.urls import spaced_rest


def rest(text: str) -> str:
    start = text.index("http")
    return spaced_rest(text, start, start + len(text[start:].split()[0]))


@pytest.mark.parametrize("text, expected", [
    ("Site. http://x.org/articles/some-slug-name with underscores.html", "with underscores.html"),
    ("http://x.org/docs/glotip 2018 BOOK web small.pdf.", "2018 BOOK web small.pdf"),
    ("http://x.org/impact/Final BrochureWHA2008a.pdf", "BrochureWHA2008a.pdf"),
    ("http://x.org/cgi/show page?id=3", "page?id=3"),
])
def test_words_that_end_a_path_are_its_rest(text, expected):
    assert rest(text) == expected


@pytest.mark.parametrize("text", [
    "http://x.org/a.html with x.html",  # the URL ends like a whole address
    "http://x.org/a/ index.html",
    "http://x.org/a (Accessed 3 May 2020).",
    "http://x.org/a accessed 3 May 2020.",
    "http://x.org/a Retrieved from x.html",
    "http://x.org/a and https://y.org/b.html",
    "http://x.org/a example.org/b.html",
    "http://x.org/report viewed 2020-05-03.",
    "http://x.org page.html",  # no path
])
def test_prose_after_a_url_is_not_its_rest(text):
    assert rest(text) == ""


def test_the_entry_says_its_url_looks_cut():
    entry = ("Lee, B. (2018). A very long title. Example Site. http://example.org/articles/some-very-long-slug-name "
             "with underscores.html\n")
    (ref,) = parse_reference_list(CleanText.identity("refs.md", entry))
    (cut,) = [f for f in ref.findings if "looks cut" in f.message]
    assert (cut.kind, cut.severity) == (Kind.MALFORMED_REFERENCE, Severity.WARNING)
    assert "http://example.org/articles/some-very-long-slug-name_with_underscores.html?" in cut.message
    assert entry[cut.span.start : cut.span.end] == ("http://example.org/articles/some-very-long-slug-name "
                                                    "with underscores.html")


def test_a_url_with_a_link_or_in_angle_brackets_is_not_read_so():
    for entry in ("Lee, B. (2018). Title. <http://example.org/a/b> with underscores.html\n",
                  "Lee, B. (2018). Title. [link](http://example.org/a/b) with underscores.html\n"):
        (ref,) = parse_reference_list(CleanText.identity("refs.md", entry))
        assert not [f for f in ref.findings if "looks cut" in f.message]
