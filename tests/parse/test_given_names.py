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


def test_is_given_name_looks_up_an_accented_name_without_its_accents():
    assert is_given_name("Léa") and is_given_name("José") and is_given_name("Zoë") and is_given_name("CHLOÉ")
    assert not is_given_name("Müller")


def test_two_given_first_authors_with_accented_names_are_people_not_an_organisation():
    from one_reference import read_one

    ref = read_one("[1] Jörg Müller and Léa François. Efficient fluid flow. Journal of Hydrology, 12:1–19, 2019.")
    assert [(a.given, a.family, a.literal) for a in ref.authors] == [("Jörg", "Müller", ""), ("Léa", "François", "")]
