"""Keys that differ only in case are one key to BibTeX (it skips the second entry as repeated)."""
from __future__ import annotations

from citecheck.parse.bibtex import parse_bibtex


def test_keys_differing_only_in_case_are_a_duplicate_key_warning():
    bib = ("@book{Doe2018, author = {Doe, Jane}, title = {A}, year = 2018}\n"
           "@book{doe2018, author = {Doe, John}, title = {B}, year = 2018}\n"
           "@book{other, author = {Doe, John}, title = {C}, year = 2018}\n")
    refs, findings = parse_bibtex(bib, "refs.bib")
    assert [r.key for r in refs] == ["Doe2018", "doe2018", "other"]
    assert [(f.kind.value, f.reference, f.span.line) for f in findings] == [("duplicate-key", "doe2018", 2)]
    assert "'Doe2018' (line 1)" in findings[0].message
