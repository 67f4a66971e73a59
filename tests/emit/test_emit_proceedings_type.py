"""@proceedings stays @proceedings (biblatex and classic BibTeX both have it), so that biber still
gives an @inproceedings that crossrefs it its booktitle after a convert; @manual, @booklet, @inbook
and @mvbook keep their types too."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_item
from citecheck.model import EntryType
from citecheck.parse.bibtex import parse_bibtex

BIB = """@proceedings{proc2017, editor={Ed, Ita}, title={Proceedings of Things}, year={2017}, publisher={ACM},
  eventtitle={Things Conference}, organization={Things Society}}
@inproceedings{park2017, author={Park, Chan}, title={D title}, crossref={proc2017}, pages={1--5}}
"""


def refs(text: str = BIB):
    parsed, problems = parse_bibtex(text, "refs.bib")
    assert not problems
    return parsed


def entry_types(text: str) -> list[str]:
    return [line.split("{", 1)[0] for line in text.splitlines() if line.startswith("@")]


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_proceedings_keeps_its_type(dialect):
    out = to_bibtex(refs(), dialect)
    assert entry_types(out) == ["@proceedings", "@inproceedings"]
    assert "eventtitle = {Things Conference}" in out and "organization = {Things Society}" in out


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_a_second_pass_changes_nothing(dialect):
    once = to_bibtex(refs(), dialect)
    assert to_bibtex(refs(once), dialect) == once


def test_it_is_still_a_book_for_matching_and_csl():
    proceedings = refs()[0]
    assert proceedings.type is EntryType.BOOK and to_csl_item(proceedings)["type"] == "book"
    assert "bibtex:type" not in to_csl_item(proceedings).get("custom", {})


def test_other_books_are_unchanged():
    out = to_bibtex(refs("@book{b, editor={Ed, Ita}, title={Edited}, year={2017}}\n"
                         "@book{m, author={Au, Tor}, title={Many volumes}, year={2017}}\n"))
    assert entry_types(out) == ["@collection", "@book"]


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_biber_resolves_the_crossref_of_the_converted_file(tmp_path, dialect):
    biber = shutil.which("biber")
    if biber is None:
        if os.environ.get("CI"):
            pytest.fail("biber is not installed; .ci/run installs the Debian package biber")
        pytest.skip("biber not installed (Debian package biber)")
    (tmp_path / "conv.bib").write_text(to_bibtex(refs(), dialect), encoding="utf-8")
    proc = subprocess.run([biber, "--tool", "--output-resolve-crossrefs", "--output-file=res.bib", "conv.bib"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    resolved = (tmp_path / "res.bib").read_text(encoding="utf-8")
    park = resolved[resolved.index("park2017"):]
    assert "BOOKTITLE = {Proceedings of Things}" in park.split("@", 1)[0]


OTHER_KEPT = """@manual{m, author={Roe, R.}, title={Guide}, organization={ACME}, edition={2}, year={2001}}
@booklet{b, author={Roe, R.}, title={Leaflet}, howpublished={Handed out}, address={Oslo}, year={2002}}
@inbook{i, author={Roe, R.}, title={A part}, booktitle={The Book}, chapter={3}, pages={1--9}, publisher={P}, year={2003}}
@mvbook{v, author={Roe, R.}, title={Works}, volumes={3}, publisher={P}, year={2004}}
"""


@pytest.mark.parametrize(("dialect", "types"), [
    ("biblatex", ["@manual", "@booklet", "@inbook", "@mvbook"]),
    ("bibtex", ["@manual", "@booklet", "@inbook", "@book"]),  # classic BibTeX has no @mvbook
])
def test_manual_booklet_inbook_and_mvbook_keep_their_types_and_fields(dialect, types):
    out = to_bibtex(refs(OTHER_KEPT), dialect)
    assert entry_types(out) == types
    assert "Handed out" in out and "ACME" in out and "The Book" in out and "volumes = {3}" in out
