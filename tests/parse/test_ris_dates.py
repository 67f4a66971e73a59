"""Dates beyond a plain year survive every format: circa, ranges, uncertain and open dates, seasons and
n.d. through RIS (PY and DA) and CSL-JSON; a day, a season and a range of days through classic BibTeX;
and RIS dates as EndNote, MEDLINE and Web of Science write them ("Mar", "2019 Jan 10", "DEC")."""
from __future__ import annotations

import logging

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

DATES = ["1850~", "1850-03~", "1999/2000", "1850?", "1850%", "1999/..", "2001-21", "2001-03-05/2001-03-09",
         "2001-03", "2017-06-12"]
WRITERS = {
    "ris": (to_ris, parse_ris),
    "csl-json": (to_csl_json, parse_csl_json),
    "bibtex": (lambda refs: to_bibtex(refs, dialect="bibtex"), parse_bibtex),
}


def entry(date: str) -> str:
    return f"@book{{k, author = {{Smith, John}}, title = {{Old Book}}, date = {{{date}}}, publisher = {{Murray}}}}"


def date_of(ref) -> str:
    return dict(ref.extra).get("date", str(ref.year))


@pytest.mark.parametrize("fmt", WRITERS)
@pytest.mark.parametrize("date", DATES)
def test_a_date_survives_the_format(fmt, date):
    (ref,), _ = parse_bibtex(entry(date), "in.bib")
    write, read = WRITERS[fmt]
    (again,), findings = read(write([ref]), "out")
    assert (again.year, date_of(again)) == (1850 if date.startswith("1850") else int(date[:4]), date)
    assert not [f for f in findings if "year" in f.message]


def test_circa_is_written_in_words_zotero_keeps():
    (ref,), _ = parse_bibtex(entry("1850~"), "in.bib")
    lines = to_ris([ref]).splitlines()
    # Zotero's RIS import keeps a DA it cannot split into YYYY/MM/DD/other as written
    assert "PY  - 1850" in lines and "DA  - circa 1850" in lines


@pytest.mark.parametrize("words, date", [("circa 1850", "1850~"), ("1850///circa", "1850~"), ("ca. 1850/03", "1850-03~")])
def test_circa_in_ris_is_read(words, date):
    (ref,), _ = parse_ris(f"TY  - BOOK\nTI  - T\nPY  - 1850\nDA  - {words}\nER  - \n", "in.ris")
    assert (ref.year, date_of(ref)) == (1850, date)


@pytest.mark.parametrize("words, date", [("Mar", "2001-03"), ("2001 Jan 10", "2001-01-10"), ("DEC", "2001-12"),
                                         ("DEC 2001", "2001-12"), ("Spring", "2001-21")])
def test_month_words_in_da_are_the_date(words, date):
    """EndNote's DA ("Mar"), MEDLINE's ("2001 Jan 10"), Web of Science's ("DEC"): once dropped silently."""
    (ref,), _ = parse_ris(f"TY  - JOUR\nTI  - T\nPY  - 2001\nDA  - {words}\nER  - \n", "in.ris")
    assert date_of(ref) == date


def test_a_da_no_date_is_read_from_is_kept():
    text = "TY  - JOUR\nTI  - T\nPY  - 2019\nDA  - 2019 Jan-Feb\nER  - \n"
    (ref,), _ = parse_ris(text, "in.ris")
    assert ("ris:DA", "2019 Jan-Feb") in ref.extra
    assert "DA  - 2019 Jan-Feb" in to_ris([ref]).splitlines()


@pytest.mark.parametrize("words, state", [("n.d.", ""), ("in press", "inpress")])
def test_no_date_and_in_press_survive_ris(words, state, caplog):
    year = f"year = {{{words}}}"
    (ref,), _ = parse_bibtex(f"@book{{k, author = {{Smith, John}}, title = {{T}}, {year}, publisher = {{P}}}}", "in.bib")
    with caplog.at_level(logging.WARNING):
        text = to_ris([ref])
    assert f"PY  - {words}" in text.splitlines()
    assert "pubstate" not in caplog.text
    (again,), findings = parse_ris(text, "out.ris")
    assert again.year is None and again.no_date and dict(again.extra).get("pubstate", "") == state
    assert not findings


def test_classic_bibtex_writes_the_day_biber_reads():
    (ref,), _ = parse_bibtex(entry("2017-06-12"), "in.bib")
    text = to_bibtex([ref], dialect="bibtex")
    assert "month = jun" in text and "day = {12}" in text and "date =" not in text


def test_classic_bibtex_keeps_a_season_as_biber_reads_it():
    (ref,), _ = parse_bibtex(entry("2001-21"), "in.bib")
    text = to_bibtex([ref], dialect="bibtex")
    # the season's word for bibtex's styles, which print it (biber reads the date before it)
    assert "year = {2001}" in text and "date = {2001-21}" in text and "month = {Spring}" in text


@pytest.mark.parametrize("date, words", [("1850~", "circa 1850"), ("1999/2000", "1999--2000")])
def test_classic_bibtex_gives_biber_the_date_of_a_year_in_words(date, words):
    """biber ignores a year in words ("Invalid value of field 'year'"): the entry had no date for it."""
    (ref,), _ = parse_bibtex(entry(date), "in.bib")
    text = to_bibtex([ref], dialect="bibtex")
    assert f"year = {{{words}}}" in text and f"date = {{{date}}}" in text
    (again,), _ = parse_bibtex(text, "out.bib")
    assert dict(again.extra)["date"] == date and to_bibtex([again], dialect="bibtex") == text


@pytest.mark.parametrize("py, da, date", [("2019-2020", "", "2019/2020"), ("2019", "2019-2020", "2019/2020"),
                                          ("2019", "2019/13/01/", None)])
def test_a_range_of_years_is_no_season_and_no_month_13(py, da, date):
    """"2019-2020" was read as the date 2019-20 (EDTF's spring 2019); "2019/13/01" as a 13th month."""
    text = f"TY  - BOOK\nTI  - T\nPY  - {py}\n" + (f"DA  - {da}\n" if da else "") + "ER  - \n"
    (ref,), _ = parse_ris(text, "in.ris")
    assert ref.year == 2019 and dict(ref.extra).get("date") == date
    if date is None:
        assert ("ris:DA", da) in ref.extra  # kept as written


@pytest.mark.parametrize("da, year, date", [
    ("12 March 2021", 2021, "2021-03-12"), ("3rd Mar. 2021", 2021, "2021-03-03"),  # the day first
    ("Mar-Apr 2019", 2019, "2019-03/2019-04"), ("March–April 2019", 2019, "2019-03/2019-04"),  # an issue's months
    ("Jan./Feb. 2019", 2019, "2019-01/2019-02"),
    ("Winter 2018/2019", 2018, "2018"),  # no date read beyond its year: the year, the DA kept (below)
])
def test_an_ris_date_in_words_gives_its_year_and_date(da, year, date):
    # "12 March 2021" and "Winter 2018/2019" gave no year at all (the entry was undated, keyed "...nd")
    (ref,), _ = parse_ris(f"TY  - JOUR\nAU  - Okafor, Chidi\nTI  - Remittances\nDA  - {da}\nER  - \n", "in.ris")
    assert (ref.year, date_of(ref)) == (year, date)
    if date == "2018":
        assert ("ris:DA", da) in ref.extra


def test_an_access_date_in_words_is_an_iso_date_in_every_format():
    # Y2 "April 5, 2023" was urldate 2023-04-05 in BibLaTeX but CSL-JSON's accessed {"raw": "April 5, 2023"}
    (ref,), _ = parse_ris("TY  - ELEC\nAU  - Kim, Su\nTI  - A page\nUR  - https://example.org/a\nPY  - 2022\n"
                          "Y2  - April 5, 2023\nER  - \n", "in.ris")
    assert ref.accessed == "2023-04-05"
    assert '"accessed": {\n      "date-parts": [\n        [\n          2023,' in to_csl_json([ref])
