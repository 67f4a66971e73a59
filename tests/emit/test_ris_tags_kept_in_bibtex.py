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
    assert "ris-ad-2 = {Institute of Y, Spain}" in bib and "ris-db = {Scopus}" in bib
    back, _ = parse_bibtex(bib, "scopus.bib")
    lines = to_ris(back).splitlines()
    for line in ("AD  - Department of Geography, University of X, United States", "AD  - Institute of Y, Spain",
                 "C2  - 32000000", "AN  - WOS:000520000000001", "DB  - Scopus"):
        assert line in lines
    assert not any(line.startswith("M2  - tex.ris") for line in lines)
