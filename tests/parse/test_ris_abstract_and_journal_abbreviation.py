"""EndNote's RIS: N2 is the abstract (the RIS specification's), JA the journal's standard abbreviation;
neither is dropped, with or without a warning (user round 4, 05)."""
from __future__ import annotations

import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.ris import to_ris
from citecheck.parse.ris import parse_ris

ENDNOTE = """TY  - JOUR
T1  - Heat islands in Madrid
A1  - Garcia, M.
Y1  - 2018/01/15/
N2  - The abstract, as EndNote exports it.
JF  - Urban Climate
JA  - Urban Clim.
VL  - 24
ER  - 
"""


def read(text: str):
    refs, _ = parse_ris(text, "x.ris")
    return refs[0]


def test_n2_is_the_abstract_and_ja_the_short_journal(caplog):
    ref = read(ENDNOTE)
    extra = dict(ref.extra)
    assert (extra["abstract"], extra["shortjournal"]) == ("The abstract, as EndNote exports it.", "Urban Clim.")
    assert ref.container == "Urban Climate" and "ris:N2" not in extra
    with caplog.at_level(logging.WARNING):
        text = to_bibtex([ref])
    assert "abstract = {The abstract, as EndNote exports it.}" in text and "shortjournal = {Urban Clim.}" in text
    assert "has no field" not in caplog.text


def test_ris_to_ris_keeps_both_as_ab_and_j2():
    lines = to_ris([read(ENDNOTE)]).splitlines()
    assert "AB  - The abstract, as EndNote exports it." in lines and "J2  - Urban Clim." in lines


def test_ab_and_j2_come_first_and_the_others_are_kept_as_written():
    ref = read(ENDNOTE.replace("VL  - 24", "AB  - Own abstract\nJ2  - U. Clim."))
    extra = dict(ref.extra)
    assert (extra["abstract"], extra["shortjournal"]) == ("Own abstract", "U. Clim.")
    assert (extra["ris:N2"], extra["ris:JA"]) == ("The abstract, as EndNote exports it.", "Urban Clim.")


def test_ja_alone_is_still_the_journal_and_a_second_journal_name_is_kept():
    ref = read(ENDNOTE.replace("JF  - Urban Climate\n", ""))
    assert ref.container == "Urban Clim." and "shortjournal" not in dict(ref.extra)
    ref = read(ENDNOTE.replace("JF  - Urban Climate\n", "JO  - Urban Climate\nJF  - Urban Climate (Elsevier)\n"))
    assert ref.container == "Urban Climate (Elsevier)" and dict(ref.extra)["ris:JO"] == "Urban Climate"


def test_jf_is_the_journal_and_jo_beside_it_its_abbreviation(caplog):
    """EndNote writes JF (full) and JO (abbreviated): JF is the journal whichever comes first, JO the
    short journal (Zotero's RIS.js), and neither is left out of BibLaTeX (session 12, structured 21)."""
    ref = read(ENDNOTE.replace("JF  - Urban Climate\nJA  - Urban Clim.\n", "JO  - Urban Clim.\nJF  - Urban Climate\n"))
    assert ref.container == "Urban Climate" and dict(ref.extra)["shortjournal"] == "Urban Clim."
    with caplog.at_level(logging.WARNING):
        text = to_bibtex([ref])
    assert "journaltitle = {Urban Climate}" in text and "shortjournal = {Urban Clim.}" in text
    assert "has no field" not in caplog.text
    assert "J2  - Urban Clim." in to_ris([ref]).splitlines()


def test_web_of_science_ji_is_the_short_journal():
    ref = read(ENDNOTE.replace("JF  - Urban Climate\nJA  - Urban Clim.\n", "T2  - URBAN CLIMATE\nJ9  - URBAN CLIM\nJI  - Urban Clim.\n"))
    assert ref.container == "URBAN CLIMATE" and dict(ref.extra)["shortjournal"] == "Urban Clim."
    assert dict(ref.extra)["ris:J9"] == "URBAN CLIM"


def test_an_m3_doi_is_the_doi_when_the_record_has_no_do():
    """ScienceDirect's and Springer's RIS put the DOI in M3 ("doi: 10..."), which Zotero reads as the DOI."""
    ref = read(ENDNOTE.replace("VL  - 24", "M3  - doi: 10.1016/j.uclim.2018.01.002"))
    assert ref.doi == "10.1016/j.uclim.2018.01.002" and "ris:M3" not in dict(ref.extra)
    ref = read(ENDNOTE.replace("VL  - 24", "DO  - 10.1016/j.uclim.2018.01.002\nM3  - doi: 10.1016/other"))
    assert ref.doi == "10.1016/j.uclim.2018.01.002" and dict(ref.extra)["ris:M3"] == "doi: 10.1016/other"
