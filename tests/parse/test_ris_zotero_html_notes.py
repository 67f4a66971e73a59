"""Zotero writes a child note into RIS as its HTML, ``N1  - <p>My note with <b>HTML</b></p>`` (its RIS import reads
the HTML back): converted, the tags were a .bib's printed text, ``\\textless{}p\\textgreater{}`` (session 13, users).
Such a note is its text: each block a paragraph, entities decoded; a plain note's angle brackets stay."""
from __future__ import annotations

from citecheck.emit.bibtex import to_bibtex
from citecheck.parse.ris import parse_ris

RIS = ("TY  - JOUR\nTI  - T\nAU  - A, B\nPY  - 2019\n"
       "N1  - <div data-schema-version=\"8\"><p>My note with <b>HTML</b> &amp; an entity</p>\n"
       "<p>Second paragraph</p></div>\n"
       "ER  - \n\n"
       "TY  - JOUR\nTI  - U\nAU  - C, D\nPY  - 2020\nN1  - Plain note: x <y and <b> are text\nER  - \n")


def test_an_html_note_is_its_text():
    (ref, plain), _ = parse_ris(RIS, "zotero.ris")
    assert ref.note == "My note with HTML & an entity\n\nSecond paragraph"
    assert plain.note == "Plain note: x <y and <b> are text"
    assert "textless" not in to_bibtex([ref])
