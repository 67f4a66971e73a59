"""biblatex's ``date`` may give a time of day, ISO 8601's ``2020-05-31T12:00:00Z`` (session 13, users): CSL-JSON
and RIS lost the whole date but its year (``[[2020]]``, no DA), classic BibTeX its month and day. The date is
read without the time; RIS keeps the time in DA's "other" part, CSL-JSON (which has no place for it) says it
left it out, and classic BibTeX keeps ``date`` for biber beside ``year``, ``month`` and ``day``."""
from __future__ import annotations

import json
import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.crosswalk import without_time_of_day
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex

BIB = "@inbook{m, author = {M, J}, title = {T}, booktitle = {B}, date = {2020-05-31T12:00:00Z}}\n"


def _ref():
    (ref,), _ = parse_bibtex(BIB, "in.bib")
    return ref


def test_the_time_comes_off_either_end():
    assert without_time_of_day("2020-05-31T12:00:00Z") == ("2020-05-31", "12:00:00Z")
    assert without_time_of_day("2020-05-31T12:00/2020-05-31T14:30+02:00") == ("2020-05-31/2020-05-31",
                                                                               "12:00/14:30+02:00")
    assert without_time_of_day("2020-05-31") == ("2020-05-31", "") and without_time_of_day("1850~") == ("1850~", "")


def test_csl_json_keeps_the_date_and_says_the_time_is_left_out(caplog):
    with caplog.at_level(logging.WARNING):
        item = json.loads(to_csl_json([_ref()]))[0]
    assert item["issued"] == {"date-parts": [[2020, 5, 31]]}
    assert "in.bib:1: m: CSL-JSON dates hold no time of day; 12:00:00Z left out" in caplog.text


def test_ris_keeps_date_and_time():
    assert "DA  - 2020/05/31/12:00:00Z" in to_ris([_ref()])


def test_classic_bibtex_gives_month_and_day_and_keeps_the_date_for_biber():
    text = to_bibtex([_ref()], dialect="bibtex")
    assert "month = may" in text and "day = {31}" in text and "date = {2020-05-31T12:00:00Z}" in text
    assert "date = {2020-05-31T12:00:00Z}" in to_bibtex([_ref()])


# Zotero writes every access date with its time, "Y2  - 2021/05/03/14:22:01": read, the time was dropped (an RIS
# round trip lost it); a .bib's urldate with a time, which biblatex reads, was "not a date biber reads; left out"
RIS_ACCESSED = "TY  - ELEC\nTI  - T\nAU  - W, A\nPY  - 2020\nUR  - https://e.org\nY2  - 2021/05/03/14:22:01\nER  - \n"
BIB_ACCESSED = "@online{w, author={W, A}, title={T}, url={https://e.org}, date={2020}, urldate={2021-05-03T14:22:01}}\n"


def test_the_time_of_access_survives_ris_and_bibtex(caplog):
    from citecheck.parse.ris import parse_ris

    (from_ris,), _ = parse_ris(RIS_ACCESSED, "zotero.ris")
    (from_bib,), _ = parse_bibtex(BIB_ACCESSED, "refs.bib")
    for ref in (from_ris, from_bib):
        assert ref.accessed == "2021-05-03T14:22:01"
        assert "Y2  - 2021/05/03/14:22:01" in to_ris([ref])
        assert "urldate = {2021-05-03T14:22:01}" in to_bibtex([ref])
    with caplog.at_level(logging.WARNING):
        item = json.loads(to_csl_json([from_ris]))[0]
    assert item["accessed"] == {"date-parts": [[2021, 5, 3]]}
    assert "CSL-JSON dates hold no time of day; the access time 14:22:01 left out" in caplog.text
