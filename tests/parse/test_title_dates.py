"""Dates that belong to the title or stand for the date: an italic title's own year range, and a
title-first entry's "(n.d.)"."""
from __future__ import annotations

from citecheck.model import Kind

from one_reference import read_one as _read


def test_an_italic_title_keeps_its_own_year_range():
    ref = _read("Gates, Henry Louis, Jr., and Gene Andrew Jarrett, editors. *The New Negro: Readings on Race, "
                "Representation, and African American Culture, 1892-1938*. Princeton UP, 2007.")
    assert ref.title == "The New Negro: Readings on Race, Representation, and African American Culture, 1892-1938"
    assert ref.year == 2007


def test_a_title_first_entry_without_a_date():
    ref = _read("Fiji relocates villages as seas rise (n.d.) BBC News. Available at: "
                "https://www.bbc.co.uk/news/world-asia-12345678")
    assert (ref.title, ref.no_date, ref.year) == ("Fiji relocates villages as seas rise", True, None)
    assert not any(f.kind is Kind.MALFORMED_REFERENCE for f in ref.findings)  # once "no year (nor n.d.)"
