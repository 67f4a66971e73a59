"""An entry whose ``crossref`` (``xref``, ``xdata``, ``entryset``, ``related``) names a key no entry has is a
warning, as biber ("I didn't find a database entry for crossref") and bibtex ("A bad cross reference") say;
``check`` said nothing, and the paper silently had no proceedings and no year (session 12, structured 42)."""
from __future__ import annotations

from citecheck.model import Kind, Severity
from citecheck.parse.bibtex import parse_bibtex
from citecheck.reconcile.stage import reconcile

BIB = """@inproceedings{child, author={Poe, E.}, title={Paper}, crossref={nowhere}, pages={1--2}}
@inproceedings{x, author={Roe, E.}, title={Paper2}, xdata={data, missingdata}, year=2001, booktitle={B}}
@xdata{data, publisher={P}}
@inproceedings{fine, author={Doe, E.}, title={Paper3}, crossref={proc}}
@proceedings{proc, title={Proceedings}, year=2012}
"""


def test_a_link_to_no_entry_is_a_warning_naming_the_key():
    refs, _ = parse_bibtex(BIB, "refs.bib")
    found = [f for f in reconcile([], refs, []).findings if f.kind is Kind.MALFORMED_REFERENCE]
    assert [(f.reference, f.span.line, f.severity) for f in found] == [
        ("child", 1, Severity.WARNING), ("x", 2, Severity.WARNING)]
    assert found[0].message == ("line 1: crossref names 'nowhere', which no entry has: biber ignores the link, "
                                "so 'child' gets nothing from it")
    assert "xdata names 'missingdata'" in found[1].message


def test_a_bib_checked_alone_says_it_too(tmp_path):
    """``citecheck check refs.bib`` (no document) never reconciled, so the link to no entry went unsaid: a user
    checking a .bib before writing the paper was told it was clean (session 13, users)."""
    from citecheck.config import Settings
    from citecheck.pipeline import check

    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    found = [f for f in check([str(bib)], Settings()).findings if f.kind is Kind.MALFORMED_REFERENCE]
    assert [(f.reference, f.span.line) for f in found] == [("child", 1), ("x", 2)]
