"""CSL dates: circa (a literal's words or the flag), seasons and an explicit n.d. are read as biblatex
writes them, and written back (user round 4, 07)."""
from __future__ import annotations

import json

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris


def read(**item):
    refs, findings = parse_csl_json(json.dumps([{"id": "k", "type": "book", "title": "T", **item}]), "x.json")
    return refs[0], [f.message for f in findings]


def test_circa_in_words_and_as_the_flag():
    ref, _ = read(issued={"literal": "circa 1850"}, **{"original-date": {"literal": "ca. 1700"}})
    extra = dict(ref.extra)
    assert (ref.year, extra["date"], extra["origdate"]) == (1850, "1850~", "1700~")
    assert "date = {1850~}" in to_bibtex([ref]) and "origdate = {1700~}" in to_bibtex([ref])
    item = json.loads(to_csl_json([ref]))[0]
    assert item["issued"] == {"date-parts": [[1850]], "circa": True}
    assert item["original-date"] == {"date-parts": [[1700]], "circa": True}
    ref, _ = read(issued={"raw": "1850", "circa": True})
    assert dict(ref.extra)["date"] == "1850~"


def test_seasons_are_edtf_season_months():
    for issued in ({"date-parts": [[2001]], "season": "Spring"}, {"date-parts": [[2001]], "season": 1},
                   {"date-parts": [[2001, 21]]}, {"date-parts": [[2001, 13]]}, {"literal": "Spring 2001"}):
        ref, problems = read(issued=issued)
        assert dict(ref.extra)["date"] == "2001-21" and not problems, issued
    assert json.loads(to_csl_json([ref]))[0]["issued"] == {"date-parts": [[2001, 21]]}  # as pandoc writes it
    ris = to_ris([ref])
    assert "DA  - 2001///Spring" in ris.splitlines()  # RIS: the season in DA's "other" part
    (back,), _ = parse_ris(ris, "x.ris")
    assert dict(back.extra)["date"] == "2001-21"


def test_a_season_that_cannot_be_held_is_said():
    ref, problems = read(issued={"date-parts": [[2001]], "season": "Michaelmas"})
    assert ref.year == 2001 and "Michaelmas" in problems[0]
    _, problems = read(issued={"date-parts": [[2001, 3]], "season": 1})
    assert "beside a month" in problems[0]


def test_an_explicit_nd_is_no_date_and_kept_as_written():
    ref, problems = read(issued={"literal": "n.d."})
    assert ref.no_date and ref.year is None and not problems
    assert "date = {XXXX}" in to_bibtex([ref])
    assert json.loads(to_csl_json([ref]))[0]["issued"] == {"literal": "n.d."}


def test_a_month_in_words_is_the_month():
    ref, problems = read(issued={"raw": "December 2023"})
    assert (ref.year, dict(ref.extra)["date"], problems) == (2023, "2023-12", [])
