"""Speed-ups of the parsers change nothing: each fast path gives what the plain code gave.

``bibtex._decode`` skips to the next backslash instead of walking every character; it must
equal the character walk it replaced (kept here as the reference). ``lines.line_starts``
must equal the offsets ``CleanText`` computes itself. ``bibtex.parse_name`` is cached: a
cached Name equals a fresh one, and whole files parse the same with the cache cold or warm.
"""
from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import CleanText
from citecheck.parse import bibtex
from citecheck.parse.bibtex import _decode, _decode_command, decode_text, decode_url, parse_bibtex, parse_name
from citecheck.parse.cleanup import remove_page_headers
from citecheck.parse.lines import line_starts


def walk_decode(text: str) -> str:
    """The character-by-character decoder the fast path replaced."""
    out: list[str] = []
    index = 0
    while index < len(text):
        ch = text[index]
        if ch in "{}":
            index += 1
        elif ch == "~":
            out.append(" ")
            index += 1
        elif ch != "\\" or index + 1 >= len(text):
            out.append(ch)
            index += 1
        else:
            index = _decode_command(text, index, out)
    return "".join(out)


LATEX_PIECES = st.sampled_from([
    "\\", "{", "}", "~", " ", "\\'", '\\"', "\\`", "\\^", "\\~", "\\c", "\\v", "\\u", "\\H", "\\ss", "\\o",
    "\\textbackslash{}", "\\emph{", "\\&", "\\%", "\\_", "\\\\", "\\,", "\\-", "\\i", "\\L", "\\unknown",
    "\\textit ", "{\\\"u}", "{\\'e}", "é", "ü", "a", "Z", "1", "-", ".", ",",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(LATEX_PIECES | st.text(alphabet=string.printable, max_size=3), max_size=12).map("".join))
def test_decode_equals_the_character_walk(text):
    assert _decode(text) == walk_decode(text)


def test_decode_equals_the_character_walk_on_known_values():
    for text in ["", "plain", "{Braced} Title", "a~b", "\\", "end\\", "M{\\\"u}ller", "\\emph{x} and {\\'E}cole",
                 "\\textbackslash{}path", "{\\c{c}}a", "Bj{\\o}rn~{\\L}ukasz", "100\\%", "x\\ y"]:
        assert _decode(text) == walk_decode(text), text


def test_decode_url_without_backslashes_is_unchanged_but_braces():
    assert decode_url("{https://example.org/a_b?c=d}") == "https://example.org/a_b?c=d"
    assert decode_url("\\url{https://example.org/a\\_b\\~c}") == "https://example.org/a_b~c"


@given(st.text(alphabet="ab\n\r ", max_size=40))
def test_line_starts_equal_cleantext_own(text):
    own = CleanText.identity("f", text)._starts()
    assert line_starts(text) == own


def test_cleaned_text_spans_equal_identity_spans():
    source = "# Doc\n\nText.\n\n## References\n\nSmith, J. (2020). *Title*.\n\nDoe, A. (2019). Other.\n"
    cleaned = remove_page_headers("doc.md", source).text
    plain = CleanText.identity("doc.md", source)
    for start, end in [(0, 1), (7, 12), (30, 40), (len(source) - 5, len(source))]:
        assert cleaned.span(start, end) == plain.span(start, end)


BIB = r"""@string{jus = "Journal of Urban Studies"}
@article{a1, author = {M{\"u}ller, J{\"u}rgen and {World Health Organization} and others},
  title = {The {DNA} of \emph{cities}}, journal = jus, year = 2001, pages = {1--9},
  url = {https://example.org/a\_b\%20c}}
@book{b1, author = {M{\"u}ller, J{\"u}rgen and van der Berg, Anna}, title = {Book}, publisher = {Wiley \& Sons},
  address = {Oxford}, year = {1999}}
@article{a1, author = {Smith, Jo}, title = {Dup}, year = 2000}
"""


def test_parse_name_cache_gives_equal_names():
    parse_name.cache_clear()
    first = parse_name("M{\\\"u}ller, J{\\\"u}rgen")
    again = parse_name("M{\\\"u}ller, J{\\\"u}rgen")
    assert again is first  # from the cache
    parse_name.cache_clear()
    assert parse_name("M{\\\"u}ller, J{\\\"u}rgen") == first
    assert parse_name("{World Health Organization}").literal == "World Health Organization"


def test_bibtex_parse_is_the_same_with_the_name_cache_cold_or_warm():
    bibtex.parse_name.cache_clear()
    cold = parse_bibtex(BIB, "refs.bib")
    warm = parse_bibtex(BIB, "refs.bib")
    assert cold == warm
    refs, findings = cold
    assert [r.key for r in refs] == ["a1", "b1", "a1"]
    assert refs[0].authors[0].family == "Müller" and refs[0].authors[1].literal == "World Health Organization"
    assert refs[0].urls[0].url == "https://example.org/a_b%20c"
    assert refs[1].publisher == "Wiley & Sons"
    assert decode_text("") == "" and decode_text("{A}~b") == "A b"
    assert [f.kind.value for f in findings] == ["duplicate-key"]


@given(st.lists(st.sampled_from(["\u00ad", "ﬁ", "ﬃ", "\f", "\u00a0", "\u202f", " ", "\t", "\n", "a", "Bc", ".", "12", "é"]),
                max_size=40))
def test_written_out_text_is_the_builders(pieces):
    # a text with no line removed but characters to write out (a soft hyphen, a ligature) is written a slice
    # at a time: the same text and origins as the builder keeping each line a character at a time
    from citecheck.parse.cleanup import _Builder, _written_out

    read = CleanText.identity("f.md", "".join(pieces))
    builder = _Builder(read)
    start = 0
    for line in read.text.split("\n"):
        end = min(start + len(line) + 1, len(read.text))
        builder.keep(start, end)
        start = end
    assert _written_out(read) == ("".join(builder.chars), builder.origin)
    cleaned = remove_page_headers("f.md", read.text)
    if not cleaned.removed_count and not cleaned.columns and not cleaned.line_numbers and not cleaned.backlinks:
        expected = ("".join(builder.chars), tuple(builder.origin) + (len(read.text),))
        assert (cleaned.text.text, tuple(cleaned.text.origin)) == expected
