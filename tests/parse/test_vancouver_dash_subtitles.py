"""MMWR's Vancouver titles end in a place and a year after a dash ("Measles cases and outbreaks — United
States, 2019."): the title keeps both, the journal after it stays the journal, the year is the entry's."""
from __future__ import annotations

import pytest

from one_reference import read_one


@pytest.mark.parametrize(
    ("entry", "authors", "title", "year", "volume"),
    [
        ("Centers for Disease Control and Prevention. Measles cases and outbreaks — United States, 2019. "
         "MMWR Morb Mortal Wkly Rep 2020;69:1-5.",
         ["Centers for Disease Control and Prevention"], "Measles cases and outbreaks — United States, 2019", 2020, "69"),
        ("Patel M, Lee AD, Clemmons NS, et al. National update on measles cases and outbreaks — United States, "
         "January 1–October 1, 2019. MMWR Morb Mortal Wkly Rep 2019;68:893–896.",
         ["Patel", "Lee", "Clemmons", "others"],
         "National update on measles cases and outbreaks — United States, January 1–October 1, 2019", 2019, "68"),
        ("Smith J. Vaccination coverage - United States, 2018. MMWR Morb Mortal Wkly Rep. 2019;68(5):101-105.",
         ["Smith"], "Vaccination coverage - United States, 2018", 2019, "68"),
    ],
)
def test_a_dash_subtitle_and_its_year_stay_in_the_title(entry, authors, title, year, volume):
    ref = read_one(entry)
    assert [n.family or n.literal for n in ref.authors] == authors
    assert (ref.title, ref.container, ref.year, ref.volume) == (title, "MMWR Morb Mortal Wkly Rep", year, volume)
