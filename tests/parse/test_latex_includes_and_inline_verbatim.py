"""A LaTeX author's project as LaTeX reads it: ``\\input`` paths from the main document's folder
(also inside a chapter in a subfolder), TeX's brace-less ``\\input name``, and text LaTeX prints
verbatim (``\\verb|...|``) or as words (natbib's ``\\citetext``), which cites nothing."""
from __future__ import annotations

import logging

import pytest

from citecheck.inputs import read_source
from citecheck.parse.document import parse_document
from citecheck.parse.latex import parse_latex


def keys(tex: str) -> list[str]:
    return [c.key for c in parse_latex(tex, "p.tex").citations]


def test_verb_and_lstinline_cite_nothing():
    tex = "Write \\verb|\\cite{inverb}| or \\verb+\\citep{plus}+ or \\lstinline!\\cite{lst}! and \\cite{real}.\n"
    assert keys(tex) == ["real"]


def test_a_verb_never_spans_lines():
    assert keys("\\verb|open\n\\cite{a}|\n") == ["a"]


def test_citetext_is_words_not_keys():
    assert keys("\\citetext{priv.\\ comm.} and \\citep{a}") == ["a"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sec").mkdir()
    return tmp_path


def test_inputs_resolve_from_the_main_folder_and_without_braces(project):
    (project / "main.tex").write_text("\\input sec/a\n\\input{sec/b}\n\\cite{main}\n")
    (project / "sec" / "a.tex").write_text("\\cite{ka}\n")
    (project / "sec" / "b.tex").write_text("\\cite{kb} \\input{sec/c}\n")  # sec/c, as LaTeX runs in main's folder
    (project / "sec" / "c.tex").write_text("\\cite{kc}\n")
    parsed = parse_document(read_source("main.tex"))
    assert [c.key for c in parsed.citations] == ["main", "ka", "kb", "kc"]


def test_an_input_beside_the_including_file_is_still_read(project):
    (project / "main.tex").write_text("\\input{sec/b}\n")
    (project / "sec" / "b.tex").write_text("\\input{c}\n")  # the import package's habit
    (project / "sec" / "c.tex").write_text("\\cite{kc}\n")
    assert [c.key for c in parse_document(read_source("main.tex")).citations] == ["kc"]


def test_an_included_file_not_found_is_a_warning(project, caplog):
    (project / "main.tex").write_text("\\cite{a}\n\\include{chapters/gone}\n")
    with caplog.at_level(logging.WARNING):
        parse_document(read_source("main.tex"))
    assert any("main.tex:2" in r.getMessage() and "gone.tex" in r.getMessage() for r in caplog.records)


def test_the_import_package_names_folder_and_file_apart(project):
    # \import{dir/}{file} from the main folder; \subimport{dir/}{file} from the importing file's folder
    (project / "main.tex").write_text("\\import{sec/}{one}\n\\inputfrom{sec}{three.tex}\n\\cite{main}\n")
    (project / "sec" / "one.tex").write_text("\\citet{k1}\n\\subimport*{deeper/}{two}\n")
    (project / "sec" / "deeper").mkdir()
    (project / "sec" / "deeper" / "two.tex").write_text("\\citet{k2}\n")
    (project / "sec" / "three.tex").write_text("\\citet{k3}\n")
    assert [c.key for c in parse_document(read_source("main.tex")).citations] == ["main", "k1", "k2", "k3"]


def test_a_subfile_checked_alone_uses_its_main_document_s_bibliography(project):
    # subfiles compiles a chapter with the main document's preamble: its \addbibresource names the .bib
    from citecheck.config import Settings
    from citecheck.pipeline import check

    (project / "refs.bib").write_text("@book{lee2001, author = {Lee, Kim}, title = {A Book}, year = {2001}}\n")
    (project / "main.tex").write_text("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n"
                                      "\\begin{document}\n\\subfile{sec/results}\n\\end{document}\n")
    (project / "sec" / "results.tex").write_text("\\documentclass[../main.tex]{subfiles}\n\\begin{document}\n"
                                                 "Results \\cite{lee2001} and \\cite{ghost}.\n\\end{document}\n")
    result = check(["sec/results.tex"], Settings())
    assert [r.key for r in result.references] == ["lee2001"]
    assert [(f.kind.value, f.span.line) for f in result.findings] == [("missing-reference", 3)]


def test_an_input_bbl_is_read_as_tex_reads_it(project):
    # journals and arXiv ask for the bibliography pasted in: \input{paper.bbl} (TeX tries paper.bbl.tex first)
    (project / "paper.bbl").write_text("\\begin{thebibliography}{1}\n\\bibitem[Lee(2001)]{lee2001}\nKim Lee.\n"
                                       "\\newblock A book.\n\\newblock Pub, 2001.\n\\end{thebibliography}\n")
    (project / "paper.tex").write_text("\\begin{document}\n\\citet{lee2001}\n\\input{paper.bbl}\n\\end{document}\n")
    parsed = parse_document(read_source("paper.tex"))
    assert [(r.key, r.year, r.span.file) for r in parsed.references] == [("lee2001", 2001, "paper.bbl")]
    assert [c.key for c in parsed.citations] == ["lee2001"]
