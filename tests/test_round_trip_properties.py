"""Property-based round trips: entries of every type, with every field citecheck knows, through each
other format and back (new-user round 10). BibLaTeX -> CSL-JSON -> BibLaTeX and BibLaTeX -> RIS ->
BibLaTeX give the same entry, and CSL-JSON -> BibLaTeX -> CSL-JSON the same item, but for what the
middle format cannot hold, named in ``_held``:

* CSL-JSON has no "no date given" apart from "n.d." (citeproc prints "n.d." for both): an entry with
  no date comes back ``date = {XXXX}``; its names have no TeX (``{\\relax Ch}ristopher``).
* RIS is plain text: an abstract's ``\\emph``/``<i>`` and math come back as their words; no TeX in names.
* classic BibTeX has no @inreference (an encyclopedia's entry is its @incollection), no report or thesis of no
  stated kind (@techreport, @phdthesis say theirs).
* BibTeX writes an elided particle against the family name ("d'Alembert", one word to BibTeX and
  biber): CSL's ``non-dropping-particle`` "d'" comes back in the family name, which citeproc-js reads
  the same; "n.d." comes back as no ``issued``, which citeproc prints the same.
"""
from __future__ import annotations

import json
import logging

import bibtexparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.emit.bibtex import DATAMODEL, to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import decode_paragraphs, parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

SETTINGS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))

NAMES = ["van der Berg, Anna", "de la Fuente, María José", "d'Alembert, Jean", "{World Health Organization}",
         "Müller, Jürgen", "Ólafsson, Guðrún", "King, Jr., Martin Luther", "Nguyễn, Văn An", "{\\relax Ch}ristopher, Anna",
         "von Goethe, Johann Wolfgang", "al-Hashimi, Ali", "{Bank of England}", "O'Brien, Seán", "Smith, J. and others"]
WORDS = ["Sleep", "memory", "of", "the", "Quantum", "Überraschungen", "café", "DNA", "a", "study", "R\\&D", "50\\%"]
NUMBER = st.integers(1, 99).map(str)


def _words(most: int = 3) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=most).map(" ".join)


def _names(most: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(NAMES[:-1]), min_size=1, max_size=most, unique=True).map(" and ".join) | st.just(NAMES[-1])


# a value for each field, used where the type's data model has the field (``emit.bibtex.DATAMODEL``)
FIELDS = {
    "author": _names(3), "editor": _names(2), "translator": _names(2), "bookauthor": _names(1), "holder": _names(1),
    "journaltitle": _words(), "booktitle": _words(), "maintitle": _words(), "subtitle": _words(2), "series": _words(2),
    "publisher": st.sampled_from(["Oxford University Press", "Springer"]),
    "location": st.sampled_from(["Oxford", "Berlin and Heidelberg"]), "institution": st.just("MIT"),
    "organization": st.just("ACM"), "volume": NUMBER, "number": NUMBER, "edition": NUMBER, "pagetotal": NUMBER,
    "volumes": NUMBER, "chapter": NUMBER, "pages": st.sampled_from(["1--10", "e123", "iii--xv", "5"]),
    "isbn": st.sampled_from(["978-3-16-148410-0", "0-19-852663-6"]), "issn": st.just("0962-1105"),
    "note": st.sampled_from(["A note.", "Para one.\n\n  Para two."]), "eventtitle": _words(2), "venue": st.just("Vienna"),
    "type": st.sampled_from(["phdthesis", "techreport", "Working paper"]), "version": st.sampled_from(["1.2", "2"]),
    "howpublished": _words(2), "eid": st.just("e12345"), "addendum": _words(2), "isrn": st.just("ISRN-1"),
}
# fields every type holds
GLOBAL = {
    "date": st.sampled_from(["2019", "2019-05", "2019-05-03", "1999/2000", "2019-05/2019-06", "1850~", "2019-21",
                             "1850?", "2020-03-01/2020-03-05"]),
    "url": st.sampled_from(["https://example.org/a?b=1&c=2", "https://example.org/p_(x)?q=a%20b#frag"]),
    "doi": st.sampled_from(["10.1000/xyz_1", "10.1002/(SICI)1097-4571"]), "urldate": st.just("2021-02-03"),
    "abstract": st.sampled_from(["One \\emph{part}.\n\n  Two $\\alpha$ part.", "Plain, with \\textbf{bold}."]),
    "keywords": st.sampled_from(["sleep, memory", "sleep, {Aged, 80 and over}"]),
    "langid": st.sampled_from(["english", "ngerman"]), "shorttitle": _words(1), "shortjournal": st.just("J. Sl."),
    "origdate": st.sampled_from(["1850", "1922-03"]), "pmid": st.just("8589715"), "pmcid": st.just("PMC123456"),
    "eprint": st.just("1706.03762"), "eprinttype": st.just("arxiv"), "annotation": st.just("Read it.\n\nTwice."),
}
TYPES = ["article", "book", "collection", "proceedings", "incollection", "inbook", "inreference", "mvbook", "booklet", "manual",
         "inproceedings", "report", "thesis", "online", "misc", "patent", "dataset", "software", "unpublished"]


@st.composite
def bib_entries(draw) -> str:
    kind = draw(st.sampled_from(TYPES))
    allowed = sorted(name for name in FIELDS if name in DATAMODEL[kind]) + sorted(GLOBAL)
    fields = {"title": draw(_words(5))}
    for name in draw(st.lists(st.sampled_from(allowed), unique=True, max_size=14)):
        fields[name] = draw(FIELDS[name] if name in FIELDS else GLOBAL[name])
    return "@%s{k1,\n%s}\n" % (kind, "".join(f"  {k} = {{{v}}},\n" for k, v in fields.items()))


def _entry(text: str) -> tuple[str, dict[str, str]]:
    entry = bibtexparser.parse_string(text).entries[0]
    return entry.entry_type, {f.key: f.value for f in entry.fields}


def _held(fields: dict[str, str], middle: str) -> dict[str, str]:
    """``fields`` as far as ``middle`` (the format between) can hold them."""
    held = dict(fields)
    if middle == "csl-json":
        held.setdefault("date", "XXXX")  # no date given: n.d.
    if middle == "ris" and "annotation" in held:  # an M2 line ("tex.annotation: ...") is one line
        held["annotation"] = " ".join(held["annotation"].split())
    for name in ("author", "editor", "translator", "bookauthor"):
        if name in held:
            held[name] = held[name].replace("{\\relax Ch}", "Ch")
    return held


def _via(middle: str, bib: str) -> tuple[tuple[str, dict[str, str]], tuple[str, dict[str, str]]]:
    emit, parse = {"csl-json": (to_csl_json, parse_csl_json), "ris": (to_ris, parse_ris)}[middle]
    refs, _ = parse_bibtex(bib, "in.bib")
    once = to_bibtex(refs)
    back, _ = parse(emit(refs), "middle")
    return _entry(once), _entry(to_bibtex(list(back)))


@SETTINGS
@given(bib_entries())
def test_biblatex_through_csl_json_comes_back_as_it_was(bib):
    logging.disable(logging.WARNING)  # a field a type cannot hold is said in a warning, by design
    try:
        (kind, fields), (again_kind, again) = _via("csl-json", bib)
    finally:
        logging.disable(logging.NOTSET)
    assert again_kind == kind
    if "abstract" in fields and "$" in fields["abstract"]:  # math stays math (pandoc's rule), written with its text
        assert "$\\alpha$" in again["abstract"]
        fields["abstract"] = again["abstract"]
    assert _held(again, "csl-json") == _held(fields, "csl-json")


@SETTINGS
@given(bib_entries())
def test_biblatex_through_ris_comes_back_as_it_was(bib):
    logging.disable(logging.WARNING)
    try:
        (kind, fields), (again_kind, again) = _via("ris", bib)
    finally:
        logging.disable(logging.NOTSET)
    assert again_kind == kind
    if "abstract" in fields:  # plain text in RIS: its words and paragraphs (math as its TeX, in words)
        assert decode_paragraphs(again.pop("abstract")) == decode_paragraphs(fields.pop("abstract"))
    assert _held(again, "ris") == _held(fields, "ris")


CSL_NAMES = [{"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
             {"family": "Fuente", "given": "María José", "non-dropping-particle": "de la"},
             {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
             {"literal": "World Health Organization"}, {"family": "Müller", "given": "Jürgen"},
             {"family": "King", "given": "Martin Luther", "suffix": "Jr."}, {"family": "Nguyễn", "given": "Văn An"},
             {"literal": "Bank of England"}, {"family": "O'Brien", "given": "Seán"}]
CSL_WORDS = ["Sleep", "memory", "of", "the", "Quantum", "Überraschungen", "café", "a", "study", "R&D", "50%"]
_COMMON = ["author", "translator", "issued", "URL", "DOI", "note", "abstract", "keyword", "language", "title-short",
           "accessed", "original-date"]
# each CSL type with the variables its BibLaTeX type holds
CSL_TYPES = {
    "article-journal": _COMMON + ["container-title", "volume", "issue", "page", "ISSN", "container-title-short", "PMID",
                                  "PMCID", "number"],  # Zotero's "Article Number": biblatex's eid
    "book": _COMMON + ["editor", "publisher", "publisher-place", "edition", "ISBN", "number-of-pages",
                       "number-of-volumes", "collection-title", "volume"],
    "chapter": _COMMON + ["editor", "container-title", "container-author", "publisher", "publisher-place", "page", "ISBN",
                          "edition"],
    "paper-conference": _COMMON + ["editor", "container-title", "event-title", "event-place", "publisher",
                                   "publisher-place", "page", "ISBN"],
    "report": _COMMON + ["publisher", "publisher-place", "number", "genre", "page", "collection-title"],
    "thesis": _COMMON + ["publisher", "publisher-place", "genre", "number-of-pages"],
    "webpage": _COMMON + ["container-title"],
    "entry-encyclopedia": _COMMON + ["editor", "container-title", "publisher", "publisher-place", "page", "edition"],
    "dataset": _COMMON + ["publisher", "version", "genre"],
    "software": _COMMON + ["publisher", "version"],
}


def _csl_words(most: int = 3) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(CSL_WORDS), min_size=1, max_size=most).map(" ".join)


def _csl_names(most: int) -> st.SearchStrategy[list]:
    return st.lists(st.sampled_from(CSL_NAMES), min_size=1, max_size=most, unique_by=lambda n: json.dumps(n))


CSL_VALUES = {
    "author": _csl_names(3), "editor": _csl_names(2), "translator": _csl_names(2), "container-author": _csl_names(1),
    "issued": st.sampled_from([{"date-parts": [[2019]]}, {"date-parts": [[2019, 5, 3]]}, {"date-parts": [[1999], [2000]]},
                               {"date-parts": [[2019, 5], [2019, 6]]}, {"date-parts": [[1850]], "circa": True},
                               {"date-parts": [[2019, 21]]}, {"raw": "1850?"}]),
    "URL": st.sampled_from(["https://example.org/a?b=1&c=2", "https://example.org/p_(x)?q=a%20b#frag"]),
    "DOI": st.sampled_from(["10.1000/xyz_1", "10.1002/(SICI)1097-4571"]),
    "note": st.sampled_from(["A note.", "Para one.\n\nPara two."]),
    "abstract": st.sampled_from(["First <i>part</i>.\n\nSecond part.", "Plain with $\\alpha$.", "One <b>bold</b> <sup>2</sup>."]),
    "keyword": st.just("sleep, memory"), "language": st.sampled_from(["en-US", "de-DE", "fr"]),
    "title-short": _csl_words(1), "accessed": st.just({"date-parts": [[2021, 2, 3]]}),
    "original-date": st.just({"date-parts": [[1922, 3]]}), "container-title": _csl_words(), "volume": NUMBER,
    "issue": NUMBER, "page": st.sampled_from(["1-10", "e123", "iii-xv", "5"]), "ISSN": st.just("0962-1105"),
    "container-title-short": st.just("J. Sl."), "PMID": st.just("8589715"), "PMCID": st.just("PMC123456"),
    "publisher": st.sampled_from(["Oxford University Press", "Springer"]),
    "publisher-place": st.sampled_from(["Oxford", "Berlin; Heidelberg"]), "edition": NUMBER,
    "ISBN": st.just("978-3-16-148410-0"), "number-of-pages": NUMBER, "number-of-volumes": NUMBER,
    "collection-title": _csl_words(2), "event-title": _csl_words(2), "event-place": st.just("Vienna"), "number": NUMBER,
    "genre": st.sampled_from(["PhD thesis", "Technical report", "Working paper"]), "version": st.just("1.2"),
}


@st.composite
def csl_items(draw) -> dict:
    kind = draw(st.sampled_from(sorted(CSL_TYPES)))
    item = {"id": "k1", "type": kind, "title": draw(_csl_words(5))}
    for name in draw(st.lists(st.sampled_from(CSL_TYPES[kind]), unique=True, max_size=12)):
        item[name] = draw(CSL_VALUES[name])
    return item


@SETTINGS
@given(csl_items(), st.sampled_from(["biblatex", "bibtex"]))
def test_csl_json_through_biblatex_comes_back_as_it_was(item, dialect):
    refs, _ = parse_csl_json(json.dumps([item]), "in.json")
    logging.disable(logging.WARNING)
    try:
        once = json.loads(to_csl_json(refs))[0]
        back, _ = parse_bibtex(to_bibtex(refs, dialect=dialect), "middle.bib")
        again = json.loads(to_csl_json(back))[0]
    finally:
        logging.disable(logging.NOTSET)
    if dialect == "bibtex" and item["type"] in ("report", "thesis") and "genre" not in item:
        again.pop("genre", None)  # classic BibTeX has only @techreport, @phdthesis, @mastersthesis: their kind
    if dialect == "bibtex" and item["type"] == "entry-encyclopedia":
        again["type"] = item["type"]  # classic BibTeX has no @inreference: @incollection
    assert again == once
