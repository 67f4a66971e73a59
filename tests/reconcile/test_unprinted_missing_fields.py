"""An entry of a .bib that the checked document never cites is never printed: its lacking fields are no
``missing-field`` warning (bibtex warns of the cited entries only), the entry being said uncited once. Before, a
paper citing 2 entries of a library .bib got a missing-field warning for every incomplete entry it never cited."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

BIB = """@article{cited_undated, author = {Doe, J.}, title = {No journal, no year}}
@techreport{uncited_report, author = {Roe, R.}, title = {A report}, year = 2020}
@article{cited_ok, author = {Lee, K.}, title = {Fine}, journal = {J}, year = 2010}
"""
TEX = r"""\documentclass{article}
\begin{document}
See \cite{cited_undated} and \cite{cited_ok}.
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""


def _kinds(result):
    return sorted((f.kind.value, f.reference) for f in result.findings
                  if f.kind in (Kind.MISSING_FIELD, Kind.UNCITED_REFERENCE))


def test_an_uncited_entrys_lacking_fields_are_not_said_in_a_document_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.tex").write_text(TEX, encoding="utf-8")
    assert _kinds(check(["paper.tex"], Settings())) == [
        ("missing-field", "cited_undated"), ("uncited-reference", "uncited_report")]


def test_a_bib_checked_alone_says_every_entrys_lacking_fields(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    assert _kinds(check(["refs.bib"], Settings())) == [
        ("missing-field", "cited_undated"), ("missing-field", "uncited_report")]


CLASSIC_BIB = """@inbook{chapter, author = {Oke, T.}, title = {Urban Climates}, chapter = {3}, publisher = {CUP}, year = {2017}}
@booklet{flyer, title = {Heat tips}, howpublished = {Flyer}, year = {2020}}
@online{post, author = {Smith, A.}, title = {Blog post}, url = {https://example.org/post}}
@article{nojournal, author = {Lee, K.}, title = {Fine}, year = 2010}
"""


def _cited_all(tmp_path, monkeypatch, preamble: str, back: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(CLASSIC_BIB, encoding="utf-8")
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n" + preamble + "\\begin{document}\n"
                                        "\\cite{chapter,flyer,post,nojournal}\n" + back + "\\end{document}\n",
                                        encoding="utf-8")
    return sorted(f.reference for f in check(["paper.tex"], Settings()).findings if f.kind is Kind.MISSING_FIELD)


def test_a_bib_bibtex_processes_lacks_only_what_bibtexs_standard_styles_require(tmp_path, monkeypatch):
    """bibtex's @inbook is a book's chapter (its title the book's), a @booklet needs no author, @online is its @misc
    (no year needed): before, a natbib paper's .bib got biber's "lacks booktitle" and the like for them."""
    assert _cited_all(tmp_path, monkeypatch, "\\usepackage{natbib}\n",
                      "\\bibliographystyle{plainnat}\n\\bibliography{refs}\n") == ["nojournal"]


def test_a_bib_biber_processes_lacks_what_bibers_data_model_requires(tmp_path, monkeypatch):
    assert _cited_all(tmp_path, monkeypatch, "\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n",
                      "\\printbibliography\n") == ["chapter", "flyer", "nojournal", "post"]
