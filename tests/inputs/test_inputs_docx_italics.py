"""Word's italics are read as Markdown's, "*Beloved*", as pandoc writes them (session 14, users): an MLA essay in
Word citing a work by its title, "(*Beloved* 45)", lost the italics that make it a title, and "Beloved" was read as
an author no entry has (a false missing reference, and Morrison's entry a false "listed but never cited"); a Works
Cited entry listed under its title, "*Toni Morrison Papers*. Princeton University Library, 2014.", had no title."""
from __future__ import annotations

import docx

from citecheck.config import Settings
from citecheck.inputs import read_source
from citecheck.model import Kind
from citecheck.pipeline import check


def _mla(path) -> None:
    document = docx.Document()
    p = document.add_paragraph("Morrison's ghosts speak plainly (")
    p.add_run("Be").italic = True
    p.add_run("loved ").italic = True  # one title over two runs, a blank at its end
    p.add_run("45). The archive holds her drafts (\"Toni Morrison Papers\"). Okafor agrees (Okafor 12).")
    document.add_heading("Works Cited", 1)
    for lead, title, rest in [("Morrison, Toni. ", "Beloved", ". Knopf, 1987."),
                              ("", "Toni Morrison Papers", ". Princeton University Library, 2014."),
                              ("Okafor, Chidi. ", "Lagos Stories", ". Cassava Republic, 2018.")]:
        entry = document.add_paragraph(lead)
        entry.add_run(title).italic = True
        entry.add_run(rest)
    document.save(path)


def test_italics_are_kept_as_markdown_emphasis(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _mla(tmp_path / "mla.docx")
    text = read_source("mla.docx").text
    assert "plainly (*Beloved* 45)." in text and "Morrison, Toni. *Beloved*. Knopf, 1987." in text
    result = check(["mla.docx"], Settings())
    assert [f.kind for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)] == []
    assert [r.title for r in result.references] == ["Beloved", "Toni Morrison Papers", "Lagos Stories"]


def test_entries_one_a_line_in_one_paragraph_stay_apart(tmp_path, monkeypatch):
    """A bibliography typed with Shift+Enter between its entries (Word's manual line break, w:br, in one paragraph):
    the breaks were read as spaces and the entries as one, Jones's and Lee's in no reference and no finding, and
    their citations false missing references (session 14, users)."""
    monkeypatch.chdir(tmp_path)
    document = docx.Document()
    document.add_paragraph("Cities are hot (Smith 2019; Jones 2018; Lee 2017).")
    document.add_heading("Bibliography", 1)
    p = document.add_paragraph("Smith, Alice. Hot Cities. Oxford: Oxford University Press, 2019.")
    p.add_run().add_break()
    p.add_run("Jones, Bob. Cold Cities. London: Verso, 2018.")
    p.add_run().add_break()
    p.add_run("Lee, Carl. Warm Cities. Berlin: Springer, 2017.")
    document.save(tmp_path / "breaks.docx")
    assert "Press, 2019.\nJones, Bob." in read_source("breaks.docx").text
    result = check(["breaks.docx"], Settings())
    assert [(r.authors[0].family, r.year) for r in result.references] == [("Smith", 2019), ("Jones", 2018), ("Lee", 2017)]
    assert not [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
