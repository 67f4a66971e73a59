"""Vancouver entries whose title is one word: the names end at the full stop after their initials."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.references import parse_reference_list


def _read(entry: str):
    (ref,) = parse_reference_list(CleanText.identity("r.md", entry))
    return [(n.family, n.given) for n in ref.authors], ref.title, ref.container


@pytest.mark.parametrize("entry, authors, title, journal", [
    ("Chen L, Wu H. Heat. Lancet. 2020;395(10223):100-5.", [("Chen", "L."), ("Wu", "H.")], "Heat", "Lancet"),
    ("Okafor C. Malaria. N Engl J Med. 2018;378:1-10.", [("Okafor", "C.")], "Malaria", "N Engl J Med"),
    ("Kim Y. Sleep. Sleep. 2016;39(1):1-2.", [("Kim", "Y.")], "Sleep", "Sleep"),
    ("Lee K. Malaria. Lancet. 2020 Mar 5;395:1-2.", [("Lee", "K.")], "Malaria", "Lancet"),
    ("Chen L, Wu H. Heat stroke. Lancet. 2020;395(10223):100-5.", [("Chen", "L."), ("Wu", "H.")], "Heat stroke", "Lancet"),
])
def test_a_one_word_title_is_no_part_of_the_names(entry, authors, title, journal):
    assert _read(entry) == (authors, title, journal)


@pytest.mark.parametrize("entry, authors", [
    ("O'Connor P. Trees and tarmac. Landsc Res. 2017;42(3):201–215.", [("O'Connor", "P.")]),
    ("Smith J, Lee K. Trees and tarmac. Landsc Res. 2017;42(3):201–215.", [("Smith", "J."), ("Lee", "K.")]),
    ("D’Souza R. Trees and tarmac. Landsc Res. 2017;42(3):201–215.", [("D’Souza", "R.")]),
])
def test_a_short_title_with_and_or_a_name_with_an_apostrophe_is_no_part_of_the_names(entry, authors):
    """A PLOS page's list (new user, session 12): "and" inside a sentence-case title was read as names going on,
    and "O'Connor" as no Vancouver family name, so the title ran into the names ("Lee K. Trees") and the entry
    had no title, nor a journal."""
    assert _read(entry) == (authors, "Trees and tarmac", "Landsc Res")


def test_given_first_names_with_a_middle_initial_stay_names():
    authors, title, _ = _read("John A. Smith. Widgets. Wiley, 2001.")  # no Vancouver date: not read as Vancouver
    assert authors == [("Smith", "John A.")] and title == "Widgets"


@pytest.mark.parametrize("entry, author, title", [
    ("4. Green B. Another. London: Penguin; 2001.", ("Green", "B."), "Another"),
    ("[7] Okafor C. Malaria. Lagos: University Press; 2018.", ("Okafor", "C."), "Malaria"),
])
def test_a_numbered_vancouver_book_with_a_one_word_title(entry, author, title):
    """A book's "Publisher; 2001." dates it the Vancouver way too (new user, round 8)."""
    authors, read_title, _ = _read(entry)
    assert authors == [author] and read_title == title
