"""EndNote's tagged export (.enw, "%0 Journal Article"), its XML export, Web of Science's plain text and
PubMed's MEDLINE (.nbib) are formats citecheck does not read: refused with the way to export RIS, where they were parsed as a free-text list into nonsense
("author = {{\\%0 Journal Article \\%A Smith} ...}", exit 0) (session 12, structured 32, 33)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.errors import InputError
from citecheck.inputs import read_source
from citecheck.inputs.sniff import unread_export

ENW = "%0 Journal Article\n%A Smith, John\n%T Heat islands\n%J Nature\n%D 2020\n\n%0 Book\n%A Lee, K.\n%T A book\n"
XML = ('<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><rec-number>1</rec-number>'
       '<titles><title>Heat islands</title></titles></record></records></xml>\n')


WOS = ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\n   Doe, AB\nTI Heat islands\n"
       "SO NATURE CLIMATE CHANGE\nPY 2020\nER\n\nEF\n")
MEDLINE = "PMID- 12345678\nOWN - NLM\nTI  - A PubMed title.\nAU  - Smith J\nFAU - Smith, John\nDP  - 2019 Mar\n"


def test_the_exports_are_named():
    assert unread_export(ENW) == "enw" and unread_export(XML) == "endnote-xml"
    assert unread_export(WOS) == "wos" and unread_export(MEDLINE) == "medline"
    assert unread_export("%0 of the budget went to rent.\nSmith, J. (2019). A title. Press.\n") is None
    assert unread_export("Smith, J. (2019). A title. Press.\n") is None


@pytest.mark.parametrize(("name", "text", "said"), [("lib.enw", ENW, "EndNote's tagged (.enw) format"),
                                                     ("lib.xml", XML, "EndNote XML"), ("lib.txt", ENW, ".enw"),
                                                     ("savedrecs.txt", WOS, "Web of Science's plain-text"),
                                                     ("pubmed.nbib", MEDLINE, "PubMed's MEDLINE")])
def test_read_source_refuses_them_saying_how_to_export_ris(tmp_path, name, text, said):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_source(str(path))
    assert said in str(caught.value) and ("RIS" in str(caught.value).split("does not read")[1])


def test_convert_exits_3(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib.enw").write_text(ENW, encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", "lib.enw", "--to", "biblatex"])
    assert result.exit_code == 3 and "@misc" not in result.stdout
