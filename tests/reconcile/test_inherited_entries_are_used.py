"""An entry a cited entry inherits from (``crossref``, ``xref``, ``xdata``) is used, not uncited:
deleting the proceedings a cited paper crossrefs would break the paper's entry."""
from __future__ import annotations

from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.latex import parse_latex
from citecheck.reconcile.stage import reconcile

BIB = """@xdata{acm, publisher = {ACM}, location = {New York}}
@proceedings{conf, title = {Proceedings of Conf}, editor = {Ed, A.}, year = {2015}, xdata = {acm}}
@inproceedings{paper, author = {Child, C.}, title = {Child Paper}, crossref = {conf}, pages = {3--4}}
@proceedings{other, title = {Other Proceedings}, editor = {Ed, B.}, year = {2016}}
@inproceedings{unused, author = {Nobody, N.}, title = {Unused}, crossref = {other}}
"""


def test_parents_of_cited_entries_are_not_uncited():
    refs, _ = parse_bibtex(BIB, "refs.bib")
    citations = parse_latex("\\cite{paper}", "p.tex").citations
    found = reconcile(citations, refs, []).findings
    assert sorted(f.reference for f in found if f.kind.value == "uncited-reference") == ["other", "unused"]
