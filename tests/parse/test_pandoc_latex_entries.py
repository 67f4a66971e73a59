"""LaTeX pandoc wrote (``pandoc --citeproc -t latex``) anchors each entry, ``\\leavevmode\\vadjust
pre{\\hypertarget{ref-report1}{}}%``, and links each citation, ``\\hyperlink{ref-lee}{Lee 2019}``: the anchor was
read as text, an author "preref-report1 Acme Corp" and a key "prerefbeethovenbeethoven1961" (session 13, users)."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.parse.latex import decode_latex
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
