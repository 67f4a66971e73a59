"""A whole book's "240 p." is its number of pages (``pagetotal``), not a part's pages."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText, EntryType
from citecheck.parse.references import parse_reference_list


def one(text: str):
    (ref,) = parse_reference_list(CleanText.identity("refs.txt", text))
    return ref


@pytest.mark.parametrize("text, total", [
    ("Halldórsson J. Saga of the north. Reykjavík: Mál og menning; 2005. 240 p.", "240"),  # Citing Medicine
    ("Dupont, Marie. Soins infirmiers. Paris : MASSON, 2006. 340 p.", "340"),  # NF Z44-005
    ("Gleick, James. Chaos: Making a New Science. New York: Penguin, 1988. 368 pp.", "368"),
])
def test_a_books_number_of_pages_is_its_page_total(text, total):
    ref = one(text)
    assert ref.type is EntryType.BOOK
    assert ref.pages == "" and dict(ref.extra)["pagetotal"] == total


def test_an_articles_pages_stay_its_pages():
    ref = one("Smith, A. (2019). Hot cities. Journal of Heat, 1(2), 240-251.")
    assert ref.pages == "240-251" and "pagetotal" not in dict(ref.extra)
