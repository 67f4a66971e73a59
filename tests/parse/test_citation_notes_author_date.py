"""Author-date citations inside notes (Markdown's ``[^1]:`` notes, Word's footnotes) are found too."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citation_notes import find_note_citations
from citecheck.parse.citations import find_citations

ESSAY = """# Trees

Trees cool cities (Smith, 2010).[^1] Shade matters.[^2]

[^1]: See also Jones (2005) and (Brown, 2003).
[^2]: Barr, "China's Bride Trafficking Problem," 3; see also (Smith, 2010, p. 4).

## References

Barr, H. (2019). China's Bride Trafficking Problem. The Diplomat.

Jones, A. (2005). A study of trees. Journal of Trees, 3, 1-9.

Smith, B. (2010). Cool cities. Urban Studies, 4, 5-6.
"""


def test_a_note_that_is_no_written_out_work_stays_for_the_author_date_reader():
    body = CleanText.identity("e.md", ESSAY.split("## References")[0])
    notes = find_note_citations(body, ())
    assert "Jones (2005) and (Brown, 2003)" in notes.rest.text and "[^1]:" not in notes.rest.text
    found = [c.text for c in find_citations(notes.rest)]
    assert found == ["Smith, 2010", "Jones (2005)", "Brown, 2003", "Smith, 2010, p. 4"]  # no "Barr"
    spans = [c.span for c in find_citations(notes.rest) if c.text == "Jones (2005)"]
    assert body.text[spans[0].start : spans[0].end] == "Jones (2005)"


def test_author_date_citations_in_notes_are_checked(tmp_path, monkeypatch):
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.md").write_text(ESSAY, encoding="utf-8")
    result = check(["e.md"], Settings())
    by_kind = {(f.kind, f.reference or f.citation) for f in result.findings
               if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}}
    assert by_kind == {(Kind.MISSING_REFERENCE, "Brown, 2003")}  # Jones is cited; Brown has no entry
    barr = [c for c in result.citations if "Barr" in c.text]
    assert len(barr) == 1  # the written-out work, matched by the notes reader, is not read twice
    assert sum("Smith" in c.text for c in result.citations) == 2  # in the body and in note 2


def test_facts_of_publication_left_in_a_note_are_no_citation():
    # Word loses the italics of a book's title: the notes reader cannot tell the work, and its
    # "(London: Verso, 2018)" is no author-date citation of "London"
    body = CleanText.identity("w.md", "Text.[^1]\n\n[^1]: Anna Park, Nowhere to Go (London: Verso, 2018), 12; "
                                      "see Lee (2015: 45).\n")
    notes = find_note_citations(body, ())
    assert [c.text for c in find_citations(notes.rest)] == ["Lee (2015: 45)"]
