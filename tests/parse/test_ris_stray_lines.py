"""Text and stray tags between RIS records are skipped and said, never made a record."""
from citecheck.parse.ris import parse_ris

TEXT = """TY  - JOUR
AU  - Doe, J
TI  - One
PY  - 2001
ER  - 
this line is junk pasted between records
XX  - also not a tag
TY  - JOUR
AU  - Roe, R
TI  - Three
PY  - 2003
ER  - 
"""


def test_junk_between_records_is_reported_and_no_empty_record_made():
    refs, findings = parse_ris(TEXT, "in.ris")
    assert [r.title for r in refs] == ["One", "Three"]
    assert refs[0].authors[0].family == "Doe" and refs[0].title == "One"  # the junk is not joined to it
    messages = [f.message for f in findings]
    assert messages == ["line 6: not an RIS tag line outside a record; skipped",
                        "line 7: XX line(s) outside a record (no TY, no title nor author); skipped"]
