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


def test_members_of_a_cited_set_and_related_entries_are_used():
    """Citing a biblatex @set prints its members as one entry, and ``related`` prints the related entry's data
    in the citing one: both were "listed but never cited"."""
    bib = """@set{both, entryset = {first,second}}
@article{first, author = {One, A.}, title = {First}, journaltitle = {J}, date = {2001}}
@article{second, author = {Two, B.}, title = {Second}, journaltitle = {J}, date = {2002}}
@book{trans, author = {Weber, Max}, title = {Economy and Society}, date = {1978}, related = {orig}, relatedtype = {origpubin}}
@book{orig, author = {Weber, Max}, title = {Wirtschaft und Gesellschaft}, date = {1922}}
@book{alone, author = {Else, E.}, title = {Alone}, date = {1999}}
"""
    refs, _ = parse_bibtex(bib, "refs.bib")
    found = reconcile(parse_latex("\\cite{both,trans}", "p.tex").citations, refs, []).findings
    assert [f.reference for f in found if f.kind.value == "uncited-reference"] == ["alone"]


def test_an_uncited_set_is_named_by_its_members():
    """An @set has no author, title or date of its own: uncited, it was "listed but never cited: (n.d.)"."""
    refs, _ = parse_bibtex(BIB + "@set{pair, entryset = {paper,conf}}\n", "refs.bib")
    found = reconcile(parse_latex("\\cite{paper}", "p.tex").citations, refs, []).findings
    (uncited,) = [f for f in found if f.reference == "pair"]
    assert uncited.message == "listed but never cited: the set of Child (2015); Ed (2015)"  # the paper dated by its proceedings


def test_an_xdata_entry_is_never_uncited():
    """An @xdata entry is data other entries take in: biber never prints it and nothing cites it. With the entries
    using it uncited themselves, it was "listed but never cited: (n.d.)" (session 14, users)."""
    refs, _ = parse_bibtex(BIB, "refs.bib")
    found = reconcile(parse_latex("\\cite{other}", "p.tex").citations, refs, []).findings
    assert sorted(f.reference for f in found if f.kind.value == "uncited-reference") == ["conf", "paper", "unused"]
