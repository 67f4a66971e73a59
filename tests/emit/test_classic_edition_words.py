"""Classic BibTeX writes an edition's number as its ordinal word, as bibtex's styles want it ("Second edition";
``{2}`` printed "2 edition" in plain, abbrv and unsrt), and reads the word back as the number that biblatex and CSL
want (issue #3, session 15)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.editions import classic_edition, edition_number
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json

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
    bibtex = shutil.which("bibtex")
    if bibtex is None:
        if os.environ.get("CI"):
            pytest.fail("bibtex is not installed; .ci/run should install the Debian package texlive-binaries")
        pytest.skip("bibtex not installed (Debian package texlive-binaries)")
    refs, _ = parse_csl_json(json.dumps(BOOKS[:1]), "books.json")
    (tmp_path / "refs.bib").write_text(to_bibtex(refs, dialect="bibtex"), encoding="utf-8")
    (tmp_path / "doc.aux").write_text("\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n")
    subprocess.run([bibtex, "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    bbl = (tmp_path / "doc.bbl").read_text(errors="replace")
    assert "second edition" in bbl and "2 edition" not in bbl, bbl
