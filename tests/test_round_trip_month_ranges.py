"""A .bib's range of months (``month = jun # "--" # jul``, ``month = {June--July}``, biblatex's
``date = {2019-06/2019-07}``) is one date range in every format: CSL's issued with two date-parts, RIS's DA,
biblatex's ``date``, classic BibTeX's ``month`` (which the styles print) beside the ``date`` biber reads; a
month range was kept as a custom "month" note ("June–jul"), and biblatex got ``month = {June--July}``, which
biber rejects."""
from __future__ import annotations

import json

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

ENTRY = "@inproceedings{{talk,\n  author = {{Smith, John}},\n  title = {{A Talk}},\n  booktitle = {{Proceedings}},\n{date}\n}}\n"
SOURCES = {
    "macros": '  year = {2019},\n  month = jun # "--" # jul,',
    "words": "  year = {2019},\n  month = {June--July},",
    "slash": "  year = 2019,\n  month = {Jun./Jul.},",
    "biblatex": "  date = {2019-06/2019-07},",
}
FORMATS = {
    "biblatex": (lambda refs: to_bibtex(refs), parse_bibtex),
    "bibtex": (lambda refs: to_bibtex(refs, dialect="bibtex"), parse_bibtex),
    "csl-json": (to_csl_json, parse_csl_json),
    "ris": (to_ris, parse_ris),
}


def _read(source: str):
    refs, findings = parse_bibtex(ENTRY.format(date=SOURCES[source]), "in.bib")
    assert not findings
    return refs


def _date(ref) -> str:
    return dict(ref.extra).get("date", "")


@pytest.mark.parametrize("source", SOURCES)
def test_a_range_of_months_is_a_date_range(source):
    (ref,) = _read(source)
    assert (ref.year, _date(ref)) == (2019, "2019-06/2019-07")
    assert "month" not in dict(ref.extra)
    issued = json.loads(to_csl_json([ref]))[0]["issued"]
    assert issued == {"date-parts": [[2019, 6], [2019, 7]]}
    assert "custom" not in json.loads(to_csl_json([ref]))[0]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", SOURCES)
def test_a_range_of_months_survives_every_format(source, fmt):
    write, parse = FORMATS[fmt]
    (ref,) = _read(source)
    (again,), findings = parse(write([ref]), f"rt.{fmt}")
    assert not findings
    assert (again.year, _date(again), dict(again.extra).get("month")) == (2019, "2019-06/2019-07", None)


def test_classic_bibtex_writes_the_months_the_styles_print_beside_the_date_biber_reads():
    text = to_bibtex(_read("words"), dialect="bibtex")
    assert '  month = jun # "--" # jul,\n  date = {2019-06/2019-07},' in text
    assert "month" not in to_bibtex(_read("words"))  # biblatex: the date alone


@pytest.mark.parametrize("month", ["{jul--jun}", "{June--Spring}", "{mid-June}"])
def test_what_is_no_range_of_months_stays_as_written(month):
    (ref,), _ = parse_bibtex(ENTRY.format(date=f"  year = 2019,\n  month = {month},"), "in.bib")
    assert _date(ref) != "2019-06/2019-07" and "2019-07/2019-06" not in _date(ref)


def test_ris_writes_a_full_date_once():
    (ref,), _ = parse_bibtex(ENTRY.format(date="  date = {2019-05-03},"), "in.bib")
    assert [line for line in to_ris([ref]).splitlines() if line.startswith("DA")] == ["DA  - 2019/05/03/"]
