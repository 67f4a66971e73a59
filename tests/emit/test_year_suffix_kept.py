"""A year's letter ("2019a", CSL's ``year-suffix``) was dropped from BibLaTeX, classic BibTeX and RIS output
(CSL-JSON kept it), so a round trip lost it and the text's "(Smith 2019a)" no longer named the entry's year
(session 12, structured2 04). BibLaTeX: ``date = {2019}`` (biber refuses the letter in a date and drops
``year = {2019a}``) and ``csl-year-suffix = {a}``; classic BibTeX: ``year = {2019a}`` as natbib's users write
it, with ``date`` for biber; RIS: ``M2  - year-suffix: a``."""
from __future__ import annotations

import json

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

BIB = "@article{m5, author = {Smith, Ann}, title = {T5}, journal = {J}, year = {2019a}, month = mar}\n"


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_the_letter_survives_bibtex(dialect):
    (ref,), _ = parse_bibtex(BIB, "in.bib")
    assert (ref.year, ref.year_suffix) == (2019, "a")
    text = to_bibtex([ref], dialect=dialect)
    if dialect == "biblatex":
        assert "date = {2019-03}" in text and "csl-year-suffix = {a}" in text and "2019a" not in text
    else:
        assert "year = {2019a}" in text and "date = {2019-03}" in text and "csl-year-suffix" not in text
    (back,), problems = parse_bibtex(text, "out.bib")
    assert not problems and (back.year, back.year_suffix, dict(back.extra).get("date")) == (2019, "a", "2019-03")
    assert "csl:year-suffix" not in dict(back.extra)
    assert to_bibtex([back], dialect=dialect) == text


def test_the_letter_survives_ris_and_csl_json():
    (ref,), _ = parse_bibtex(BIB, "in.bib")
    ris = to_ris([ref])
    assert "PY  - 2019\n" in ris and "M2  - year-suffix: a\n" in ris
    (back,), _ = parse_ris(ris, "out.ris")
    assert (back.year, back.year_suffix) == (2019, "a") and not any(k == "ris:M2" for k, _ in back.extra)
    item = json.loads(to_csl_json([back]))[0]
    assert item["year-suffix"] == "a"
    (again,), _ = parse_csl_json(json.dumps([item]), "out.json")
    assert "csl-year-suffix = {a}" in to_bibtex([again])
