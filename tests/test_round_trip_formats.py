"""pybtex's habit: for every output format, parse -> write -> parse gives the same records."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.keys import assign_keys
from citecheck.emit.ris import to_ris
from citecheck.model import Name, Reference, Url
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {
    "biblatex": (lambda refs: to_bibtex(refs), parse_bibtex),
    "bibtex": (lambda refs: to_bibtex(refs, dialect="bibtex"), parse_bibtex),
    "csl-json": (to_csl_json, parse_csl_json),
    "ris": (to_ris, parse_ris),
}

RIS = """TY  - JOUR
ID  - mueller2019
AU  - Müller, Jürgen
AU  - van der Berg, Anna, Jr.
AU  - World Health Organization
TI  - Sleep & memory: a "review"
T2  - Journal of Sleep Research
PY  - 2019
DA  - 2019/05/03/
VL  - 28
IS  - 3
SP  - 12
EP  - 34
SN  - 0962-1105
DO  - 10.1111/jsr.12345
UR  - https://example.org/a?b=1&c=2
Y2  - 2021/02/03/
AB  - An abstract, with a comma.
KW  - sleep
KW  - memory
N1  - First note
N1  - Second note
M3  - Journal Article
ER  - 

TY  - BOOK
AU  - Ólafsson, Guðrún
ED  - Smith, John
A4  - Parshley, H. M.
TI  - A book
PY  - 2001
PB  - Oxford University Press
CY  - Oxford
ET  - 2nd
SN  - 978-0-19-852663-6
ER  - 

TY  - ELEC
AU  - UNICEF
TI  - Children recruited by armed forces
UR  - https://www.unicef.org/protection/children-recruited-by-armed-forces
UR  - https://web.archive.org/web/20210101000000/https://www.unicef.org/protection/children-recruited-by-armed-forces
Y2  - 2021/03/04/
ER  - 
"""

CSL = """[
 {"id": "hynes2022", "type": "article-journal", "title": "North Korean Female Defectors",
  "author": [{"family": "Hynes", "given": "Kristin"}, {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
             {"literal": "United Nations Office on Drugs and Crime"}],
  "issued": {"date-parts": [[2022, 3, 1]]}, "container-title": "E-International Relations",
  "volume": 4, "issue": "2", "page": "1-20", "DOI": "10.1000/xyz", "URL": "https://www.e-ir.info/x",
  "accessed": {"date-parts": [[2023, 1, 2]]}, "abstract": "Text", "keyword": "a, b", "ISSN": "1234-5678",
  "collection-title": "Series", "language": "en", "number-of-pages": 300, "custom": {"a": [1, 2]}},
 {"id": "anon", "type": "post-weblog", "title": "A blog post", "issued": {"raw": "2020"}, "year-suffix": "a"},
 {"id": "nd", "type": "book", "title": "Undated", "author": [{"family": "Kim", "given": "Dae-jung"}],
  "editor": [{"family": "Lee"}], "translator": [{"family": "Cruz", "given": "Ana", "non-dropping-particle": "de la"},
  {"literal": "Korea Translation Team"}], "publisher": "Pub", "publisher-place": "Seoul", "ISBN": "9780000000002",
  "edition": "3", "note": "A note"}
]
"""


def comparable(ref: Reference) -> Reference:
    """The record without where it was read from (raw text, span, name and URL raw forms)."""
    names = lambda ns: tuple(dataclasses.replace(n, raw="") for n in ns)  # noqa: E731
    urls = tuple(Url(url=u.url, snapshot=u.snapshot) for u in ref.urls)
    return dataclasses.replace(ref, raw="", span=None, authors=names(ref.authors), editors=names(ref.editors), urls=urls)


def essay_refs() -> tuple[Reference, ...]:
    refs, _ = parse_bibtex((ROOT / "refs.bib").read_text(encoding="utf-8"), "refs.bib")
    return refs


def fixture_refs() -> tuple[Reference, ...]:
    return parse_ris(RIS, "x.ris")[0] + parse_csl_json(CSL, "x.json")[0] + essay_refs()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_parse_write_parse_keeps_every_record(fmt):
    write, parse = FORMATS[fmt]
    first, findings = parse(write(fixture_refs()), "first")
    assert not [f for f in findings if f.severity.label == "error"]
    second, _ = parse(write(first), "second")
    assert [comparable(r) for r in second] == [comparable(r) for r in first]
    assert write(second) == write(first)  # and the text is stable


@pytest.mark.parametrize("fmt, text, parse", [("ris", RIS, parse_ris), ("csl-json", CSL, parse_csl_json)])
def test_native_input_survives_its_own_round_trip(fmt, text, parse):
    write = FORMATS[fmt][0]
    original, _ = parse(text, "in")
    original = assign_keys(original)  # the writers give a keyless record its generated key
    again, _ = parse(write(original), "out")
    assert [comparable(r) for r in again] == [comparable(r) for r in original]


def test_every_field_of_the_ris_fixture_is_read():
    ref = parse_ris(RIS, "x.ris")[0][0]
    assert [a.family or a.literal for a in ref.authors] == ["Müller", "Berg", "World Health Organization"]
    assert ref.authors[1].particle == "van der" and ref.authors[1].suffix == "Jr."
    assert (ref.volume, ref.issue, ref.pages, ref.doi) == ("28", "3", "12-34", "10.1111/jsr.12345")
    assert dict(ref.extra)["date"] == "2019-05-03" and dict(ref.extra)["keywords"] == "sleep, memory"
    assert ref.note == "First note\nSecond note" and ref.accessed == "2021-02-03"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_translators_cross_every_format(fmt):
    write, parse = FORMATS[fmt]
    out, _ = parse(write(fixture_refs()), "out")
    translators = {r.title: dict(r.extra).get("translator") for r in out if dict(r.extra).get("translator")}
    assert translators == {"A book": "Parshley, H. M.", "Undated": "de la Cruz, Ana and {Korea Translation Team}"}


def test_comparable_sees_a_change():
    refs = fixture_refs()
    changed = dataclasses.replace(refs[0], title="Other")
    assert comparable(changed) != comparable(refs[0])
    assert comparable(dataclasses.replace(refs[0], authors=(Name(family="X"),))) != comparable(refs[0])


# --- across formats: BibLaTeX <-> CSL-JSON <-> RIS keep the fields each can hold (emit.crosswalk) ---

BIB = r"""@article{vanderberg2019,
  title = {Sediment Transport in the {Rhine} Delta},
  shorttitle = {Sediment Transport},
  author = {van der Berg, Jan and Müller, Jürgen and others},
  date = {2019-03-15},
  origdate = {1990},
  journaltitle = {Journal of Hydrology},
  shortjournal = {J. Hydrol.},
  volume = {570},
  number = {4},
  langid = {english},
  issn = {0022-1694},
  pmid = {8589715},
  pmcid = {PMC1234567},
  abstract = {We measure sediment.},
  keywords = {rivers, sediment},
  file = {/home/user/Zotero/storage/ABCD1234/vanderberg2019.pdf}
}

@misc{vaswani2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and others},
  date = {2017-06-12},
  eprint = {1706.03762},
  eprinttype = {arxiv},
  eprintclass = {cs.CL}
}

@thesis{kim2018,
  title = {Essays on Labour Markets},
  author = {Kim, Min-jun},
  date = {2018},
  institution = {Seoul National University},
  type = {phdthesis}
}

@report{who2022,
  title = {World Health Statistics 2022},
  author = {{World Health Organization}},
  date = {2022},
  institution = {WHO},
  location = {Geneva},
  number = {WHO/2022/01},
  type = {Technical Report}
}

@book{tolstoy2008,
  title = {War and Peace},
  author = {Tolstoy, Leo},
  date = {2008},
  origdate = {1869},
  publisher = {Vintage},
  pagetotal = {1296},
  language = {English},
  series = {Vintage Classics},
  number = {12}
}

@inproceedings{devlin2019,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers},
  author = {Devlin, Jacob},
  booktitle = {Proceedings of NAACL-HLT 2019},
  eventtitle = {NAACL-HLT 2019},
  venue = {Minneapolis},
  eventdate = {2019-06-02},
  date = {2019-06},
  pages = {4171--4186}
}
"""


def _fields(refs):
    """Each entry's BibLaTeX fields (type, key -> field -> value), as the BibLaTeX writer gives them."""
    from bibtexparser import parse_string

    library = parse_string(to_bibtex(refs))
    return {e.key: (e.entry_type, {f.key: f.value for f in e.fields}) for e in library.entries}


def test_bib_to_csl_json_to_bib_keeps_every_field():
    original, _ = parse_bibtex(BIB, "in.bib")
    again, findings = parse_csl_json(to_csl_json(original), "rt.json")
    assert not findings
    assert _fields(again) == _fields(original)


def test_bib_to_ris_to_bib_keeps_every_field(caplog):
    """Type-specific tags and M2 "key: value" lines (emit.crosswalk) hold what RIS once dropped;
    tests/parse/test_ris_type_tags.py tests the warning for a field that still has no home."""
    original, _ = parse_bibtex(BIB, "in.bib")
    with caplog.at_level("WARNING"):
        text = to_ris(original)
    again, _ = parse_ris(text, "rt.ris")
    before, after = _fields(original), _fields(again)
    for key, (bibtype, fields) in before.items():
        expected = dict(fields)
        expected["title"] = expected["title"].replace("{Rhine}", "Rhine")  # RIS has no markup for a protected word
        assert after[key] == (bibtype, expected), key
    assert not [r.getMessage() for r in caplog.records if "RIS has no tag" in r.getMessage()]


def test_bib_to_csl_json_writes_the_csl_variables_pandoc_and_zotero_read():
    refs, _ = parse_bibtex(BIB, "in.bib")
    items = {i["id"]: i for i in json.loads(to_csl_json(refs))}
    article = items["vanderberg2019"]
    assert article["title"] == 'Sediment Transport in the <span class="nocase">Rhine</span> Delta'
    assert article["author"][-1] == {"literal": "others"}  # "and others": pandoc renders it "et al."
    assert (article["title-short"], article["container-title-short"]) == ("Sediment Transport", "J. Hydrol.")
    assert article["issue"] == "4" and article["language"] == "en" and article["ISSN"] == "0022-1694"
    assert (article["PMID"], article["PMCID"]) == ("8589715", "PMC1234567")
    assert article["original-date"] == {"date-parts": [[1990]]}
    assert (article["abstract"], article["keyword"]) == ("We measure sediment.", "rivers, sediment")
    assert article["custom"] == {"file": "/home/user/Zotero/storage/ABCD1234/vanderberg2019.pdf"}
    preprint = items["vaswani2017"]  # Zotero's preprint: CSL "article", number "arXiv:ID", publisher arXiv
    assert (preprint["type"], preprint["number"], preprint["publisher"]) == ("article", "arXiv:1706.03762", "arXiv")
    assert preprint["URL"] == "https://arxiv.org/abs/1706.03762"  # the link pandoc makes of the eprint
    assert preprint["custom"] == {"eprintclass": "cs.CL"}
    assert items["kim2018"]["genre"] == "PhD thesis"
    report = items["who2022"]
    assert (report["number"], report["genre"]) == ("WHO/2022/01", "Technical Report") and "issue" not in report
    book = items["tolstoy2008"]
    assert (book["number-of-pages"], book["collection-title"], book["collection-number"]) == ("1296", "Vintage Classics", "12")
    assert book["language"] == "English" and book["original-date"] == {"date-parts": [[1869]]}
    paper = items["devlin2019"]
    assert (paper["event-title"], paper["event-place"]) == ("NAACL-HLT 2019", "Minneapolis")
    assert paper["event-date"] == {"date-parts": [[2019, 6, 2]]}


ZOTERO_CSL = """[
 {"id": "tolstoy", "type": "book", "title": "War and Peace", "title-short": "War", "publisher": "Vintage",
  "number-of-pages": "1296", "author": [{"family": "Tolstoy", "given": "Leo"}],
  "original-date": {"date-parts": [[1869]]}, "issued": {"date-parts": [[2008]]}},
 {"id": "adams", "type": "article-journal", "title": "A survey", "container-title": "Nature Genetics",
  "container-title-short": "Nat Genet", "volume": "12", "author": [{"family": "Adams", "given": "Mark"}],
  "issued": {"date-parts": [[1996]]}, "PMID": "8589715", "language": "en-GB"},
 {"id": "devlin", "type": "paper-conference", "title": "BERT", "container-title": "Proceedings of the 2019 Conference",
  "event": "NAACL-HLT 2019", "event-place": "Minneapolis", "author": [{"family": "Devlin", "given": "Jacob"}],
  "issued": {"date-parts": [[2019, 6]]}},
 {"id": "doe", "type": "report", "title": "Annual Report", "author": [{"family": "Doe", "given": "Jane"}],
  "issued": {"date-parts": [[2015]]}, "number": "TR-15-02", "genre": "Technical report", "publisher": "ACME Labs"},
 {"id": "lee", "type": "thesis", "title": "A thesis", "author": [{"family": "Lee", "given": "Ann"}],
  "issued": {"date-parts": [[2010]]}, "genre": "Doctoral dissertation", "publisher": "MIT"},
 {"id": "ng", "type": "article", "title": "A preprint", "author": [{"family": "Ng", "given": "Andrew"}],
  "issued": {"date-parts": [[2020, 1, 1]]}, "number": "arXiv:2001.00001", "publisher": "arXiv",
  "archive": "Some archive"}
]"""


def test_csl_json_to_biblatex_keeps_the_fields_biblatex_has(caplog):
    refs, _ = parse_csl_json(ZOTERO_CSL, "in.json")
    with caplog.at_level("WARNING"):
        entries = _fields(refs)
    assert {k: entries["tolstoy"][1][k] for k in ("shorttitle", "pagetotal", "origdate")} == {
        "shorttitle": "War", "pagetotal": "1296", "origdate": "1869"}
    assert (entries["adams"][1]["shortjournal"], entries["adams"][1]["pmid"]) == ("Nat Genet", "8589715")
    assert entries["adams"][1]["langid"] == "british"
    assert (entries["devlin"][1]["eventtitle"], entries["devlin"][1]["venue"]) == ("NAACL-HLT 2019", "Minneapolis")
    assert (entries["doe"][1]["number"], entries["doe"][1]["type"]) == ("TR-15-02", "techreport")
    assert entries["lee"][1]["type"] == "phdthesis"  # biblatex's key for a doctoral genre
    assert entries["ng"][0] == "misc" and "publisher" not in entries["ng"][1]
    assert (entries["ng"][1]["eprint"], entries["ng"][1]["eprinttype"]) == ("2001.00001", "arxiv")
    # a CSL variable BibLaTeX has no field for is a field of its own, csl-archive (session 12): nothing said
    assert entries["ng"][1]["csl-archive"] == "Some archive"
    assert not [r.getMessage() for r in caplog.records if "no field for" in r.getMessage()]


def test_csl_json_round_trip_through_biblatex_gives_the_same_variables():
    first = json.loads(to_csl_json(parse_csl_json(ZOTERO_CSL, "in.json")[0]))
    again = json.loads(to_csl_json(parse_bibtex(to_bibtex(parse_csl_json(ZOTERO_CSL, "in.json")[0]), "x.bib")[0]))
    unheld: set[str] = set()  # archive, which BibLaTeX has no field for, rides as csl-archive (session 12)
    first[4]["genre"] = "PhD thesis"  # a doctoral thesis's genre is biblatex's key, phdthesis, in BibLaTeX
    for a, b in zip(first, again):
        assert {k: v for k, v in a.items() if k not in unheld} == b
    assert again[2]["event-title"] == "NAACL-HLT 2019"  # pandoc's older "event" is read as event-title


ZOTERO_RIS = """TY  - JOUR
TI  - Global burden of 369 diseases and injuries in 204 countries
AU  - Vos, Theo
T2  - The Lancet
DA  - 2020/10/17/
PY  - 2020
VL  - 396
SP  - 1204
EP  - 1222
J2  - Lancet
ST  - Global burden
UR  - https://www.sciencedirect.com/science/article/pii/S0140673620309259
Y2  - 2023/04/11/08:15:22
LA  - en
L1  - /home/user/Zotero/storage/X/vos.pdf
ER  - 

TY  - THES
TI  - Sur la théorie des nombres
AU  - Poincaré, Henri
PY  - 1879
M3  - Thèse de doctorat
PB  - Université de Paris
ER  - 
"""


def test_zotero_ris_access_date_and_tags_reach_biblatex_and_csl_json():
    refs, _ = parse_ris(ZOTERO_RIS, "in.ris")
    entries = _fields(refs)
    (_, article), (thesis_type, thesis) = entries.values()
    assert article["urldate"] == "2023-04-11T08:15:22"  # with the time of access Zotero gives
    assert (article["shortjournal"], article["shorttitle"], article["langid"]) == ("Lancet", "Global burden", "english")
    assert article["file"] == "/home/user/Zotero/storage/X/vos.pdf"
    assert thesis_type == "thesis" and thesis["type"] == "Thèse de doctorat"  # the user's words
    items = json.loads(to_csl_json(refs))
    assert items[0]["accessed"] == {"date-parts": [[2023, 4, 11]]}
    assert (items[0]["container-title-short"], items[0]["title-short"], items[0]["language"]) == (
        "Lancet", "Global burden", "en")
    assert items[1]["genre"] == "Thèse de doctorat"
    again, _ = parse_ris(to_ris(refs), "rt.ris")
    assert [comparable(r) for r in again] == [comparable(r) for r in assign_keys(refs)]


def test_a_list_cut_short_survives_every_format():
    refs, _ = parse_bibtex(BIB, "in.bib")
    for fmt, (write, parse) in FORMATS.items():
        again, _ = parse(write(refs), "rt")
        assert again[1].authors[-1].literal == "others", fmt
        assert again[1].authors[-2].family == "Shazeer", fmt


def test_an_arxiv_url_the_entry_gave_itself_survives_the_csl_json_round_trip():
    bib = "@misc{a, title={T}, author={A, B}, date={2017}, eprint={1706.03762}, eprinttype={arxiv}}\n"
    given = bib.replace("}}", "}, url={https://arxiv.org/abs/1706.03762}}")
    for text in (bib, given):
        refs, _ = parse_bibtex(text, "in.bib")
        assert _fields(parse_csl_json(to_csl_json(refs), "rt.json")[0]) == _fields(refs)


PATENT_DATASET_SOFTWARE = """\
@patent{garcia2019, author = {Garcia, M.}, title = {Water filter apparatus}, number = {10123456},
  holder = {{Aqua Inc.}}, date = {2019}}
@dataset{zhang2022, author = {Zhang, Y.}, title = {Vaccine tweets corpus}, version = {2}, publisher = {Zenodo},
  date = {2022}}
@software{rcore2023, author = {{R Core Team}}, title = {R}, version = {4.3.1}, date = {2023},
  url = {https://www.R-project.org/}}
"""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_patents_data_sets_and_software_keep_their_type(fmt):
    refs, _ = parse_bibtex(PATENT_DATASET_SOFTWARE, "in.bib")
    assert [r.type.value for r in refs] == ["patent", "dataset", "software"]
    write, parse = FORMATS[fmt]
    out, _ = parse(write(refs), "out")
    assert [r.type.value for r in out] == ["patent", "dataset", "software"]


def test_a_patents_holder_is_written():
    refs, _ = parse_bibtex(PATENT_DATASET_SOFTWARE, "in.bib")
    bib = to_bibtex(refs)
    assert "@patent{garcia2019," in bib and "holder = {{Aqua Inc.}}" in bib and "number = {10123456}" in bib
    assert "@dataset{zhang2022," in bib and "version = {2}" in bib and "@software{rcore2023," in bib
