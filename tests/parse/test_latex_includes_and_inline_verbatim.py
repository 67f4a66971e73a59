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
