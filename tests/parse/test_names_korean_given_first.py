"""Korean names written given name first, as English sources write them ("Min Jin Lee", "Won Park"):
persons with the Korean family name, not literals; places, firms and ambiguous pairs stay as they were."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.names import parse_author_list
from citecheck.parse.references import parse_reference_list


def read(text: str) -> list[tuple[str, str, str]]:
    return [(n.family, n.given, n.literal) for n in parse_author_list(text)]


@pytest.mark.parametrize("text, expected", [
    ("Min Jin Lee", [("Lee", "Min Jin", "")]),
    ("Won Park", [("Park", "Won", "")]),
    ("Seoyeon Kim", [("Kim", "Seoyeon", "")]),
    ("Kyung-sook Shin", [("Shin", "Kyung-sook", "")]),
    ("Min Jin Lee and Won Park", [("Lee", "Min Jin", ""), ("Park", "Won", "")]),
    ("Min Jin Lee, Won Park, and Sang-Hun Choe", [("Lee", "Min Jin", ""), ("Park", "Won", ""), ("Choe", "Sang-Hun", "")]),
    ("Lee, Min Jin, and Won Park", [("Lee", "Min Jin", ""), ("Park", "Won", "")]),
    # plainnat's list, given names first, its first author's given name a family name too: before, "Kim Lee" was read
    # as a family name and "Ji-hoon Park" as its given name (the entry cited "Lee et al." reported missing)
    ("Kim Lee, Ji-hoon Park, and Min Choi", [("Lee", "Kim", ""), ("Park", "Ji-hoon", ""), ("Choi", "Min", "")]),
])
def test_korean_names_given_name_first_are_persons(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", ["Central Park", "Hyde Park", "Olympic Park", "Korea Herald", "Li Yang",
                                  "Human Rights Watch", "Bank of Korea"])
def test_places_firms_and_two_family_names_stay_whole(text):
    assert read(text) == [("", "", text)]


def test_an_entry_by_them_is_cited_by_their_family_names():
    (ref,) = parse_reference_list(CleanText.identity(
        "refs.md", 'Min Jin Lee and Won Park. 2017. "Migration and Memory." *Korean Studies* 41: 1–20.\n'))
    assert ref.cite_names == ("Lee", "Park") and ref.title == "Migration and Memory" and ref.year == 2017
