from citecheck.model import EntryType, Kind
from citecheck.parse.ris import parse_ris, parse_ris_name

TOLERANT = """junk before the first record
TY  - JOUR
AU  - Zaugg, Julie
TI  - North Korean defectors
  continued on the next line
PY  - 2019///
ER  - 
TY  - BOOK
TI  - No end line
PY  - 2001
TY  - XYZQ
TI  - Unknown type
ER  - 
AU  - Orphan, Ann
TI  - Tag before TY
ER  - 
"""


def test_a_malformed_record_is_a_finding_and_the_rest_is_parsed():
    refs, findings = parse_ris(TOLERANT, "x.ris")
    assert [r.title for r in refs] == ["North Korean defectors continued on the next line", "No end line",
                                       "Unknown type", "Tag before TY"]
    assert refs[0].year == 2019 and refs[0].type is EntryType.ARTICLE
    assert refs[1].type is EntryType.BOOK and refs[2].type is EntryType.DOCUMENT
    lines = {f.span.line: f.message for f in findings}
    assert set(lines) == {1, 8, 11, 14}
    assert "no ER" in lines[8] and "XYZQ" in lines[11] and "before TY" in lines[14]
    assert all(f.kind is Kind.MALFORMED_REFERENCE for f in findings)


def test_spans_point_at_records():
    refs, _ = parse_ris(TOLERANT, "x.ris")
    assert [r.span.line for r in refs] == [2, 8, 11, 14]
    assert refs[0].raw.startswith("TY  - JOUR") and refs[0].raw.endswith("ER  - ")


def test_names():
    assert parse_ris_name("van der Berg, Anna, Jr.").particle == "van der"
    assert parse_ris_name("World Health Organization").literal == "World Health Organization"
    assert parse_ris_name("Kim, Dae-jung").family == "Kim"


def test_tags_and_aliases():
    text = ("TY  - CHAP\nA1  - Lee, K.\nA2  - Ed, One\nT1  - Chapter\nBT  - The Book\nY1  - 2010/04/01/\n"
            "SP  - 5\nEP  - 9\nUR  - https://a.org/x https://b.org/y\nDO  - https://doi.org/10.1/ABC\n"
            "SN  - 9780000000002\nCY  - Paris\nPB  - Pub\nZZ  - kept\nER  - \n")
    (ref,), findings = parse_ris(text, "x.ris")
    assert not findings
    assert ref.type is EntryType.CHAPTER and ref.authors[0].family == "Lee" and ref.editors[0].family == "Ed"
    assert (ref.title, ref.container, ref.year, ref.pages) == ("Chapter", "The Book", 2010, "5-9")
    assert [u.url for u in ref.urls] == ["https://a.org/x", "https://b.org/y"]
    assert ref.doi == "10.1/ABC" and ref.isbn == "9780000000002" and ref.place == "Paris"
    assert ("date", "2010-04-01") in ref.extra and ("ris:ZZ", "kept") in ref.extra


def test_wayback_url_after_its_original_is_its_snapshot():
    text = ("TY  - ELEC\nTI  - Page\nUR  - https://a.org/x\nUR  - https://web.archive.org/web/20200101000000/https://a.org/x\nER  - \n")
    (ref,), _ = parse_ris(text, "x.ris")
    assert len(ref.urls) == 1 and ref.urls[0].snapshot.timestamp == "20200101000000"
