"""BibTeX/BibLaTeX output: a thesis's genre, an unknown year, case-protected title groups."""
from __future__ import annotations

import dataclasses

import pytest

from citecheck.emit.bibtex import thesis_kind, to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.latex import escape_protected_title
from citecheck.emit.ris import to_ris
from citecheck.model import EntryType, Name, Reference, Span
from citecheck.parse.bibtex import parse_bibtex

SPAN = Span(file="x", line=1, column=1, start=0, end=0)


def thesis(**changes) -> Reference:
    base = Reference(raw="", span=SPAN, type=EntryType.THESIS, key="t", authors=(Name(family="Nguyen", given="Mai"),),
                     title="Rail demand", publisher="Delft University of Technology", year=2020)
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize("genre, kind", [
    ("PhD thesis", "phdthesis"), ("Ph.D. dissertation", "phdthesis"), ("Doctoral thesis", "phdthesis"),
    ("(PhD thesis)", "phdthesis"), ("Master's thesis", "mathesis"), ("MA thesis", "mathesis"),
    ("MSc dissertation", "mathesis"), ("Habilitation", ""), ("", ""),
])
def test_a_thesis_genre_becomes_a_biblatex_type_key(genre, kind):
    assert thesis_kind(thesis(extra=(("csl:genre", genre),)))[0] == kind


def test_a_csl_genre_gives_type_phdthesis_and_classic_phdthesis():
    ref = thesis(extra=(("csl:genre", "PhD thesis"),))
    assert "type = {phdthesis}" in to_bibtex([ref])
    assert to_bibtex([ref], dialect="bibtex").startswith("@phdthesis{t,")
    masters = thesis(extra=(("ris:M3", "Master's thesis"),))
    assert "type = {mathesis}" in to_bibtex([masters])
    assert to_bibtex([masters], dialect="bibtex").startswith("@mastersthesis{t,")


def test_a_bibtex_type_in_words_becomes_the_key():
    ref = thesis(extra=(("type", "Master's thesis"),))
    assert "type = {mathesis}" in to_bibtex([ref])
    assert to_bibtex([ref], dialect="bibtex").startswith("@mastersthesis{t,")
    assert "type = {Habilitationsschrift}" in to_bibtex([thesis(extra=(("type", "Habilitationsschrift"),))])


def test_a_note_that_only_names_the_genre_becomes_the_type():
    text = to_bibtex([thesis(note="(PhD thesis)")])
    assert "type = {phdthesis}" in text and "note" not in text
    other = to_bibtex([thesis(note="Supervised by A. Smith")])
    assert "type = {Thesis}" in other and "note = {Supervised by A. Smith}" in other


def test_an_unknown_year_writes_no_date_and_n_d_keeps_the_unspecified_year():
    unknown = thesis(year=None)
    for dialect in ("biblatex", "bibtex"):
        text = to_bibtex([unknown], dialect=dialect)
        assert "date" not in text and "year" not in text and "XXXX" not in text
    nd = thesis(year=None, no_date=True)
    assert "date = {XXXX}" in to_bibtex([nd])


PROTECTED = r"""@book{g, author = {G, H}, title = {Stimmen der Stadt: {Laienchöre} in {Wien}, 1945--1965}, year = 2012}
@article{k, author = {K, A}, title = {Choirs across the {Iron Curtain} and the {NGO} sector}, journal = {J}, year = 2016}
"""


def test_protected_title_groups_survive_biblatex_and_bibtex_output():
    refs, _ = parse_bibtex(PROTECTED, "refs.bib")
    for dialect in ("biblatex", "bibtex"):
        text = to_bibtex(refs, dialect=dialect)
        assert "title = {Stimmen der Stadt: {Laienchöre} in {Wien}, 1945--1965}" in text
        assert "title = {Choirs across the {Iron Curtain} and the {NGO} sector}" in text
        again, _ = parse_bibtex(text, "again.bib")
        assert to_bibtex(again, dialect=dialect) == text  # the round trip keeps them
    assert "{" not in to_ris(refs) and "TI  - Stimmen der Stadt: Laienchöre in Wien, 1945\u20131965" in to_ris(refs)
    # CSL-JSON: the protected words are CSL's nocase spans (what pandoc makes of them), read back as groups
    nocase = '<span class=\\"nocase\\">'
    assert f'"title": "Stimmen der Stadt: {nocase}Laienchöre</span> in {nocase}Wien</span>, 1945\u20131965"' in to_csl_json(refs)


def test_a_title_changed_since_parsing_drops_the_stale_protection():
    ref = parse_bibtex(PROTECTED, "refs.bib")[0][0]
    changed = dataclasses.replace(ref, title="Stimmen der Stadt: Laienchöre in Graz")
    # the stale groups gone ("Wien" is no longer in it); the German title in sentence case has its nouns protected
    # as any such title has (emit.latex.sentence_case_names), not as the .bib marked them
    assert "title = {Stimmen der {Stadt}: {Laienchöre} in {Graz}}" in to_bibtex([changed])
    assert "Wien" not in to_bibtex([changed])


def test_escape_protected_title_escapes_inside_and_outside_the_groups():
    assert escape_protected_title("50% of {R&D} in the {iPhone} era") == r"50\% of {R\&D} in the {iPhone} era"
    assert escape_protected_title("the {NGO} and DPRK") == "the {NGO} and {DPRK}"
