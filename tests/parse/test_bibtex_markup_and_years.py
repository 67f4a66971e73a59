"""A .bib's LaTeX markup, broken identifiers and years in words (parse.bibtex, emit.*)."""
from __future__ import annotations

import json

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.model import Kind
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json

MARKUP = r"""@article{roe2000,
  author = {Roe, Richard},
  title = {The {$\alpha$}-decay of {\LaTeX} users and \emph{E. coli}},
  journal = {{IEEE} Transactions on {Pattern} Analysis},
  year = {2000}
}
"""


def test_latex_markup_passes_through_to_biblatex_and_bibtex():
    refs, _ = parse_bibtex(MARKUP, "in.bib")
    assert refs[0].title == r"The $\alpha$-decay of LaTeX users and E. coli"  # plain text for matching (a logo its text)
    for dialect in ("biblatex", "bibtex"):
        text = to_bibtex(refs, dialect=dialect)
        assert r"title = {The {$\alpha$}-decay of {\LaTeX} users and \emph{E. coli}}," in text
        assert "{IEEE} Transactions on {Pattern} Analysis}," in text  # journal's protection kept
        assert to_bibtex(parse_bibtex(text, "again.bib")[0], dialect=dialect) == text


def test_latex_markup_becomes_csl_rich_text_and_plain_ris():
    refs, _ = parse_bibtex(MARKUP, "in.bib")
    item = json.loads(to_csl_json(refs))[0]
    assert item["title"] == r'The <span class="nocase">$\alpha$</span>-decay of LaTeX users and <i>E. coli</i>'  # math: no title case
    assert item["container-title"] == '<span class="nocase">IEEE</span> Transactions on <span class="nocase">Pattern</span> Analysis'
    assert r"TI  - The $\alpha$-decay of LaTeX users and E. coli" in to_ris(refs)  # as CSL-JSON's, not "\LaTeX"


def test_a_changed_title_drops_the_markup_as_written():
    import dataclasses

    ref = dataclasses.replace(parse_bibtex(MARKUP, "in.bib")[0][0], title="Another title")
    assert "title = {Another title}," in to_bibtex([ref])


def test_tex_that_touches_files_is_never_passed_through():
    refs, _ = parse_bibtex("@misc{x, title = {A \\input{secret} title}, year = 2000}", "in.bib")
    assert "\\input{" not in to_bibtex(refs)


def test_csl_rich_text_becomes_latex_and_plain_ris():
    items = [{"id": "http://zotero.org/users/123/items/ABCD1234", "type": "article-journal",
              "title": 'The <i>Drosophila</i> genome: a <span class="nocase">mRNA</span> survey of H<sub>2</sub>O',
              "author": [{"family": "Adams", "given": "Mark D."}], "issued": {"date-parts": [["1996", 3]]}}]
    refs, _ = parse_csl_json(json.dumps(items), "z.json")
    assert refs[0].title == "The Drosophila genome: a mRNA survey of H2O"
    text = to_bibtex(refs)
    assert text.startswith("@article{adamsDrosophila1996,")  # a key, not the Zotero item URI
    assert r"title = {The \emph{Drosophila} genome: a {mRNA} survey of H\textsubscript{2}O}," in text
    assert "TI  - The Drosophila genome: a mRNA survey of H2O" in to_ris(refs)
    assert json.loads(to_csl_json(refs))[0]["title"] == items[0]["title"]  # CSL -> CSL keeps the markup


def test_a_doi_and_url_broken_by_a_space_are_repaired_and_reported():
    text = """@article{doi1, author = {Doe, Jane}, title = {Wrapped}, journal = {J},
  doi = {https://doi.org/10.1000/ xyz.123}, url = {https://example.com/some/ long-path.html}, year = {2020}}"""
    refs, _ = parse_bibtex(text, "in.bib")
    assert refs[0].doi == "10.1000/xyz.123" and refs[0].urls[0].url == "https://example.com/some/long-path.html"
    repairs = [f for f in refs[0].findings if f.kind is Kind.URL_REPAIRED]
    assert [(f.fix.field, f.fix.before, f.fix.after) for f in repairs] == [
        ("url", "https://example.com/some/ long-path.html", "https://example.com/some/long-path.html"),
        ("doi", "https://doi.org/10.1000/ xyz.123", "https://doi.org/10.1000/xyz.123")]
    assert "%20" not in to_bibtex(refs)


YEARS = """@article{press, author = {Doe, Jane}, title = {A}, journal = {J}, year = {in press}}
@article{forth, author = {Doe, Jane}, title = {B}, journal = {J}, year = {forthcoming}}
@book{circa, author = {Anon, A.}, title = {C}, publisher = {Self}, year = {circa 1850}}
@book{range, author = {Poe, P.}, title = {D}, publisher = {Self}, year = {1999/2000}}
@book{none, author = {Poe, P.}, title = {E}, publisher = {Self}}
"""


def test_years_in_words_are_never_an_invented_unspecified_date():
    refs, _ = parse_bibtex(YEARS, "in.bib")
    biblatex, bibtex = to_bibtex(refs), to_bibtex(refs, dialect="bibtex")
    assert "XXXX" not in biblatex and "XXXX" not in bibtex
    assert "  pubstate = {inpress},\n" in biblatex and "  pubstate = {forthcoming},\n" in biblatex
    assert "  date = {1850~},\n" in biblatex and "  date = {1999/2000},\n" in biblatex
    for words in ("in press", "forthcoming", "circa 1850", "1999/2000"):
        assert f"  year = {{{words}}},\n" in bibtex  # classic BibTeX: as written
    assert not refs[4].no_date and refs[4].year is None  # no year: unknown, not n.d.
    assert to_bibtex(parse_bibtex(biblatex, "again.bib")[0]) == biblatex


def test_years_in_words_in_csl_json_and_back():
    items = json.loads(to_csl_json(parse_bibtex(YEARS, "in.bib")[0]))
    assert [i.get("status") for i in items[:2]] == ["in press", "forthcoming"] and "issued" not in items[0]
    assert items[2]["issued"] == {"date-parts": [[1850]], "circa": True}
    assert items[3]["issued"] == {"date-parts": [[1999], [2000]]}
    back, _ = parse_csl_json(json.dumps(items), "back.json")
    text = to_bibtex(back)
    assert "pubstate = {inpress}" in text and "date = {1850~}" in text and "date = {1999/2000}" in text


@pytest.mark.parametrize("year", ["2001 (reprinted 2005)", "unknown"])
def test_a_year_that_cannot_be_held_is_said(year):
    refs, _ = parse_bibtex(f"@book{{x, author = {{A, B}}, title = {{T}}, year = {{{year}}}}}", "in.bib")
    assert any(f.kind is Kind.MALFORMED_REFERENCE and year in f.message for f in refs[0].findings)
    assert f"  year = {{{year}}},\n" in to_bibtex(refs, dialect="bibtex")


@pytest.mark.parametrize("year, date", [("Spring 2001", "2001-21"), ("March 2001", "2001-03"),
                                        ("12 March 2001", "2001-03-12")])
def test_a_year_in_words_that_is_a_date_is_held(year, date):
    # "Spring 2001" was read as 2001 with a warning, its season lost in BibLaTeX and CSL-JSON
    refs, _ = parse_bibtex(f"@book{{x, author = {{A, B}}, title = {{T}}, year = {{{year}}}}}", "in.bib")
    assert (refs[0].year, dict(refs[0].extra)["date"], refs[0].findings) == (2001, date, ())
    assert f"  year = {{{year}}},\n" in to_bibtex(refs, dialect="bibtex")  # classic BibTeX: as written
    assert f"  date = {{{date}}},\n" in to_bibtex(refs)
