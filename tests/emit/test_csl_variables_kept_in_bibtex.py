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


def test_csl_types_and_variables_survive_bibtex_and_ris_through_convert(tmp_path, monkeypatch):
    """`convert` of Zotero's CSL-JSON to BibLaTeX or RIS and back: a type the entry's own type does not say
    (legislation, map, song, a blog post, an entry-dictionary, ...: @misc, "document" back) was lost without a word,
    and a CSL variable without a tag (``my-field``, Zotero's ``archive-place``) was left out of RIS. The type is a
    field of its own, ``csl-type`` (RIS: ``M2  - tex.csl-type: map``), as the variables are ``csl-NAME`` (session
    16, user)."""
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    monkeypatch.chdir(tmp_path)
    types = ["legislation", "map", "song", "post-weblog", "entry-dictionary", "personal_communication", "treaty",
             "book", "article-journal", "webpage"]
    items = [{"id": f"k{i}", "type": t, "title": f"T {t}", "author": [{"family": "A", "given": "B"}],
              "issued": {"date-parts": [[2000]]}, "archive-place": "Kew"} for i, t in enumerate(types)]
    (tmp_path / "items.json").write_text(json.dumps(items), encoding="utf-8")
    runner = CliRunner()
    for middle in ("bib", "ris"):
        there = runner.invoke(app, ["convert", "items.json", "-o", f"items.{middle}"])
        assert there.exit_code == 0 and "left out" not in there.stderr, there.output
        back = runner.invoke(app, ["convert", f"items.{middle}", "--to", "csl-json", "-o", "-"])
        assert back.exit_code == 0, back.output
        assert [(i["type"], i.get("archive-place")) for i in json.loads(back.stdout)] == [(t, "Kew") for t in types]
    bib = (tmp_path / "items.bib").read_text(encoding="utf-8")
    assert bib.count("csl-type = ") == 7  # not where @book, @article and @online say it
