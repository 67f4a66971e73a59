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


def test_a_line_without_a_tag_after_a_year_or_a_page_is_a_note_and_said():
    """A tagless line continues the value above it (exporters wrap TI, AB, UR), but after PY it was joined to
    the year and dropped without a word by the date's reading: "PY  - 2002" + "some stray text" gave 2002 and
    nothing else (session 16, user). A year, a date, a volume, an issue or a page never wraps: the line is a note."""
    text = "TY  - JOUR\nTI  - Second\nT2  - J\nPY  - 2002\nsome stray text\nSP  - 5\nXYZ - not a tag\nER  - \n"
    [ref], findings = parse_ris(text, "in.ris")
    assert (ref.year, ref.pages, ref.note) == (2002, "5", "some stray text\nXYZ - not a tag")
    assert [f.message for f in findings] == [
        "line 5: a line without a tag after PY, whose value no exporter wraps: kept as a note (N1)",
        "line 7: a line without a tag after SP, whose value no exporter wraps: kept as a note (N1)"]
