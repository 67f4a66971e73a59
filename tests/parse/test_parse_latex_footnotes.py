"""LaTeX notes-bibliography: works written out in ``\\footnote{..}`` are matched like Markdown notes."""
from __future__ import annotations

import pytest

from citecheck.errors import InputError
from citecheck.model import Kind, SourceDoc
from citecheck.parse.document import convert_references, parse_document, parse_documents
from citecheck.parse.latex import parse_latex
from citecheck.parse.latex_written import footnotes, parse_written_bibliography

THEBIB = r"""\documentclass{article}
\begin{document}
Trafficking grew.\footnote{Barr, ``China's Bride,'' 3; see also \emph{Crossing the Tumen}, 45.}
Sold.\footnote{Ibid., 46.} Keys.\footnote{\cite{zaugg2019}.} Both.\footnote{Kim, \emph{Lost
Rivers} (Seoul: Hanul, 2011); \citep[p.~4]{barr2019}.}
% \footnote{Nobody, ``Commented Out,'' 1.}
\begin{thebibliography}{9}
\bibitem{barr2019} Barr, Heather. ``China's Bride Trafficking Problem.'' \emph{The Diplomat}, October 31, 2019.
\bibitem{lee2015} Lee, Min-ji. \emph{Crossing the Tumen}. Seoul: Hanul, 2015.
\bibitem{zaugg2019} Zaugg, Julie. ``These North Korean Defectors.'' CNN, June 10, 2019.
\end{thebibliography}
\end{document}
"""


def test_footnote_text_is_decoded_with_citation_commands_left_out():
    notes = footnotes(THEBIB, "n.tex")
    assert [n.label for n in notes] == ["1", "2", "4"]  # note 3 holds nothing but \cite
    assert notes[0].text.text == "Barr, “China's Bride,” 3; see also *Crossing the Tumen*, 45."
    assert notes[2].text.text.startswith("Kim, *Lost Rivers* (Seoul: Hanul, 2011);")
    assert "barr2019" not in notes[2].text.text and "Commented" not in " ".join(n.text.text for n in notes)
    span = notes[0].text.span(0, 4)  # "Barr", in the .tex
    assert (span.line, span.column) == (3, 28) and THEBIB[span.start:span.end] == "Barr"


def test_footnotetext_with_a_number_and_nested_braces():
    tex = r"A.\footnotemark[7] \footnotetext[7]{Lee, \emph{Crossing {the} Tumen}, \textbf{45}.} B.\footnote{X, ``Y,'' 2.}"
    notes = footnotes(tex, "f.tex")
    assert [(n.label, n.text.text) for n in notes] == [("7", "Lee, *Crossing the Tumen*, 45."), ("8", "X, “Y,” 2.")]


def test_notes_cite_thebibliography_entries_and_cite_keys_still_count():
    parsed = parse_document(SourceDoc("n.tex", THEBIB, "latex"))
    keys = sorted((c.key, c.span.line) for c in parsed.citations)
    assert ("zaugg2019", 4) in keys and ("barr2019", 5) in keys  # \cite inside footnotes
    assert ("barr2019", 3) in keys and ("lee2015", 3) in keys  # written-out works
    assert ("lee2015", 4) in keys  # "Ibid." cites the work cited last
    (missing,) = parsed.findings
    assert missing.kind is Kind.MISSING_REFERENCE and "note 4" in missing.message and missing.span.line == 4


def test_a_written_out_bibliography_section_is_the_reference_list():
    tex = r"""\begin{document}
Text.\footnote{Heather Barr, ``China's Bride Trafficking Problem,'' \emph{The Diplomat}, 2019.}
\section*{Bibliography}
\begin{itemize}
\item Barr, Heather. ``China's Bride Trafficking Problem.'' \emph{The Diplomat}, October 31, 2019.
\item Lee, Min-ji. \emph{Crossing the Tumen}. Seoul: Hanul, 2015.
\end{itemize}
\section{Appendix}
Not an entry, 2001.
\end{document}
"""
    refs = parse_written_bibliography(tex, "w.tex")
    assert [(r.authors[0].family, r.title, r.year) for r in refs] == [
        ("Barr", "China's Bride Trafficking Problem", 2019), ("Lee", "Crossing the Tumen", 2015)]
    assert refs[1].span.line == 6 and tex[refs[1].span.start:].startswith("Lee, Min-ji")
    parsed = parse_document(SourceDoc("w.tex", tex, "latex"))
    assert [c.key for c in parsed.citations] == [refs[0].key or "barrChinas2019"]
    assert [r.key for r in convert_references(SourceDoc("w.tex", tex, "latex"))] == ["barrChinas2019", "leeCrossing2015"]


def test_notes_see_a_named_bibliography_given_as_an_input_too():
    tex = "\\documentclass{article}\\begin{document}\nText.\\footnote{Barr, ``China's Bride,'' 3.}\n\\bibliography{refs}\n\\end{document}\n"
    bib = "@article{barr2019, author={Barr, Heather}, title={China's Bride Trafficking Problem}, year=2019}\n"
    files = {"d/refs.bib": SourceDoc("d/refs.bib", bib, "bibtex")}

    def load(path: str) -> SourceDoc:
        if path not in files:
            raise InputError("no such file", path)
        return files[path]

    doc, given = parse_documents([SourceDoc("d/p.tex", tex, "latex"), files["d/refs.bib"]], load)
    assert [c.key for c in doc.citations] == ["barr2019"] and doc.findings == ()
    assert doc.references == () and [r.key for r in given.references] == ["barr2019"]


def test_a_tex_without_footnotes_is_unchanged():
    parsed = parse_latex("\\begin{document}Plain \\cite{a}.\\end{document}", "p.tex")
    assert parsed.notes == () and [c.key for c in parsed.citations] == ["a"]


def test_a_references_heading_before_bibtex_commands_gives_no_entries():
    tex = "\\section{References}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n"
    assert parse_written_bibliography(tex, "a.tex") == ()
    grouped = ("\\section*{References}\n\\subsection*{Primary sources}\n"
               "Barr, Heather. ``China's Bride Trafficking Problem.'' \\emph{The Diplomat}, October 31, 2019.\n")
    (barr,) = parse_written_bibliography(grouped, "a.tex")
    assert barr.authors[0].family == "Barr" and barr.span.line == 3


def test_notes_are_matched_against_a_bib_given_with_the_tex_that_it_does_not_name(tmp_path, monkeypatch):
    from citecheck.config import Settings
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\begin{document}\nSold.\\footnote{Barr, ``China's Bride,'' 3.}\n"
        "\\printbibliography\n\\end{document}\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@article{barr2019, author={Barr, Heather}, title={China's Bride Trafficking Problem},"
        " journal={The Diplomat}, year={2019}}\n", encoding="utf-8")
    result = check(["paper.tex", "refs.bib"], Settings())
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


@pytest.mark.timeout(20)
def test_many_notes_and_citations_never_closed_are_read_in_linear_time():
    """Each unclosed ``\\footnote{`` was decoded to the end of the document, and each unclosed ``\\cite{``
    blanked to it, once per command: 1,600 of them took a minute, 3,000 over two (a hang to a user). An
    unclosed note now runs up to the next note, which is read on its own."""
    text = "\\documentclass{article}\\begin{document}" + "\\cite{a\n\nSee Barr, \\emph{Bride}.\\footnote{" * 2500
    notes = footnotes(text + "\\end{document}\n", "n.tex")
    assert len(notes) == 2500 and notes[0].text.text.startswith("See Barr, *Bride*.")
    assert notes[-2].text.text == "See Barr, *Bride*."


def test_a_note_never_closed_ends_at_the_next_note():
    text = ("\\documentclass{article}\\begin{document}\nOne.\\footnote{Barr, ``Bride,'' 3.\n\n"
            "Two.\\footnote{Lee, \\emph{Tumen}, 45.}\n\\end{document}\n")
    assert [n.text.text.strip() for n in footnotes(text, "n.tex")] == ["Barr, “Bride,” 3. Two.", "Lee, *Tumen*, 45."]
