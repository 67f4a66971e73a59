"""A URL that a PDF's line breaking cut mid-word (".../name_that_wr" + "aps.html") is rejoined
when the next line reads as its rest, and the repair is reported; a space in prose joins nothing."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText, Kind, Severity
from citecheck.parse.references import parse_reference_list
from citecheck.parse.urls import extract_urls

ENTRY = ("Eee, J. (2018). Page five. Example Site. Available at: http://example.org/exact/a_very_long_file_name_that_wr\n"
         "aps.html (Accessed: 3 May 2020).")


def test_a_url_cut_mid_word_at_a_line_end_is_rejoined_and_reported():
    ref, = parse_reference_list(CleanText.identity("f", ENTRY))
    assert [u.url for u in ref.urls] == ["http://example.org/exact/a_very_long_file_name_that_wraps.html"]
    assert ref.note == ""
    repaired, = [f for f in ref.findings if f.kind is Kind.URL_REPAIRED]
    assert repaired.severity is Severity.INFO and "cut mid-word" in repaired.message
    assert repaired.fix.after == "http://example.org/exact/a_very_long_file_name_that_wraps.html"


def wrapped_at(text: str, at: int):
    return extract_urls(text, lambda i: i == at)


@pytest.mark.parametrize("text, url", [
    ("See https://example.org/files/rep ort.pdf now", "https://example.org/files/report.pdf"),
    ("See https://example.org/view/ex ample.php?id=3.", "https://example.org/view/example.php?id=3"),
])
def test_a_line_break_inside_a_word_of_the_url_is_joined(text, url):
    found, = wrapped_at(text, text.index(" ", 5))
    assert found.repaired == url and found.url.raw == text[4 : 4 + len(found.url.raw)]


@pytest.mark.parametrize("text", [
    "See https://example.org/files/report.pdf Accessed 3 May 2020",  # a whole address, then a word
    "See https://example.org/files/report Retrieved.",               # the next line is a word
    "See https://example.org/files/report 2020.",                    # ... or a year
    "See https://example.org/files/report (accessed).",
    "See https://example.org/files/report. next.html",               # the line ended a sentence
    "See https://example.org report.html",                           # no path yet: not cut mid-path
    "See https://example.org/files/report doi.org/10.1000/xyz",      # another address
])
def test_what_follows_a_whole_url_is_not_joined(text):
    found, = wrapped_at(text, text.index(" ", 5))
    assert " " not in found.url.raw


def test_without_line_breaks_a_space_joins_nothing():
    found, = extract_urls("See https://example.org/files/rep ort.pdf now")
    assert found.repaired == "https://example.org/files/rep"
