"""Words between a .bib's entries (a reference pasted between two of them) are a comment to bibtex and biber,
which skip them without a word; ``check`` now names their lines in an info ``unparsed-entry``, so nothing the
file holds goes unsaid (session 12, structured 49)."""
from __future__ import annotations

from citecheck.model import Kind, Severity
from citecheck.parse.bibtex import parse_bibtex

BIB = """% Encoding: UTF-8
Some notes before
@article{a, author={A, B}, title={T}, journal={J}, year=2001}
Smith, J. (2019). A reference pasted here. Press.
and its second line
@comment an old-style comment line
@article{b, author={C, D}, title={T2}, journal={J}, year=2002}
@article{broken, title={Never closed, year = {2003}
}
@article{c, author={E, F}, title={T3}, journal={J}, year=2004} trailing words
"""


def test_each_run_of_lines_outside_entries_is_an_info_finding_with_its_lines():
    _, findings = parse_bibtex(BIB, "refs.bib")
    strays = [f for f in findings if f.kind is Kind.UNPARSED_ENTRY and f.severity is Severity.INFO]
    assert [f.span.line for f in strays] == [2, 4, 10]
    assert strays[0].message == ("line 2: text outside any entry, which bibtex and biber skip as a comment: "
                                 "'Some notes before' (start it with % to say it is one)")
    assert strays[1].message.startswith("lines 4-5: text outside any entry")
    assert "'trailing words'" in strays[2].message


def test_comments_and_the_rest_of_a_broken_entry_are_not_strays():
    _, findings = parse_bibtex("% a comment\n@comment{x}\n@article{a, title={T}, year=2001}\n", "refs.bib")
    assert not [f for f in findings if f.severity is Severity.INFO]
