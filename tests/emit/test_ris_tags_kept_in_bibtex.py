"""An RIS tag no BibLaTeX field holds (Scopus's AD, C2, DB; Web of Science's AN, J9) is written to the
.bib as a field of its own, ``ris-ad``, and read back as the tag, so RIS -> BibLaTeX -> RIS keeps it: it
was left out with a warning (session 12, structured 22, 23)."""
from __future__ import annotations

import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.ris import parse_ris

SCOPUS = """TY  - JOUR
AU  - Smith, J.
TI  - Heat islands in small cities
PY  - 2020
T2  - Nature Climate Change
AD  - Department of Geography, University of X, United States
AD  - Institute of Y, Spain
C2  - 32000000
AN  - WOS:000520000000001
DB  - Scopus
ER  - 
"""


def test_ris_tags_without_a_field_survive_a_bibtex_round_trip(caplog):
    refs, _ = parse_ris(SCOPUS, "scopus.ris")
    with caplog.at_level(logging.WARNING):
        bib = to_bibtex(refs)
    assert "no field for" not in caplog.text
    assert "ris-ad = {Department of Geography, University of X, United States}" in bib
    assert "ris-ad-2 = {Institute of Y, Spain}" in bib
    # DB and AN are CSL's archive and archive_location, as Zotero's RIS.js reads them (test_ris_archive.py)
    assert "csl-archive = {Scopus}" in bib and "csl-archive_location = {WOS:000520000000001}" in bib
    back, _ = parse_bibtex(bib, "scopus.bib")
    lines = to_ris(back).splitlines()
    for line in ("AD  - Department of Geography, University of X, United States", "AD  - Institute of Y, Spain",
                 "C2  - 32000000", "AN  - WOS:000520000000001", "DB  - Scopus"):
        assert line in lines
    assert not any(line.startswith("M2  - tex.ris") for line in lines)


def test_a_document_type_on_an_article_is_no_type_field(caplog):
    """Scopus's and Web of Science's ``M3  - Article`` on a JOUR record was ``type = {Article}``: biber says
    "Invalid field 'type' for entrytype 'article'" and pandoc prints "Article." after the title. An article
    (and a book) has no ``type`` in biblatex: the tag's own field, ``ris-m3``, read back as M3 (session 12,
    structured2 01); a report keeps its M3 as ``type``."""
    refs, _ = parse_ris(SCOPUS.replace("DB  - Scopus", "M3  - Article\nDB  - Scopus"), "scopus.ris")
    with caplog.at_level(logging.WARNING):
        bib = to_bibtex(refs)
        classic = to_bibtex(refs, dialect="bibtex")
    assert "type =" not in bib and "type =" not in classic
    assert "ris-m3 = {Article}" in bib and "ris-m3 = {Article}" in classic
    assert "M3" not in caplog.text
    for text in (bib, classic):
        back, _ = parse_bibtex(text, "scopus.bib")
        assert "M3  - Article" in to_ris(back).splitlines()
    report, _ = parse_ris("TY  - RPRT\nAU  - Doe, J.\nTI  - T\nPY  - 2020\nPB  - NBER\nM3  - Working paper\nER  - \n",
                          "r.ris")
    assert "type = {Working paper}" in to_bibtex(report)
