"""A bibliography file named for one format and holding another, an RIS export saved as ``refs.bib``
(Scopus and Web of Science offer "RIS" and "BibTeX" side by side), is read as what it holds, with a
warning naming the file, rather than refused as "no BibTeX entries found" (session 12, structured 14)."""
from __future__ import annotations

import json
import logging

from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.inputs import read_source
from citecheck.inputs.sniff import misnamed_format, sniff_format

RIS = "TY  - JOUR\nAU  - Smith, J.\nTI  - Really RIS\nT2  - Journal\nPY  - 2019\nER  - \n"
BIB = "@article{smith2019,\n  author = {Smith, J.},\n  title = {Really BibTeX},\n  journal = {J},\n  year = 2019,\n}\n"
CSL = '[{"id": "smith2019", "type": "article-journal", "title": "Really CSL", "issued": {"date-parts": [[2019]]}}]'


def test_content_decides_between_bibliography_formats():
    assert sniff_format("refs.bib", RIS) == "ris" and misnamed_format("refs.bib", RIS) == "ris"
    assert sniff_format("refs.ris", BIB) == "bibtex" and sniff_format("refs.bib", CSL) == "csl-json"
    assert sniff_format("refs.json", "\ufeff" + RIS) == "ris"
    # a file that holds what its name says, even after other text, is read so
    assert misnamed_format("refs.bib", BIB) is None and misnamed_format("refs.ris", RIS) is None
    assert misnamed_format("refs.bib", RIS + "\n" + BIB) is None  # an entry further on: BibTeX, as named
    assert misnamed_format("essay.md", RIS) is None and sniff_format("refs.bib", "no entries") == "bibtex"


def test_read_source_says_it(tmp_path, caplog):
    path = tmp_path / "scopus.bib"
    path.write_text(RIS, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        doc = read_source(str(path))
    assert doc.format == "ris"
    assert f"{path}: holds RIS, not the BibTeX its name says (line 1: 'TY  - JOUR'); read as RIS" in caplog.text


def test_convert_and_check_read_a_misnamed_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scopus.bib").write_text(RIS, encoding="utf-8")
    (tmp_path / "zotero.bib").write_text(CSL, encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", "scopus.bib", "--to", "csl-json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["title"] == "Really RIS"
    result = CliRunner().invoke(app, ["convert", "zotero.bib", "--to", "ris"])
    assert result.exit_code == 0 and "TI  - Really CSL" in result.stdout
    result = CliRunner().invoke(app, ["check", "scopus.bib", "--offline", "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)["references"]) == 1
