"""A publisher's name that ends in an abbreviation keeps its full stop ("Longmans, Green, and Co."); the stop
that only ends the field is dropped ("Penguin.")."""
from __future__ import annotations

import pytest
from one_reference import read_one

from citecheck.parse.reference_segments import keep_abbreviation_stop


@pytest.mark.parametrize("publisher", [
    "Longmans, Green, and Co.", "Acme Inc.", "Faber & Sons Ltd.", "Harper & Bros.", "Editora Abril S.A.",
    "Little, Brown and Co.",
])
def test_an_abbreviation_ending_the_publisher_keeps_its_stop(publisher):
    assert read_one(f"Trollope, A. (1875). The way we live now. London: {publisher}").publisher == publisher
    assert read_one(f"Miller, E. 1950. *Title*. Boston: {publisher}").publisher == publisher  # Chicago


@pytest.mark.parametrize("written, publisher", [
    ("Penguin.", "Penguin"), ("Oxford University Press.", "Oxford University Press"),
    ("Acme Ltd", "Acme Ltd"),  # no stop written: none added
])
def test_the_stop_ending_the_field_is_dropped(written, publisher):
    assert read_one(f"Roe, B. (2011). Things. New York: {written}").publisher == publisher


def test_keep_abbreviation_stop_reads_the_entry():
    assert keep_abbreviation_stop("Smith, Elder and Co", "Jane Eyre. (1847). Smith, Elder and Co.") == "Smith, Elder and Co."
    assert keep_abbreviation_stop("Smith, Elder and Co", "Smith, Elder and Co, London") == "Smith, Elder and Co"
    assert keep_abbreviation_stop("Acme Inc.", "Acme Inc.") == "Acme Inc."  # never a second stop


def test_a_bibtex_firm_and_is_no_list_of_publishers():
    from citecheck.parse.bibtex import parse_bibtex

    refs, _ = parse_bibtex(
        "@book{a, title={A}, publisher={Longmans, Green, and Co.}, year={1875}}\n"
        "@book{b, title={B}, publisher={Charles Scribner and Sons}, year={1900}}\n"
        "@book{c, title={C}, publisher={Routledge and Penguin}, year={1999}}\n", "refs.bib")
    assert [r.publisher for r in refs] == ["Longmans, Green, and Co.", "Charles Scribner and Sons", "Routledge; Penguin"]


@pytest.mark.parametrize("entry, place", [
    ("Smith, J. 2001. Policy paper. Washington, D.C.: Brookings Institution.", "Washington, D.C."),
    ("Smith, J. (2001) Policy paper. Brookings Institution, Washington, D.C.", "Washington, D.C."),
    ("Lerner, Daniel. 1964. The Passing of Traditional Society. Glencoe, Ill.: Free Press.", "Glencoe, Ill."),
    ("Aarseth, E.J. 1997. Cybertext. Johns Hopkins University Press, Baltimore, MD.", "Baltimore, MD"),  # a postal code
])
def test_a_place_ending_in_an_abbreviation_keeps_its_stop(entry, place):
    assert read_one(entry).place == place
