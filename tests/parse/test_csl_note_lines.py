"""A CSL note keeps its lines (Zotero's Extra: one ``key: value`` a line), CSL -> CSL and as RIS N1
lines (user round 4, 08)."""
from __future__ import annotations

import json

from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

NOTE = "PMID: 8589715\nPMCID:  PMC123456\noriginal-date: 1850"
ITEM = {"id": "s", "type": "article-journal", "title": "Widgets", "note": NOTE, "abstract": "One.\n\nTwo."}


def test_note_lines_are_kept_csl_to_csl_and_through_ris():
    (ref,), _ = parse_csl_json(json.dumps([ITEM]), "z.json")
    assert ref.note == "PMID: 8589715\nPMCID: PMC123456\noriginal-date: 1850"  # blanks in a line squeezed
    assert dict(ref.extra)["abstract"] == "One.\n\nTwo."
    item = json.loads(to_csl_json([ref]))[0]
    assert item["note"] == ref.note
    ris = to_ris([ref])
    assert [line for line in ris.splitlines() if line.startswith("N1")] == [
        "N1  - PMID: 8589715", "N1  - PMCID: PMC123456", "N1  - original-date: 1850"]
    (back,), _ = parse_ris(ris, "z.ris")
    assert back.note == ref.note
