"""LaTeX ``thebibliography``: every ``\\bibitem`` is a keyed reference, its markup decoded, its span in the .tex."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.inputs import read_source
from citecheck.parse.document import convert_references, parse_document
from citecheck.parse.latex import decode_latex, parse_latex
from citecheck.pipeline import check

TEX = r"""\documentclass{article}
\begin{document}
As shown by \cite{knuth84} and \citet{lamport94}, see also \cite{gomez} and \cite{nowhere}.
\begin{thebibliography}{9}
\bibitem{knuth84} Donald~E. Knuth. \newblock {\em The \TeX book}. \newblock Addison-Wesley, Reading, MA, 1984.
\bibitem[Lamport(1994)]{lamport94}
  Leslie Lamport (1994). \emph{\LaTeX: A Document Preparation System}, 2nd edn.
  Addison-Wesley \& Sons, pp.~1--30. % a comment, not text
\bibitem{gomez} G\'{o}mez, J. and M\"uller, K. (2020). Caf{\'e} culture. \textit{Journal of Things}, 12(3), 45--67. \url{https://example.org/a_b~c}. doi:10.1000/xyz
\bibitem{unused} Nobody, A. (2000). Never cited. Press.
\end{thebibliography}
\end{document}
"""


def test_every_bibitem_is_a_keyed_reference():
    refs = parse_latex(TEX, "p.tex").references
    assert [r.key for r in refs] == ["knuth84", "lamport94", "gomez", "unused"]
    knuth, lamport, gomez, _ = refs
    assert knuth.year == 1984 and "TeXbook" in knuth.title
    assert lamport.year == 1994 and lamport.title.startswith("LaTeX: A Document Preparation System")
    assert "comment" not in lamport.raw and "&" in lamport.raw and "1\u201330" in lamport.raw
    assert [a.family for a in gomez.authors] == ["Gómez", "Müller"]
    assert gomez.title == "Café culture" and gomez.container == "Journal of Things"
    assert gomez.urls[0].url == "https://example.org/a_b~c" and gomez.doi == "10.1000/xyz"


def test_spans_point_at_the_tex_source():
    refs = parse_latex(TEX, "p.tex").references
    assert [r.span.line for r in refs] == [5, 7, 9, 10]
    assert all(r.span.file == "p.tex" for r in refs)
    assert TEX[refs[2].span.start : refs[2].span.end].startswith("G\\'{o}mez, J.")
    assert TEX[refs[2].span.start : refs[2].span.end].endswith("doi:10.1000/xyz")


@pytest.mark.parametrize("latex, plain", [
    (r"{\em Title} and \emph{Other} \textbf{B}", "Title and Other B"),
    (r"pp.~1--30 --- and ``quoted''", "pp. 1\u201330 \u2014 and \u201cquoted\u201d"),
    (r"\"{o} \'e \c{c} {\ss} \o{} \v{S}", "ö é ç ß ø Š"),
    (r"A \& B, 50\% \href{https://x.org/p}{here}", "A & B, 50% https://x.org/p"),
    (r"\bibinfo{author}{Smith}   \newblock\unknown{kept}", "Smith kept"),
    (r"inter\-national\\ next\,line \textendash{} end", "international next line \u2013 end"),
])
def test_decoder(latex, plain):
    text, origin = decode_latex(latex, 0, len(latex))
    assert text == plain and len(origin) == len(text)
    assert all(0 <= o < len(latex) for o in origin) and origin == sorted(origin)


def test_check_without_a_bib_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text(TEX, encoding="utf-8")
    parsed = parse_document(read_source("paper.tex"))
    assert parsed.companions == () and len(parsed.references) == 4
    result = check(["paper.tex"], Settings())
    found = sorted((f.kind.value, f.reference or f.citation) for f in result.findings
                   if f.kind.value in {"missing-reference", "uncited-reference"})
    assert [(k, "nowhere" if v and "nowhere" in v else v) for k, v in found] == [
        ("missing-reference", "nowhere"), ("uncited-reference", "unused")]
    assert [r.key for r in convert_references(read_source("paper.tex"))][:3] == ["knuth84", "lamport94", "gomez"]
