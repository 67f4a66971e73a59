"""CSL's ``archive``, ``archive_location`` and ``archive-place`` (a letter in a record office, Zotero's Archive and
Loc. in Archive) reach RIS and come back: DB and AN, as Zotero's RIS.js writes and reads them, and an M2 line
``archive-place: ...`` (Zotero has no field for it; its Extra holds CSL variables so); RIS had "no tag for" them,
and they were left out with a warning."""
from __future__ import annotations

import json
import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

ITEM = {"id": "letter1", "type": "manuscript", "title": "Letter to the editor", "author": [{"family": "Smith", "given": "John"}],
        "issued": {"date-parts": [[1923]]}, "archive": "National Archives", "archive_location": "Box 12, Folder 3",
        "archive-place": "Kew, London"}
ARCHIVED = ("archive", "archive_location", "archive-place")


def test_csl_archive_variables_are_ris_db_an_and_an_m2_line(caplog):
    refs, _ = parse_csl_json(json.dumps([ITEM]), "in.json")
    with caplog.at_level(logging.WARNING):
        lines = to_ris(refs).splitlines()
    assert "no tag for" not in caplog.text
    assert {"DB  - National Archives", "AN  - Box 12, Folder 3", "M2  - archive-place: Kew, London"} <= set(lines)


def test_csl_archive_variables_survive_ris_and_biblatex_round_trips():
    refs, _ = parse_csl_json(json.dumps([ITEM]), "in.json")
    via_ris, findings = parse_ris(to_ris(refs), "rt.ris")
    assert not findings
    via_bib, _ = parse_bibtex(to_bibtex(via_ris), "rt.bib")
    for again in (via_ris, via_bib):
        item = json.loads(to_csl_json(again))[0]
        assert {k: item.get(k) for k in ARCHIVED} == {k: ITEM[k] for k in ARCHIVED}


def test_a_second_db_stays_its_own_tag():
    text = "TY  - JOUR\nTI  - T\nPY  - 2020\nDB  - Scopus\nDB  - Web of Science\nER  - \n"
    (ref,), _ = parse_ris(text, "two.ris")
    assert dict(ref.extra)["csl:archive"] == "Scopus" and dict(ref.extra)["ris:DB"] == "Web of Science"
    assert [line for line in to_ris([ref]).splitlines() if line.startswith("DB")] == ["DB  - Scopus", "DB  - Web of Science"]


def test_the_catalogue_a_record_came_from_is_csl_source_and_ris_dp(caplog):
    """Zotero's Library Catalog: CSL-JSON ``source``, RIS ``DP`` (RIS.js). CSL's source was "no tag for" in RIS,
    and a DP read from RIS was kept as ``ris:DP``, never CSL's source."""
    item = {**ITEM, "type": "article-journal", "container-title": "Journal", "source": "JSTOR"}
    refs, _ = parse_csl_json(json.dumps([item]), "in.json")
    with caplog.at_level(logging.WARNING):
        text = to_ris(refs)
    assert "DP  - JSTOR" in text.splitlines() and "no tag for" not in caplog.text
    via_ris, _ = parse_ris(text, "rt.ris")
    via_bib, _ = parse_bibtex(to_bibtex(via_ris), "rt.bib")
    for again in (via_ris, via_bib):
        assert json.loads(to_csl_json(again))[0]["source"] == "JSTOR"
