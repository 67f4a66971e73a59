"""A name in a title written in sentence case keeps its capital in BibTeX (issue #3, session 15): bibtex's standard
styles lower-case a title's words but its first, so "Shade and heat in Lagos" printed "Shade and heat in lagos";
the name is now braced, "{Lagos}", as BibTeX's users write it. A title in title case tells no name and is left."""
from __future__ import annotations

import json

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.latex import escape_title, sentence_case_names
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from tex_tools import bibtex_bbl  # tests/tex_tools.py

ITEMS = [{"id": "a", "type": "article-journal", "title": "Street trees and urban cooling in Berlin and the NATO summit",
          "author": [{"family": "Roe", "given": "R."}], "container-title": "Urban Climate",
          "issued": {"date-parts": [[2020]]}},
         {"id": "b", "type": "article-journal", "title": "Heat Waves and Mortality in Lagos",
          "author": [{"family": "Roe", "given": "R."}], "container-title": "The Lancet", "issued": {"date-parts": [[2019]]}}]


@pytest.mark.parametrize(("title", "written"), [
    ("Street trees and urban cooling in Berlin", "Street trees and urban cooling in {Berlin}"),
    ("Who asks for a tree? Request-based planting", "Who asks for a tree? {Request-based} planting"),
    ("Der Leuchtturm von Vellmar wird 150", "Der {Leuchtturm} von {Vellmar} wird 150"),
    ("Heat Waves and Mortality in Lagos", "Heat Waves and Mortality in Lagos"),  # title case: no name told
    ("China's Bride Trafficking Problem", "China's Bride Trafficking Problem"),  # the "s" is no word in lower case
    ("Brown v. Board of Education", "Brown v. Board of Education"),
    ("Effects of COVID in rural areas", "Effects of {COVID} in rural areas"),
])
def test_a_name_in_a_sentence_case_title_is_braced(title, written):
    assert escape_title(title) == written


def test_the_first_word_is_never_a_name_to_brace():
    assert 0 not in sentence_case_names("Cattle on the marsh")


def test_csl_to_bib_to_csl_keeps_the_title_without_marks_of_its_own():
    refs, _ = parse_csl_json(json.dumps(ITEMS), "items.json")
    text = to_bibtex(refs)
    assert "title = {Street trees and urban cooling in {Berlin} and the {NATO} summit}" in text
    back, _ = parse_bibtex(text, "items.bib")
    assert [item["title"] for item in json.loads(to_csl_json(back))] == [item["title"] for item in ITEMS]
    assert to_bibtex(back) == text


def test_a_users_own_groups_are_kept_for_csl():
    # braces the user wrote that citecheck would not write: CSL's nocase spans, as before
    refs, _ = parse_bibtex("@book{g, author={G, H}, title={Stimmen der Stadt: {Laienchöre} in {Wien}}, year=2012}", "g.bib")
    assert json.loads(to_csl_json(refs))[0]["title"] == (
        'Stimmen der Stadt: <span class="nocase">Laienchöre</span> in <span class="nocase">Wien</span>')


def test_bibtex_prints_the_name_with_its_capital(tmp_path):
    refs, _ = parse_csl_json(json.dumps(ITEMS[:1]), "items.json")
    bbl = " ".join(bibtex_bbl(tmp_path, to_bibtex(refs, dialect="bibtex")).split())
    assert "Street trees and urban cooling in {Berlin} and the {NATO} summit" in bbl, bbl


def test_a_containers_own_braces_read_back_as_plain_text():
    # hypothesis found it: the name braced in a sentence-case book title came back as a nocase span
    item = {"id": "k1", "type": "chapter", "title": "Sleep", "container-title": "Sleep Sleep memory"}
    refs, _ = parse_csl_json(json.dumps([item]), "items.json")
    written = to_bibtex(refs)
    assert "booktitle = {Sleep {Sleep} memory}" in written
    back, _ = parse_bibtex(written, "refs.bib")
    assert json.loads(to_csl_json(back))[0]["container-title"] == "Sleep Sleep memory"
