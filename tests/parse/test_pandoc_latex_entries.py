"""LaTeX pandoc wrote (``pandoc --citeproc -t latex``) anchors each entry, ``\\leavevmode\\vadjust
pre{\\hypertarget{ref-report1}{}}%``, and links each citation, ``\\hyperlink{ref-lee}{Lee 2019}``: the anchor was
read as text, an author "preref-report1 Acme Corp" and a key "prerefbeethovenbeethoven1961" (session 13, users)."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.parse.latex import decode_latex, parse_latex
from citecheck.pipeline import check

TEX = r"""\documentclass{article}
\begin{document}
Text.

\section*{References}\label{references}

\begin{CSLReferences}{1}{0}
\leavevmode\vadjust pre{\hypertarget{ref-report1}{}}%
Acme Corp. 2020. {``Annual Report.''} Technical report TR-2020-01. Acme.

\leavevmode\vadjust pre{\hypertarget{ref-kim}{}}%
Kim, Soo. 2015. {``A Thesis.''} PhD thesis, MIT.
\end{CSLReferences}
\end{document}
"""


def test_anchors_and_links_are_no_text():
    text = r"(\protect\hyperlink{ref-kim}{Kim 2015}) \leavevmode\vadjust pre{\hypertarget{ref-kim}{}}"
    assert decode_latex(text, 0, len(text))[0].strip() == "(Kim 2015)"


def test_pandocs_entries_read_clean(tmp_path):
    tex = tmp_path / "rendered.tex"
    tex.write_text(TEX, encoding="utf-8")
    refs = check([str(tex)], Settings()).references
    assert [(r.authors[0].literal or r.authors[0].family, r.year) for r in refs] == [("Acme Corp", 2020), ("Kim", 2015)]
    assert all("ref-" not in r.raw and not r.raw.startswith("pre") for r in refs)


# pandoc 3.1.8 on writes each citation ``\citeproc{ref-key}{..}`` and each entry ``\bibitem[\citeproctext]{ref-key}``
# (no heading here: the list alone, as pandoc writes it when the Markdown has none); tests/cases/pandoc-latex-rendered
# is pandoc 2's form (``\protect\hyperlink``, ``\hypertarget``) as pandoc wrote it
PANDOC3 = r"""\documentclass{article}
% definitions for citeproc citations (pandoc 3's template: its \cite{#1} cites no key "#1")
\NewDocumentCommand\citeproctext{}{}
\NewDocumentCommand\citeproc{mm}{%
  \begingroup\def\citeproctext{#2}\cite{#1}\endgroup}
\begin{document}
Books matter (\citeproc{ref-smith2019}{Smith 2019}), as do journals
(\citeproc{ref-jones2018}{Jones and Lee 2018, 4}). Smith
(\citeproc{ref-smith2019}{2019}) says more; so does Kim (\citeproc{ref-kim2021}{2021}).

\phantomsection\label{refs}
\begin{CSLReferences}{1}{0}
\bibitem[\citeproctext]{ref-jones2018}
Jones, Anna, and Kim Lee. 2018. {``Things in Journals.''} \emph{Journal
of Things} 3: 1--9.

\bibitem[\citeproctext]{ref-smith2019}
Smith, John. 2019. \emph{Another Book}. Verso.

\bibitem[\citeproctext]{ref-brown2017}
Brown, Kate. 2017. \emph{A Book Listed Only}. Seuil.

\end{CSLReferences}
\end{document}
"""


def test_pandocs_rendered_citations_are_checked_by_the_keys_they_link_to(tmp_path):
    tex = tmp_path / "rendered.tex"
    tex.write_text(PANDOC3, encoding="utf-8")
    result = check([str(tex)], Settings())
    assert [r.key for r in result.references] == ["jones2018", "smith2019", "brown2017"]
    assert all("ref-" not in r.raw and "citeproctext" not in r.raw for r in result.references)
    assert [(c.key, c.text, c.locator, c.narrative) for c in result.citations] == [
        ("smith2019", "Smith 2019", "", False), ("jones2018", "Jones and Lee 2018, 4", "4", False),
        ("smith2019", "2019", "", True), ("kim2021", "2021", "", True)]
    assert sorted((f.kind.value, f.reference or f.message) for f in result.findings
                  if f.kind.value in ("missing-reference", "uncited-reference")) == [
        ("missing-reference", 'undefined key "kim2021": cited (1 citation) but no entry has this key'),
        ("uncited-reference", "brown2017")]


def test_a_citation_command_in_a_macros_definition_cites_no_parameter():
    text = ("\\newcommand{\\mycite}[1]{\\cite{#1}}\n\\def\\x#1{\\citep[##1]{##2}}\n\\begin{document}\n"
            "\\mycite{lee} and \\cite{kim}.\n\\end{document}\n")
    assert [c.key for c in parse_latex(text, "macros.tex").citations] == ["lee", "kim"]  # \\mycite: a cite command too
