"""The crosswalk's number of volumes (CSL number-of-volumes, BibLaTeX volumes, RIS NV), a chapter's
book's authors (CSL container-author, BibLaTeX bookauthor, RIS M2 lines) and Zotero's
journalAbbreviation (BibLaTeX shortjournal, RIS J2): carried, not dropped with a warning (user round 4, 06)."""
from __future__ import annotations

import json
import logging

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_item
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

ZOTERO = [
    {"id": "doe2020", "type": "book", "title": "The Big Book", "publisher": "Springer", "number-of-volumes": "7",
     "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2020]]}},
    {"id": "chap1", "type": "chapter", "title": "A chapter", "container-title": "Collected Works",
     "container-author": [{"family": "Whole", "given": "B."}, {"family": "Gogh", "given": "V.", "non-dropping-particle": "van"}],
     "publisher": "OUP", "issued": {"date-parts": [[2015]]}, "author": [{"family": "Ch", "given": "A."}]},
    {"id": "art1", "type": "article-journal", "title": "Widgets", "container-title": "Journal of Widget Science",
     "journalAbbreviation": "J. Widget Sci.", "author": [{"family": "Smith", "given": "J."}], "issued": {"date-parts": [[2019]]}},
]


@pytest.fixture
def refs():
    found, _ = parse_csl_json(json.dumps(ZOTERO), "zotero.json")
    return found


def test_csl_to_biblatex_without_warnings(refs, caplog):
    with caplog.at_level(logging.WARNING):
        text = to_bibtex(refs)
    assert "volumes = {7}" in text and "bookauthor = {Whole, B. and van Gogh, V.}" in text
    assert "shortjournal = {J. Widget Sci.}" in text
    assert "has no field" not in caplog.text


def test_csl_to_ris_and_back(refs, caplog):
    with caplog.at_level(logging.WARNING):
        text = to_ris(refs)
    assert "has no tag" not in caplog.text
    lines = text.splitlines()
    assert "NV  - 7" in lines and "J2  - J. Widget Sci." in lines
    assert ["M2  - container-author: Whole || B.", "M2  - container-author: van Gogh || V."] == [
        line for line in lines if "container-author" in line]  # Zotero's Extra form of a creator, one a line
    back, _ = parse_ris(text, "x.ris")
    assert [dict(r.extra).get(k) for r, k in zip(back, ("volumes", "bookauthor", "shortjournal"))] == [
        "7", "Whole, B. and van Gogh, V.", "J. Widget Sci."]


def test_biblatex_to_csl_uses_the_standard_variables():
    (book, chapter), _ = parse_bibtex("@book{d, author={Doe, Jane}, title={B}, publisher={S}, date={2020}, volumes={7}}\n"
                                      "@incollection{c, author={Ch, A.}, bookauthor={Whole, B.}, title={C},"
                                      " booktitle={W}, publisher={OUP}, date={2015}}", "x.bib")
    assert to_csl_item(book)["number-of-volumes"] == "7" and "custom" not in to_csl_item(book)
    item = to_csl_item(chapter)
    assert item["container-author"] == [{"family": "Whole", "given": "B."}] and "custom" not in item
    (back,), _ = parse_csl_json(json.dumps([item]), "x.json")
    assert dict(back.extra)["bookauthor"] == "Whole, B."
