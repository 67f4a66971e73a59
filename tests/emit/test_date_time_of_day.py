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
