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
