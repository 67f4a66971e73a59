"""The citation reader on MLA short titles, APA republished years, early years, organisations."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations


def read(text: str, *known: str):
    found = find_citations(CleanText.identity("e.md", text), known_titles=known)
    return [(c.text, c.name_texts, c.year, c.locator) for c in found]


def test_an_mla_author_and_short_title_citation():
    assert read("Smith agrees (Smith, *Beloved Reconsidered* 44) and (Smith, \"White Teeth\" 3), "
                "without a page (Smith, _White Teeth_).", "Smith") == [
        ("Smith, *Beloved Reconsidered* 44", ("Smith",), None, "44"),
        ('Smith, "White Teeth" 3', ("Smith",), None, "3"),
        ("Smith, _White Teeth_", ("Smith",), None, ""),
    ]
    assert read("An unknown name (Jones, *White Teeth* 3).", "Smith") == []


@pytest.mark.parametrize("text, year", [
    ("(Kuhn, 1962/1996)", 1996),  # APA's republished work: the entry's (later) year
    ("(Augustine, 397/1998)", 1998),
    ("(Kuhn 1962/1996)", 1996),
    ("(Smith, 2019/2020)", 2019),  # two years in a row: a span, cited by its first
    ("(Smith, 1999-2000)", 1999),
])
def test_two_years_with_a_slash(text, year):
    ((_, _, found, _),) = read(f"As shown {text}.")
    assert found == year


def test_years_before_1500_and_before_1000():
    assert read("Tales (Chaucer, 1400) and travels (Ibn Battuta, 1355), (Chaucer 1400), history (Bede, 731).",
                "Bede") == [
        ("Chaucer, 1400", ("Chaucer",), 1400, ""), ("Ibn Battuta, 1355", ("Ibn Battuta",), 1355, ""),
        ("Chaucer 1400", ("Chaucer",), 1400, ""), ("Bede, 731", ("Bede",), 731, "")]
    # a number below 1000 without the comma is a page (MLA), read only for a known name
    assert read("A page (Bede 731) and (Smith, 2019, 731).", "Bede") == [
        ("Bede 731", ("Bede",), None, "731"), ("Smith, 2019, 731", ("Smith",), 2019, "731")]
    assert read("Counts (Total, 450) and (Bede, 731) of no entry.", "Smith") == []


def test_an_organisation_joined_by_of_cites_without_a_comma():
    assert read("Lists grew (Ministry of Health 2018), (Bank of England 2020), (Department of 2019).") == [
        ("Ministry of Health 2018", ("Ministry of Health",), 2018, ""),
        ("Bank of England 2020", ("Bank of England",), 2020, ""),
    ]
    assert read("Not an author (Trends in Health 2019) or (Figures of 2018).") == []
