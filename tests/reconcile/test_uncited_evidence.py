"""An uncited-reference finding carries its evidence, as every finding does: what no citation
gives (the entry's key, or its names and year) and the closest citation, with its place."""
from __future__ import annotations

from citecheck.model import Citation, CitedName, Kind, Name, Reference, Span
from citecheck.reconcile import reconcile
from citecheck.resolve import offline_sources


def span(line: int, column: int = 1, file: str = "essay.md") -> Span:
    return Span(file, line, column, line * 100 + column, line * 100 + column + 5)


def ref(key: str, family: str, year: int) -> Reference:
    return Reference(raw=key, span=span(20), key=key, authors=(Name(family=family),), year=year, title="T " + key)


def author_date(name: str, year: int, line: int) -> Citation:
    return Citation(text=f"{name}, {year}", span=span(line, 13), names=(CitedName(name, span(line, 13)),), year=year)


def uncited(result):
    return [f for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]


def test_author_date_entry_names_what_is_missing_and_the_closest_citation():
    refs = (ref("zaugg2019", "Zaugg", 2019), ref("unused2010", "Unused", 2010), ref("garcio2020", "Garcio", 2020))
    result = reconcile([author_date("Zaugg", 2019, 3), author_date("Garcia", 2021, 5)], refs, offline_sources())
    [finding] = [f for f in uncited(result) if f.reference == "unused2010"]
    details = [e.detail for e in finding.evidence]
    assert details[0] == "no citation in essay.md names Unused (2010)"
    assert details[1].startswith('closest citation: "') and "at essay.md:" in details[1]
    assert all(e.source == "in-text citations" for e in finding.evidence)


def test_key_entry_names_its_key_and_the_closest_key():
    refs = (ref("smith2019", "Smith", 2019), ref("lee2001", "Lee", 2001))
    cites = [Citation(text="\\cite{smith2019}", span=span(2, 7, "p.tex"), names=(), key="smith2019"),
             Citation(text="\\cite{le2001}", span=span(4, 7, "p.tex"), names=(), key="le2001")]
    [finding] = uncited(reconcile(cites, refs, offline_sources()))
    assert [e.detail for e in finding.evidence] == [
        "no citation in p.tex uses the key lee2001",
        "closest citation: key le2001 at p.tex:4:7 (similarity 92/100)",
    ]


def test_a_document_without_citations_says_so():
    [finding] = uncited(reconcile([], (ref("a2000", "Able", 2000),), offline_sources()))
    assert [e.detail for e in finding.evidence] == ["the document has no citations"]


def test_of_equally_close_citations_the_first_is_named():
    """The closest citation is found over the distinct keys at once (a 20,000-entry .bib against
    2,000 citations took minutes when every entry was scored against every citation): of equals, the
    first in the document, as before."""
    refs = (ref("smith2019", "Smith", 2019), ref("lee2001", "Lee", 2001))
    cites = [Citation(text="\\cite{smith2019}", span=span(2, 7, "p.tex"), names=(), key="smith2019"),
             Citation(text="\\cite{lee2002}", span=span(4, 7, "p.tex"), names=(), key="lee2002"),
             Citation(text="\\cite{lee2000}", span=span(6, 7, "p.tex"), names=(), key="lee2000"),
             Citation(text="\\cite{lee2002}", span=span(8, 7, "p.tex"), names=(), key="lee2002")]
    [finding] = uncited(reconcile(cites, refs, offline_sources()))
    assert finding.evidence[1].detail == "closest citation: key lee2002 at p.tex:4:7 (similarity 86/100)"


def test_a_key_listed_twice_is_cited_by_each_citation_of_it():
    refs = (ref("smith2019", "Smith", 2019), ref("smith2019", "Smith", 2020), ref("lee2001", "Lee", 2001))
    cites = [Citation(text="\\cite{smith2019}", span=span(2, 7, "p.tex"), names=(), key="smith2019")]
    result = reconcile(cites, refs, offline_sources())
    assert [f.reference for f in uncited(result)] == ["lee2001"]
