"""RIS tags that are BibLaTeX fields (emit.crosswalk): read under their BibLaTeX names."""
from __future__ import annotations

from citecheck.parse.ris import parse_ris


def read(lines: str):
    refs, findings = parse_ris(lines + "\nER  - \n", "x.ris")
    return refs[0], findings


def test_zotero_access_date_with_its_time_is_the_iso_date():
    ref, _ = read("TY  - ELEC\nTI  - Page\nPY  - 2020\nY2  - 2023/04/11/08:15:22")
    assert ref.accessed == "2023-04-11T08:15:22"  # the time of access kept, as biblatex's urldate holds it
    ref, _ = read("TY  - ELEC\nTI  - Page\nPY  - 2020\nY2  - 2023/04/11/")
    assert ref.accessed == "2023-04-11"
    ref, _ = read("TY  - ELEC\nTI  - Page\nPY  - 2020\nY2  - last spring")
    assert ref.accessed == "last spring"  # not a date: as written


def test_short_title_short_journal_series_and_language():
    ref, _ = read("TY  - JOUR\nTI  - Global burden of disease\nPY  - 2020\nT2  - The Lancet\nJ2  - Lancet\n"
                  "ST  - Global burden\nT3  - A series\nLA  - en")
    extra = dict(ref.extra)
    assert (extra["shorttitle"], extra["shortjournal"], extra["series"]) == ("Global burden", "Lancet", "A series")
    assert extra["langid"] == "english" and "language" not in extra
    ref, _ = read("TY  - BOOK\nTI  - Ein Buch\nPY  - 2020\nLA  - Deutsch")
    assert dict(ref.extra)["language"] == "Deutsch"  # no language tag: biblatex's language, as written


def test_type_of_work_is_the_type_of_a_thesis_or_report_but_not_a_doi_nor_an_articles():
    ref, _ = read("TY  - THES\nTI  - Sur la théorie\nPY  - 1879\nM3  - Thèse de doctorat")
    assert dict(ref.extra)["type"] == "Thèse de doctorat" and "ris:M3" not in dict(ref.extra)
    ref, _ = read("TY  - THES\nTI  - A thesis\nPY  - 2010\nM3  - PhD thesis")
    assert dict(ref.extra)["type"] == "phdthesis"
    ref, _ = read("TY  - RPRT\nTI  - A report\nPY  - 2010\nM3  - 10.1000/xyz")
    assert ref.doi == "10.1000/xyz" and "type" not in dict(ref.extra)  # the DOI, as Zotero reads an M3 DOI
    ref, _ = read("TY  - JOUR\nTI  - An article\nPY  - 2010\nM3  - Journal Article")
    assert dict(ref.extra)["ris:M3"] == "Journal Article" and "type" not in dict(ref.extra)
