"""biblatex's ``@xdata`` container stays ``@xdata`` with its fields under their own names: as @misc
its publisher became an organization and biber refuses an ``xdata`` naming a non-@xdata entry."""
from __future__ import annotations

from citecheck.emit.bibtex import to_bibtex
from citecheck.parse.bibtex import parse_bibtex

BIB = """@xdata{acm, publisher = {ACM}, location = {New York}, journaltitle = {CACM}}
@inproceedings{p, author = {Jones, A.}, title = {On Things}, booktitle = {Conf}, date = {2020}, xdata = {acm}}
"""


def test_xdata_round_trips_in_both_dialects():
    refs, _ = parse_bibtex(BIB, "refs.bib")
    out = to_bibtex(refs)
    assert "@xdata{acm," in out and "publisher = {ACM}" in out and "journaltitle = {CACM}" in out
    assert "organization" not in out and "@misc" not in out
    classic = to_bibtex(refs, dialect="bibtex")
    assert "@xdata{acm," in classic and "publisher = {ACM}" in classic
    again, _ = parse_bibtex(out, "out.bib")
    assert to_bibtex(again) == out


def test_a_set_stays_a_set():
    """biblatex's @set (its members in ``entryset``) was written as @misc, an empty work of its own."""
    refs, _ = parse_bibtex("@set{both, entryset = {first,second}}\n", "refs.bib")
    for dialect in ("biblatex", "bibtex"):
        out = to_bibtex(refs, dialect=dialect)
        assert out == "@set{both,\n  entryset = {first,second},\n}\n"
