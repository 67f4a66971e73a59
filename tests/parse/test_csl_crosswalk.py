"""CSL-JSON variables that are BibLaTeX fields (emit.crosswalk): read under their BibLaTeX names."""
from __future__ import annotations

import json

from citecheck.emit.csl import to_csl_item
from citecheck.model import EntryType
from citecheck.parse.csl_json import parse_csl_json


def read(**item):
    refs, _ = parse_csl_json(json.dumps([{"id": "k", "title": "T", **item}]), "x.json")
    return refs[0]


def test_genre_is_the_type_as_biblatex_key_or_words():
    assert dict(read(type="thesis", genre="PhD thesis").extra)["type"] == "phdthesis"
    assert dict(read(type="report", genre="Technical report").extra)["type"] == "techreport"
    assert dict(read(type="report", genre="White paper").extra)["type"] == "White paper"


def test_number_is_a_reports_number_and_a_books_collection_number():
    assert read(type="report", number="TR-1").issue == "TR-1"
    assert read(type="book", **{"collection-number": "12"}).issue == "12"
    article = read(type="article-journal", number="7", issue="3")
    assert article.issue == "3" and dict(article.extra)["eid"] == "7"  # the article number: biblatex's eid


def test_a_zotero_preprint_is_an_arxiv_eprint_preprint():
    ref = read(type="article", number="arXiv:2001.00001", publisher="arXiv", URL="http://arxiv.org/abs/2001.00001")
    assert ref.type is EntryType.PREPRINT and not ref.publisher and not ref.issue  # CSL 1.0.2's "article"
    assert (dict(ref.extra)["eprint"], dict(ref.extra)["eprinttype"]) == ("2001.00001", "arxiv")
    assert [u.url for u in ref.urls] == ["http://arxiv.org/abs/2001.00001"]  # Zotero's own link: kept
    assert to_csl_item(ref)["type"] == "article" and to_csl_item(ref)["number"] == "arXiv:2001.00001"


def test_custom_holds_fields_and_keeps_the_rest():
    ref = read(type="book", custom={"file": "/x.pdf", "eprintclass": "cs.CL", "tags": ["a"]})
    extra = dict(ref.extra)
    assert (extra["file"], extra["eprintclass"]) == ("/x.pdf", "cs.CL")
    assert json.loads(extra["csl-json:custom"]) == {"tags": ["a"]}
    assert to_csl_item(ref)["custom"] == {"file": "/x.pdf", "eprintclass": "cs.CL", "tags": ["a"]}


def test_dates_language_and_the_event():
    ref = read(type="paper-conference", event="NAACL", **{"original-date": {"date-parts": [[1869, 5]]},
               "event-date": {"date-parts": [[2019, 6, 2], [2019, 6, 7]]}, "language": "de-1996"})
    extra = dict(ref.extra)
    assert (extra["origdate"], extra["eventdate"], extra["eventtitle"]) == ("1869-05", "2019-06-02/2019-06-07", "NAACL")
    assert extra["langid"] == "ngerman"
    assert to_csl_item(ref)["event-date"] == {"date-parts": [[2019, 6, 2], [2019, 6, 7]]}  # and back
    assert read(language="Français").extra == (("language", "Français"),)
