"""A .aux given alone that names no .bib: biblatex's (the .bcf beside it names them) or a LaTeX run
without \\bibliography: a message saying what to pass, not the Markdown one about headings."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.errors import InputError
from citecheck.pipeline import check

BIB = "@book{vanderberg2019sediment, author = {van der Berg, Anna}, title = {Sediment}, date = {2019}}\n"
BIBLATEX_AUX = ("\\relax \n\\abx@aux@refcontext{nyt/global//global/global}\n"
                "\\abx@aux@cite{0}{vanderberg2019sediment}\n\\abx@aux@cite{0}{ghostkey}\n")
BCF = ('<?xml version="1.0"?><bcf:controlfile xmlns:bcf="https://sourceforge.net/projects/biblatex">'
       '<bcf:datasource type="file" datatype="bibtex">refs.bib</bcf:datasource>'
       "<bcf:citekey>vanderberg2019sediment</bcf:citekey></bcf:controlfile>")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "main.aux").write_text(BIBLATEX_AUX, encoding="utf-8")
    return tmp_path


def test_a_biblatex_aux_alone_says_to_pass_the_bcf_or_the_bib(folder):
    with pytest.raises(InputError) as raised:
        check(["main.aux"], Settings())
    message = raised.value.message
    assert "main.aux names no .bib file" in message and "biblatex" in message and "main.bcf" in message
    assert "heading" not in message


def test_a_classic_aux_without_bibdata_says_to_pass_the_bib(folder):
    (folder / "run.aux").write_text("\\relax\n\\citation{vanderberg2019sediment}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        check(["run.aux"], Settings())
    assert "no \\bibdata" in raised.value.message and "heading" not in raised.value.message


def test_the_bcf_beside_a_biblatex_aux_names_its_bib(folder):
    (folder / "main.bcf").write_text(BCF, encoding="utf-8")
    result = check(["main.aux"], Settings())
    assert [(f.kind.value, f.citation) for f in result.findings] == [("missing-reference", "\\citation{ghostkey}")]


def test_the_bib_given_with_the_aux_leaves_no_warning(folder):
    result = check(["main.aux", "refs.bib"], Settings())
    assert [f.kind.value for f in result.findings] == ["missing-reference"]


def test_a_broken_bcf_beside_a_tex_is_a_warning_not_the_end_of_the_run(folder):
    (folder / "paper.tex").write_text("\\documentclass{article}\\begin{document}\\cite{vanderberg2019sediment}\n"
                                      "\\bibliography{refs}\\end{document}\n", encoding="utf-8")
    (folder / "paper.bcf").write_text('<?xml version="1.0"?>\n<bcf:controlfile xmlns:bcf="x"><bcf:bibdata>',
                                      encoding="utf-8")  # a LaTeX run stopped halfway
    result = check(["paper.tex"], Settings())
    assert len(result.references) == 1 and result.citation_targets == ("vanderberg2019sediment",)
    [warning] = result.findings
    assert warning.kind.value == "unparsed-entry" and warning.severity.label == "warning"
    assert "paper.bcf, beside paper.tex, cannot be read" in warning.message and warning.span.line == 2


def test_a_missing_bib_is_named_once_with_its_line(folder):
    (folder / "run.aux").write_text("\\relax\n\\bibdata{nothere}\n\\citation{a}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        check(["run.aux"], Settings())
    assert str(raised.value) == "run.aux:2: no bibliography: the bibliography file nothere.bib cannot be used: no such file"


def test_a_bibliography_not_closed_is_the_reason_given(folder):
    (folder / "paper.tex").write_text("\\documentclass{article}\\begin{document}\\cite{x}\n"
                                      "\\bibliography{refs\n\\end{document}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        check(["paper.tex"], Settings())
    assert str(raised.value) == ("paper.tex:2: no bibliography: \\bibliography{ is not closed (its } is missing): "
                                 "the file it names is not read")


def test_the_aux_of_each_included_file_is_read_as_bibtex_reads_it(folder):
    """LaTeX writes the keys of an \\include'd chapter to its own .aux and names it in the main one
    (\\@input{chapters/methods.aux}): a key cited only there is cited, and a missing one is missing."""
    (folder / "chapters").mkdir()
    (folder / "chapters" / "methods.aux").write_text("\\relax \n\\citation{vanderberg2019sediment}\n"
                                                     "\\citation{ghostkey}\n", encoding="utf-8")
    (folder / "run.aux").write_text("\\relax \n\\@input{chapters/methods.aux}\n\\bibstyle{plain}\n\\bibdata{refs}\n",
                                    encoding="utf-8")
    result = check(["run.aux"], Settings())
    assert [(f.kind.value, f.span.file, f.span.line) for f in result.findings] == [
        ("missing-reference", "chapters/methods.aux", 3)]


def test_a_named_bib_that_cannot_be_read_gives_its_own_line(folder):
    """A .bib in Latin-1 named by a .tex: the error named the .tex's line, not the .bib's where UTF-8 fails
    (checked alone, the .bib's error names it) (session 13, users)."""
    (folder / "p.tex").write_text("\\documentclass{article}\\begin{document}\\cite{a}\n\\bibliography{lat}\n"
                                  "\\end{document}\n", encoding="utf-8")
    (folder / "lat.bib").write_bytes("% ok\n@article{a, author={M\xfcller, J}, title={T}, year=2019}\n".encode("latin-1"))
    with pytest.raises(InputError) as raised:
        check(["p.tex"], Settings())
    assert str(raised.value).startswith("p.tex:2: no bibliography: the bibliography file lat.bib cannot be used "
                                        "(its line 2): is not valid UTF-8 text")


def test_biblatex_nocite_all_in_the_aux_cites_every_entry(folder):
    """biblatex writes \\nocite{*} to the .aux as \\abx@aux@nociteall (BibTeX's is \\citation{*}): a .aux
    checked after `\\nocite{*}` reported every entry not cited by hand as uncited (session 16, user)."""
    (folder / "refs.bib").write_text(BIB + "@book{other, author = {Lee, C}, title = {Other}, date = {2020}}\n",
                                     encoding="utf-8")
    (folder / "main.aux").write_text(BIBLATEX_AUX + "\\abx@aux@nociteall\n", encoding="utf-8")
    result = check(["main.aux", "refs.bib"], Settings())
    assert [f.kind.value for f in result.findings] == ["missing-reference"]
