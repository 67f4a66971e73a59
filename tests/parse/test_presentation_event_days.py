"""A presentation's days ("12–15 March 2019", APA's "(2019, March 12–15)") are its event's date:
BibLaTeX's ``eventdate``, CSL's ``event-date``; the days are no pages and no part of its place."""
from __future__ import annotations

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_item
from citecheck.model import EntryType
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.dates import event_days

from one_reference import read_one as parse

CHICAGO = ('Smith, John. 2019. "Heat in Cities." Paper presented at the Annual Meeting of the American Association '
           "of Geographers, Boston, MA, 12–15 March 2019.")
APA = ("Jones, A. (2020, March 12–15). *Urban heat islands* [Paper presentation]. Annual Conference of the Urban "
       "Society, Boston, MA, United States.")


@pytest.mark.parametrize("text, edtf", [
    ("Boston, MA, 12–15 March 2019.", "2019-03-12/2019-03-15"),
    ("Boston, March 12-15, 2019.", "2019-03-12/2019-03-15"),
    ("Jones, A. (2020, March 12–15). Title", "2020-03-12/2020-03-15"),
    ("(2019, Sept. 3–5).", "2019-09-03/2019-09-05"),
    ("Oslo, 30 March – 2 April 2019.", "2019-03-30/2019-04-02"),
    ("Oslo, March 30–April 2, 2019.", "2019-03-30/2019-04-02"),
])
def test_ranges_of_days_as_edtf_intervals(text, edtf):
    assert event_days(text)[0] == edtf


@pytest.mark.parametrize("text", ["pp. 12–15. March 2019.", "Vol. 3, 15–12 March 2019.", "12 March 2019."])
def test_no_range_of_days(text):
    assert event_days(text) is None


def test_a_chicago_paper_presented_keeps_its_days_as_the_event_date_not_as_pages():
    ref = parse(CHICAGO)
    assert (ref.type, ref.place, ref.pages, ref.year) == (EntryType.PRESENTATION, "Boston, MA", "", 2019)
    assert dict(ref.extra)["eventdate"] == "2019-03-12/2019-03-15"


def test_an_apa_presentation_keeps_its_days_as_the_event_date():
    ref = parse(APA)
    assert (ref.type, ref.container, ref.place, ref.year) == (
        EntryType.PRESENTATION, "Annual Conference of the Urban Society", "Boston, MA, United States", 2020)
    assert dict(ref.extra)["eventdate"] == "2020-03-12/2020-03-15"


def test_a_single_day_is_no_part_of_the_place():
    ref = parse('Brown, Ann. 2017. "Roofs." Paper presented at the Urban Climate Conference, Oslo, 12 June 2017.')
    assert (ref.type, ref.place, dict(ref.extra)["date"]) == (EntryType.PRESENTATION, "Oslo", "2017-06-12")
    assert "eventdate" not in dict(ref.extra)


def test_pages_of_a_paper_in_proceedings_stay_pages():
    ref = parse("Kim, S. (2016). Shade trees. In *Proceedings of the Tree Conference* (pp. 12–15). Springer.")
    assert (ref.type, ref.pages) == (EntryType.CONFERENCE, "12–15") and "eventdate" not in dict(ref.extra)


def test_written_as_eventdate_and_event_date_and_read_back():
    ref = parse(CHICAGO)
    text = to_bibtex([ref])
    assert "  eventdate = {2019-03-12/2019-03-15},\n" in text and "  date = {2019},\n" in text
    assert "pages" not in text
    assert to_csl_item(ref)["event-date"] == {"date-parts": [[2019, 3, 12], [2019, 3, 15]]}
    (back,), _ = parse_bibtex(text, "x.bib")
    assert dict(back.extra)["eventdate"] == "2019-03-12/2019-03-15"
