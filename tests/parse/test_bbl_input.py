"""A ``.bbl`` (bibtex's output) given itself, and natbib's ``\\penalty0`` in it (session 13, users).

``citecheck convert paper.bbl`` (the .bib lost, the .bbl kept) read it as free text: its TeX came out as
nonsense entries ("\\bibitem[Knuth" a title), exit 0. It is a bibliography file of ``\\bibitem``\\s, keys kept.
natbib's styles (plainnat, abbrvnat, unsrtnat) write every article's "124\\penalty0 (3):\\penalty0 1201--1219":
the "0" was read as text, volume 1240 and the pages lost, also in a ``\\input{paper.bbl}`` pasted into a .tex."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.inputs.sniff import sniff_format
from citecheck.parse.latex import decode_latex

BBL = r"""\begin{thebibliography}{2}
\providecommand{\natexlab}[1]{#1}
\providecommand{\url}[1]{\texttt{#1}}
\expandafter\ifx\csname urlstyle\endcsname\relax
  \providecommand{\doi}[1]{doi: #1}\else
  \providecommand{\doi}{doi: \begingroup \urlstyle{rm}\Url}\fi

\bibitem[Knuth(1984)]{knuth1984}
Donald~E. Knuth.
\newblock \emph{The {\TeX}book}.
\newblock Addison-Wesley, Reading, MA, 2 edition, 1984.

\bibitem[Zaugg and M{\"u}ller(2019)]{zaugg2019}
Anna Zaugg and J{\"o}rg M{\"u}ller.
\newblock Urban heat islands and night-time mortality.
\newblock \emph{Journal of Geophysical Research}, 124\penalty0 (3):\penalty0
  1201--1219, March 2019.

\end{thebibliography}
"""


def test_a_bbl_is_known_by_name_and_by_content():
    assert sniff_format("paper.bbl", BBL) == "bbl" and sniff_format("-", BBL) == "bbl"


def test_penalty_takes_its_number():
    text = r"124\penalty0 (3):\penalty0 1201--1219, x\penalty -100 y \penalty{5}z"
    assert decode_latex(text, 0, len(text))[0] == "124 (3): 1201\u20131219, x y z"


def test_convert_reads_a_bbl_as_its_bibitems(tmp_path):
    bbl = tmp_path / "paper.bbl"
    bbl.write_text(BBL, encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(bbl), "--to", "csl-json"])
    assert result.exit_code == 0, result.output
    items = {item["id"]: item for item in json.loads(result.stdout)}
    assert list(items) == ["knuth1984", "zaugg2019"]
    zaugg = items["zaugg2019"]
    assert (zaugg["container-title"], zaugg["volume"], zaugg["issue"], zaugg["page"]) == (
        "Journal of Geophysical Research", "124", "3", "1201\u20131219")


def test_check_of_a_bbl_alone_is_a_bibliographys(tmp_path):
    """As a .bib alone: its entries are read and checked, none called uncited (a .bbl lists what was cited)."""
    bbl = tmp_path / "paper.bbl"
    bbl.write_text(BBL, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(bbl), "--offline", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["references"]) == 2
    assert [f for f in report["findings"] if f["kind"] == "uncited-reference"] == []
