"""pybtex's habit: for every output format, parse -> write -> parse gives the same records."""
from __future__ import annotations

import dataclasses
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
