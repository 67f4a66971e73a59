"""A CSL note keeps its lines (Zotero's Extra: one ``key: value`` a line), CSL -> CSL and as RIS N1
lines (user round 4, 08); a line naming a field is that field (new-user round 10: they were one squeezed
line of a BibTeX note)."""
from __future__ import annotations

import json

from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

NOTE = "PMID: 8589715\nPMCID:  PMC123456\noriginal-date: 1850"
ITEM = {"id": "s", "type": "article-journal", "title": "Widgets", "note": NOTE, "abstract": "One.\n\nTwo."}


def test_note_lines_are_kept_csl_to_csl_and_through_ris():
    item = dict(ITEM, note=NOTE + "\nRead   twice.\nSee the appendix.")
    (ref,), _ = parse_csl_json(json.dumps([item]), "z.json")
    assert ref.note == "Read twice.\nSee the appendix."  # blanks in a line squeezed
    assert [(k, v) for k, v in ref.extra if k in ("pmid", "pmcid", "origdate")] == [
        ("pmid", "8589715"), ("pmcid", "PMC123456"), ("origdate", "1850")]
    assert dict(ref.extra)["abstract"] == "One.\n\nTwo."
    item = json.loads(to_csl_json([ref]))[0]
    assert item["note"] == ref.note and item["PMID"] == "8589715" and item["original-date"] == {"date-parts": [[1850]]}
    ris = to_ris([ref])
    assert [line for line in ris.splitlines() if line.startswith("N1")] == ["N1  - Read twice.", "N1  - See the appendix."]
    (back,), _ = parse_ris(ris, "z.ris")
    assert back.note == ref.note and dict(back.extra)["pmid"] == "8589715"


def test_zotero_extra_lines_in_a_csl_note_are_fields():
    """Zotero's CSL-JSON export writes Extra as the note: "Original Date: 1850", Better BibTeX's "tex.NAME: value"
    and "Citation Key: ..." lines became one BibTeX note line ("Original Date: 1850 tex.howpublished: ...")."""
    from citecheck.emit.bibtex import to_bibtex

    item = {"id": "http://zotero.org/users/1/items/ABC", "type": "book", "title": "Old book",
            "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [["1999"]]},
            "note": "Original Date: 1850\ntex.howpublished: Privately printed\nCitation Key: doe1999\nA note.\n"
                    "tex.ids: doe1999a",
            "container-author": [{"family": "King", "given": "Martin"}]}
    (ref,), _ = parse_csl_json(json.dumps([item]), "z.json")
    assert ref.key == "doe1999" and ref.note == "A note."
    bib = to_bibtex([ref])
    assert "origdate = {1850}" in bib and "howpublished = {Privately printed}" in bib and "note = {A note.}" in bib
    assert "ids = {doe1999a}" in bib  # Better BibTeX's alias: biber resolves \cite{doe1999a}


def test_note_lines_are_paragraphs_in_bibtex():
    """An RIS N1 with continuation lines (Scopus's "Cited By :5" / "Export Date: ..." / "Correspondence
    Address: ...") and a CSL note's lines were joined with spaces in BibLaTeX, one run-on sentence: each line is
    a paragraph there (TeX has no line break short of one in a field), and comes back as one (session 12,
    structured2 01)."""
    from citecheck.emit.bibtex import to_bibtex
    from citecheck.parse.bibtex import parse_bibtex

    ris = ("TY  - JOUR\nAU  - Smith, J.\nTI  - Heat\nT2  - J\nPY  - 2020\nN1  - Cited By :5\nExport Date: 1 January 2021\n"
           "Correspondence Address: Smith, J.; Department of Geography\nER  - \n")
    (ref,), _ = parse_ris(ris, "scopus.ris")
    for dialect in ("biblatex", "bibtex"):
        bib = to_bibtex([ref], dialect=dialect)
        assert ("note = {Cited By :5\n\nExport Date: 1 January 2021\n\n"
                "Correspondence Address: Smith, J.; Department of Geography}") in bib
        (back,), _ = parse_bibtex(bib, "out.bib")
        assert back.note.split("\n\n") == ref.note.split("\n")
        assert [line for line in to_ris([back]).splitlines() if line.strip()][-4:-1] == [
            "N1  - Cited By :5", "Export Date: 1 January 2021", "Correspondence Address: Smith, J.; Department of Geography"]
