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
