"""Classic BibTeX writes an edition's number as its ordinal word, as bibtex's styles want it ("Second edition";
``{2}`` printed "2 edition" in plain, abbrv and unsrt), and reads the word back as the number that biblatex and CSL
want (issue #3, session 15)."""
from __future__ import annotations

import json

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.editions import classic_edition, edition_number
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from tex_tools import bibtex_bbl  # tests/tex_tools.py

BOOKS = [{"id": f"b{n}", "type": "book", "title": "T", "author": [{"family": "Roe", "given": "R."}],
          "publisher": "P", "edition": edition, "issued": {"date-parts": [[1990]]}}
         for n, edition in enumerate(["2", "12", "21", "103", "Revised", "3rd ed."])]


@pytest.mark.parametrize(("number", "word"), [("1", "First"), ("2", "Second"), ("12", "Twelfth"), ("20", "Twentieth"),
                                              ("21", "21st"), ("22", "22nd"), ("111", "111th"), ("Revised", "Revised")])
def test_an_edition_number_has_its_word_and_back(number, word):
    assert classic_edition(number) == word
    assert edition_number(word) == number


def test_a_word_of_any_case_is_the_number_and_other_text_is_kept():
    assert edition_number("second") == "2" and edition_number("SECOND") == "2"
    assert edition_number("2nd") == "2nd" and edition_number("Second, revised") == "Second, revised"
    assert classic_edition("0") == "0"


def test_classic_bibtex_writes_the_word_and_csl_gets_the_number_back():
    refs, _ = parse_csl_json(json.dumps(BOOKS), "books.json")
    classic = to_bibtex(refs, dialect="bibtex")
    assert ["Second", "Twelfth", "21st", "103rd", "Revised", "3rd ed."] == [
        line.split("{", 1)[1].rstrip("},") for line in classic.splitlines() if line.strip().startswith("edition")]
    back, _ = parse_bibtex(classic, "books.bib")
    assert [item["edition"] for item in json.loads(to_csl_json(back))] == [b["edition"] for b in BOOKS]
    assert "edition = {2}," in to_bibtex(back)  # biblatex: the integer


def test_bibtex_prints_second_edition(tmp_path):
    refs, _ = parse_csl_json(json.dumps(BOOKS[:1]), "books.json")
    bbl = bibtex_bbl(tmp_path, to_bibtex(refs, dialect="bibtex"))
    assert "second edition" in bbl and "2 edition" not in bbl, bbl
