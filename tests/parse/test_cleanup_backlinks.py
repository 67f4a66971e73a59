"""Wikipedia back-links ("^", "^ a b") at the start of copied reference entries are cleaned away."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.cleanup import remove_page_headers, strip_backlinks
from citecheck.parse.document import convert_references
from citecheck.model import SourceDoc

WIKI = """# River Thames

The river is 346 km long.[1] Its basin is large.[2]

## References

1. ^ "The River Thames". Environment Agency. 12 May 2015. Retrieved 3 March 2020.
2. ^ Marsh, Terry; Hannaford, Jamie (2008). UK Hydrometric Register. Wallingford: CEH. p. 102.
3. ^ a b Wheeler, Alwyne (1979). The Tidal Thames. London: Routledge & Kegan Paul.
"""


def test_back_links_are_removed_after_the_list_number_and_counted():
    cleaned = remove_page_headers("a.md", WIKI)
    assert cleaned.backlinks == 3
    lines = cleaned.text.text.splitlines()
    assert lines[-3:] == [
        '1. "The River Thames". Environment Agency. 12 May 2015. Retrieved 3 March 2020.',
        "2. Marsh, Terry; Hannaford, Jamie (2008). UK Hydrometric Register. Wallingford: CEH. p. 102.",
        "3. Wheeler, Alwyne (1979). The Tidal Thames. London: Routledge & Kegan Paul.",
    ]


def test_the_kept_text_still_points_at_the_file():
    cleaned = remove_page_headers("a.md", WIKI).text
    at = cleaned.text.index("Wheeler")
    span = cleaned.span(at, at + len("Wheeler"))
    assert WIKI[span.start : span.end] == "Wheeler"
    assert span.line == 9 and span.column == len("3. ^ a b ") + 1
    assert cleaned.origin[-1] == len(WIKI)


@pytest.mark.parametrize("line, kept", [
    ("^ Marsh, Terry (2008). Register.", "Marsh, Terry (2008). Register."),
    ("↑ Marsh, Terry (2008). Register.", "Marsh, Terry (2008). Register."),
    ("[4] ^ a b c Lee, A. (2001). Book.", "[4] Lee, A. (2001). Book."),
    ("- ^ Jump up to: a b Lee, A. (2001). Book.", "- Lee, A. (2001). Book."),
    ("^ a study of rivers (2001).", "a study of rivers (2001)."),  # "a" alone is the entry's word
    ("^ b c Lee (2001).", "b c Lee (2001)."),  # not a back-link run (it starts at a)
    ("x ^ y is not at a line's start", "x ^ y is not at a line's start"),
    ("^2^ superscript", "^2^ superscript"),  # no space after the caret
])
def test_which_marks_go(line, kept):
    assert strip_backlinks(CleanText.identity("f", line))[0].text == kept


def test_stripping_twice_changes_nothing():
    once = remove_page_headers("a.md", WIKI).text
    again, count = strip_backlinks(once)
    assert count == 0 and again.text == once.text


def test_text_without_carets_is_returned_as_is():
    text = CleanText.identity("f", "Lee, A. (2001). Book.\n")
    assert strip_backlinks(text) == (text, 0)


def test_entries_read_without_the_marks():
    refs = convert_references(SourceDoc("a.md", WIKI, "markdown"))
    assert [[a.family for a in r.authors] for r in refs] == [[], ["Marsh", "Hannaford"], ["Wheeler"]]
    assert refs[2].key.startswith("wheeler")


COPIED = """Lake Mývatn

Mývatn is a shallow lake.[1] Its midges fluctuate[2][3] and drive the food web.[2] It was protected in 1974.[5]

References

^ Ólafsson, Jón (2019). "Mývatn: Overview". Náttúrufræðistofnun. Retrieved 3 May 2021.
^ a b Einarsson, Árni; Stefánsdóttir, Gerður (2004). "The ecology of Lake Myvatn". Aquatic Ecology. 38 (2): 317–348.
^ Ives, Anthony R.; Einarsson, Árni (2008). "High-amplitude fluctuations". Nature. 452 (7183): 84–87.
^ Gardarsson, Arnthor; Einarsson, Árni (1994). Responses of breeding duck populations. Hydrobiologia.
"""


def test_entries_copied_without_their_numbers_get_them_back():
    cleaned = remove_page_headers("a.txt", COPIED)
    lines = cleaned.text.text.splitlines()
    assert [line[:12] for line in lines[-4:]] == ["1. Ólafsson,", "2. Einarsson", "3. Ives, Ant", "4. Gardarsso"]
    at = cleaned.text.text.index("2. Einarsson")
    assert COPIED[cleaned.text.span(at, at + 1).start] == "^"  # the number stands where the mark was


def test_numbering_starts_again_after_a_heading():
    text = "Notes\n\n^ A remark.\n^ Another remark.\n\nReferences\n\n^ Lee, A. (2001). Book.\n^ Kim, B. (2002). Book.\n"
    lines = strip_backlinks(CleanText.identity("f", text))[0].text.splitlines()
    assert [line for line in lines if line[:1].isdigit()] == [
        "1. A remark.", "2. Another remark.", "1. Lee, A. (2001). Book.", "2. Kim, B. (2002). Book."]


def test_a_copied_page_cites_its_numbered_notes(tmp_path, monkeypatch):
    from citecheck.config import Settings
    from citecheck.model import Kind
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(COPIED, encoding="utf-8")
    result = check(["page.txt"], Settings())
    assert len(result.citations) == 4  # [1], [2], [3], [2]; [5] cites no entry
    (missing,) = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert "[5]" in missing.message
    (uncited,) = [f for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]
    assert uncited.reference.startswith("gardarsson")
