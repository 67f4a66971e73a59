"""A CSL variable BibLaTeX has no field for (Zotero's archive, archive_location, call-number, source ...) is
a .bib field of its own, ``csl-archive``, read back as the variable: CSL-JSON -> BibLaTeX -> CSL-JSON lost it
(left out with a warning) (session 12, structured 56)."""
from __future__ import annotations

import json
import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json

ITEM = {"id": "arch", "type": "book", "title": "Letters", "author": [{"family": "Woolf", "given": "Virginia"}],
        "issued": {"date-parts": [[1925]]}, "archive": "British Library", "archive_location": "Add MS 12345, f. 6",
        "call-number": "BL-12345", "source": "Library catalog", "medium": "Ink on paper"}


def test_csl_variables_without_a_field_survive_a_bibtex_round_trip(caplog):
    refs, _ = parse_csl_json(json.dumps([ITEM]), "zotero.json")
    with caplog.at_level(logging.WARNING):
        bib = to_bibtex(refs)
    assert "no field for" not in caplog.text
    assert "  csl-archive = {British Library},\n" in bib and "  csl-call-number = {BL-12345},\n" in bib
    (back,), _ = parse_bibtex(bib, "zotero.bib")
    item = json.loads(to_csl_json([back]))[0]
    assert {k: item.get(k) for k in ("archive", "archive_location", "call-number", "source", "medium")} == {
        k: ITEM[k] for k in ("archive", "archive_location", "call-number", "source", "medium")}


def test_a_manuscript_and_its_reviewed_authors_survive_bibtex_and_ris(caplog):
    """CSL's ``manuscript`` was @misc (CSL "document" back) and ``reviewed-author`` was left out of BibLaTeX
    (session 12, structured2 09): a manuscript is biblatex's @unpublished (Better BibTeX's, pandoc's mapping;
    RIS MANSCPT), a .bib's @unpublished that is no presentation reads back as one, and the reviewed authors
    are ``csl-reviewed-author``, a BibTeX name list (RIS: M2 ``reviewed-author: Family || Given``)."""
    from citecheck.emit.ris import to_ris
    from citecheck.parse.ris import parse_ris

    item = {"id": "m", "type": "manuscript", "title": "Letter to a friend", "container-title": "Papers of V. Woolf",
            "author": [{"family": "Woolf", "given": "Virginia"}], "issued": {"date-parts": [[1925]]},
            "reviewed-author": [{"family": "Rev", "given": "A."}, {"literal": "The Society"}]}
    refs, _ = parse_csl_json(json.dumps([item]), "zotero.json")
    with caplog.at_level(logging.WARNING):
        bib = to_bibtex(refs)
    assert "no field for" not in caplog.text
    assert bib.startswith("@unpublished{m,") and "howpublished = {Papers of V. Woolf}" in bib
    assert "csl-reviewed-author = {Rev, A. and {The Society}}" in bib
    (back,), _ = parse_bibtex(bib, "zotero.bib")
    assert to_bibtex([back]) == bib
    ris = to_ris([back])
    assert ris.startswith("TY  - MANSCPT\n") and "M2  - reviewed-author: Rev || A.\n" in ris
    (again,), _ = parse_ris(ris, "zotero.ris")
    for ref in (back, again):
        out = json.loads(to_csl_json([ref]))[0]
        assert (out["type"], out["reviewed-author"], out["container-title"]) == (
            "manuscript", item["reviewed-author"], item["container-title"])
    (draft,), _ = parse_bibtex("@unpublished{d, author = {Doe, J.}, title = {Draft}, year = 2020}", "d.bib")
    assert to_bibtex([draft]).startswith("@unpublished{d,")  # it was @misc
