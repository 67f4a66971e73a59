"""The bundled given-name list (US Census 1990 first names)."""
from __future__ import annotations

from citecheck.parse.given_names import given_name_ranks, is_given_name


def test_the_list_is_the_census_lists_merged():
    ranks = given_name_ranks()
    assert len(ranks) == 5163
    assert ranks["JAMES"] == 1 and ranks["MARY"] == 1  # the commonest male and female names


def test_is_given_name_ignores_case_and_refuses_what_is_not_a_word():
    assert is_given_name("Barry") and is_given_name("barry") and is_given_name("MARY")
    assert not is_given_name("Wilkinson")
    assert not is_given_name("HP")
    assert not is_given_name("Mary-Ann")  # callers split hyphenated names first
    assert not is_given_name("")
