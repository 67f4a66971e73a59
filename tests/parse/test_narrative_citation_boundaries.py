"""A narrative citation's names never reach back into a heading or across a paragraph break:
"Zuagg (2019) argues" after "# Background" cites Zuagg (so a misspelling is caught as one)."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations


def names(text: str) -> list[tuple[str, ...]]:
    return [c.name_texts for c in find_citations(CleanText.identity("f", text))]


@pytest.mark.parametrize("text", [
    "# Background\n\nZuagg (2019) argues this.",
    "# Background\nZuagg (2019) argues this.",
    "Background\n\nZuagg (2019) argues this.",
    "Background\nZuagg (2019) argues this.",
    "It rose in 2018.\n2.1 Background\nZuagg (2019) argues this.",  # a PDF's text: no blank lines
    "It rose in 2018.\nBackground\nZuagg (2019) argues this.",
    "The last paragraph ends Here\n\nZuagg (2019) argues this.",
])
def test_names_stop_at_a_heading_or_paragraph_break(text):
    assert names(text) == [("Zuagg",)]


@pytest.mark.parametrize("text, expected", [
    ("as Smith and\nJones (2019) show", ("Smith", "Jones")),
    ("the work of Smith,\nJones, and Lee (2019) shows", ("Smith", "Jones", "Lee")),
    ("argued by\nYoon\n(2019) before", ("Yoon",)),
    ("# Methods\n\nSmith and Jones (2019) show", ("Smith", "Jones")),
])
def test_names_wrapped_inside_a_paragraph_are_still_read(text, expected):
    assert names(text) == [expected]


def test_a_case_name_stops_at_a_heading_too():
    found, = find_citations(CleanText.identity("f", "# Key Cases\nBrown v. Board of Education (1954) held."))
    assert found.name_texts == ("Brown v. Board of Education",) and found.title_as_author


@pytest.mark.parametrize("text, expected", [
    ("varying widely between sources (Za-\nugg, 2019). The", [("Zaugg",)]),
    ("as Kor-\nnacki (2020) notes", [("Kornacki",)]),
    ("as Smith-\nJones (2018) notes", [("Smith-Jones",)]),  # a capital after it: the name's own hyphen
    ("also (Hernández-\nLópez, 2017; Lee, 2001).", [("Hernández-López",), ("Lee",)]),
])
def test_a_name_hyphenated_at_a_line_end_is_one_name(text, expected):
    # justified text in a PDF breaks a name at a hyphen: "(Za-" + "ugg, 2019)" cites Zaugg
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("as shown by Smith-\nJones (2019) here", ("Smith-Jones",)),  # was "Jones" alone: a missing reference
    ("as shown (Okafor & Smith-\nJones, 2021) here", ("Okafor", "Smith-Jones")),  # was one title "Okafor & Smith- Jones"
    ("as shown (Lee-\nFischer et al., 2019) here", ("Lee-Fischer",)),
    ("as shown (Baker & Kowal-\nski, 2001) here", ("Baker", "Kowalski")),  # hyphenated by the typesetter
    ("as Eriks-\nson and Chen (2004) show", ("Eriksson", "Chen")),
])
def test_a_compound_name_a_pdfs_line_break_cut_after_its_hyphen_is_one_name(text, expected):
    assert names(text) == [expected]
