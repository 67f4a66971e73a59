"""``check`` on a .bib says which entries lack a field their type needs, as biber's
``--validate-datamodel`` ("Missing mandatory field 'journaltitle'") and bibtex's styles ("empty journal
in missing") do; it said nothing (session 12, structured 20)."""
from __future__ import annotations

import logging

from citecheck.model import Kind, Severity, SourceDoc
from citecheck.parse.document import convert_references, parse_document

BIB = """@article{complete, author = {Roe, R.}, title = {Fine}, journal = {J}, year = 2010}

@article{missing,
  author = {Nobody, A.},
}

@thesis{noschool, author = {Lee, K.}, title = {A thesis}, date = {2011}, type = {phdthesis}}
@misc{undated, author = {Doe, J.}, title = {Undated}}
@book{nd, author = {Doe, J.}, title = {Said so}, year = {n.d.}}
@book{inpress, author = {Doe, J.}, title = {Coming}, pubstate = {inpress}}
@inproceedings{child, author = {Poe, E.}, title = {Paper}, crossref = {parent}}
@proceedings{parent, title = {Proceedings}, year = 2012}
@set{both, entryset = {complete,child}}
@article{unread, author = {Doe, J.}, title = {Year unread}, journal = {J}, year = {19}}
"""


def findings():
    parsed = parse_document(SourceDoc("refs.bib", BIB, "bibtex"))
    return {f.reference: f for f in parsed.findings if f.kind is Kind.MISSING_FIELD}


def test_an_entry_lacking_required_fields_is_a_warning_with_its_line():
    found = findings()
    missing = found["missing"]
    assert missing.severity is Severity.WARNING and missing.span.line == 3
    assert missing.message.startswith("line 3: @article 'missing' lacks journal (journaltitle), title, year (or date):")
    assert "lacks institution (school):" in found["noschool"].message
    assert "lacks year (or date):" in found["undated"].message


def test_complete_inherited_undated_on_purpose_and_sets_are_not_reported():
    """(nor a year it cannot read, "19": that has a warning of its own)"""
    assert set(findings()) == {"missing", "noschool", "undated"}


def test_convert_leaves_it_to_the_writer(caplog):
    """``convert`` to BibLaTeX says it once, through the writer (with the file, line and key)."""
    from citecheck.emit.bibtex import to_bibtex

    with caplog.at_level(logging.WARNING):
        to_bibtex(convert_references(SourceDoc("refs.bib", BIB, "bibtex")))
    said = [r.getMessage() for r in caplog.records if "lacks" in r.getMessage()]
    assert len([m for m in said if "'missing'" in m or ": missing:" in m]) == 1


def test_looking_for_missing_fields_logs_no_writers_warning(caplog):
    """``check`` writes no BibLaTeX: a second URL or an access date biber cannot read is no news of it
    (it said "BibLaTeX holds one URL per entry" on a plain check)."""
    bib = "@online{two, author={A, B}, title={T}, year=2020, url={http://a.org http://b.org}, urldate={someday}}\n"
    with caplog.at_level(logging.WARNING):
        parse_document(SourceDoc("refs.bib", bib, "bibtex"))
    assert "BibLaTeX" not in caplog.text and "access date" not in caplog.text
