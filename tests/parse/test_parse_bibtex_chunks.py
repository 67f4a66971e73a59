"""BibTeX parsed a chunk at a time gives what one parse of the whole text gives."""
from __future__ import annotations

import bibtexparser
import pytest

from citecheck.model import Kind, Reference, Severity
from citecheck.parse.bibtex import iter_bibtex, iter_bibtex_references, parse_bibtex
from citecheck.parse.bibtex_blocks import scan_bibtex, split_chunks, text_pieces

TEXT = r"""% a file with a bit of everything
@string{jus = "Journal of Urban Studies"}
@preamble{"\newcommand{\noop}[1]{}"}

@article{first,
  author = {M{\"u}ller, J{\"o}rg and van der Berg, Jr., Anna},
  title = {North {Korean} Defectors \& the {NGO} Sector},
  journal = jus,
  year = 2019,
  url = {https://example.org/a\_b},
}
@comment{a comment with an @article{inside, title={x}} in it}
@book(paren, title = "A (parenthesised) book", publisher = {Springer}, year = {2001})
free text between entries, with an @ sign
@misc{same, title={Twice}} @misc{same, title={Twice}}
@article{broken,
  title = {Never closed,
  year = {2001}

@article{after,
  author = {Smith, Jane},
  title = {After the broken one},
  journal = JUS,
  note = {a line\\
break},
  year = {2020},
}
@misc{twofields, title={One}, title={Two}}
@misc{forward, title = {Forward}, howpublished = later}
@string{later = {Defined after its use}}
  @online{indented, title = {Indented entry}, url = {https://example.org/x}, date = {2019-06-14}}
@article{first,
  title = {A repeated key},
  journal = jus,
}
"""


def parsed(text: str, size: int, piece: int = 1 << 20):
    items = list(iter_bibtex(lambda: text_pieces(text, piece), "refs.bib", size=size))
    refs = tuple(i for i in items if isinstance(i, Reference))
    return refs, tuple(i for i in items if not isinstance(i, Reference))


def test_the_whole_text_as_one_chunk_is_parse_bibtex():
    assert parsed(TEXT, 1 << 20) == parse_bibtex(TEXT, "refs.bib")


@pytest.mark.parametrize("size", [1, 2, 17, 100, 333, 1000])
@pytest.mark.parametrize("piece", [1, 7, 64, 1 << 20])
def test_chunk_and_piece_boundaries_anywhere_give_the_same_records(size, piece):
    assert parsed(TEXT, size, piece) == parse_bibtex(TEXT, "refs.bib")


def test_chunks_are_cut_only_where_a_line_starts_a_block():
    chunks = list(split_chunks(text_pieces(TEXT, 5), 1))
    assert "".join(c.text for c in chunks) == TEXT
    assert len(chunks) > 8
    for chunk in chunks[1:]:
        assert chunk.text.startswith("@") and TEXT[chunk.start - 1] == "\n"
        assert chunk.row == TEXT[: chunk.start].count("\n")
    for chunk, following in zip(chunks, chunks[1:]):
        assert following.text.startswith(chunk.follower)
    assert chunks[-1].follower == ""


def test_a_chunk_holds_at_least_the_size_asked():
    text = "".join(f"@misc{{k{i}, title={{T{i}}}}}\n" for i in range(200))
    chunks = list(split_chunks(text_pieces(text, 97), 500))
    assert all(len(c.text) >= 500 for c in chunks[:-1])
    assert "".join(c.text for c in chunks) == text


def test_a_string_defined_in_an_early_chunk_is_used_in_later_ones():
    entries = "".join(f"@article{{k{i}, title = {{T{i}}}, journal = jus}}\n" for i in range(300))
    text = '@string{jus = "Journal of Urban Studies"}\n' + entries
    refs, findings = parsed(text, 200)
    assert not findings and len(refs) == 300
    assert {r.container for r in refs} == {"Journal of Urban Studies"}


def test_a_string_defined_after_its_use_resolves_as_in_one_parse():
    refs, _ = parsed(TEXT, 1)
    assert next(r for r in refs if r.key == "forward").container == "Defined after its use"
    library = bibtexparser.parse_string(TEXT)  # bibtexparser resolves a macro wherever it is defined
    assert library.entries_dict["forward"]["howpublished"] == "Defined after its use"


def test_a_malformed_entry_in_the_middle_is_reported_with_its_line_and_the_rest_is_read():
    refs, findings = parsed(TEXT, 1)
    broken = next(f for f in findings if f.kind is Kind.UNPARSED_ENTRY and f.severity is Severity.ERROR)
    line = TEXT[: TEXT.index("@article{broken")].count("\n") + 1
    assert broken.span.line == line and broken.message.startswith(f"line {line}: could not parse BibTeX block")
    assert "Unexpected block start" in broken.message  # not "end of file": the chunk's end is no end
    after = next(r for r in refs if r.key == "after")
    assert after.title == "After the broken one" and after.container == "Journal of Urban Studies"


def test_duplicate_keys_across_chunks_are_reported_and_both_entries_kept():
    entries = [f"@misc{{k{i}, title = {{T{i}}}}}\n" for i in range(100)]
    entries.append("@misc{k3, title = {Again}}\n")
    text = "".join(entries)
    refs, findings = parsed(text, 50)
    assert len(refs) == 101 and refs[-1].key == "k3" and refs[-1].title == "Again"
    assert [(f.kind, f.reference, f.span.line) for f in findings] == [(Kind.DUPLICATE_KEY, "k3", 101)]
    assert (refs, findings) == parse_bibtex(text, "refs.bib")


def test_spans_point_at_each_block_whatever_the_chunks():
    for size in (1, 50, 1 << 20):
        refs, findings = parsed(TEXT, size)
        for item in refs:
            assert TEXT[item.span.start : item.span.end] == item.raw
            assert item.span.line == TEXT[: item.span.start].count("\n") + 1
    same = [r for r in parsed(TEXT, 1)[0] if r.key == "same"]
    assert same[0].span.start < same[1].span.start  # the second copy on the line is itself


def test_the_first_pass_finds_strings_and_entries_without_a_key():
    prelude = scan_bibtex(text_pieces(TEXT), 1)
    assert [s.key for s in prelude.strings] == ["jus", "later"] and not prelude.keyless
    assert scan_bibtex(["@misc{, title = {No key}}\n"]).keyless
    assert scan_bibtex(["@misc{\n  , title = {No key}}\n"]).keyless


def test_iter_bibtex_references_is_lazy():
    items = iter_bibtex_references(TEXT, "refs.bib", size=1)
    first = next(items)
    assert isinstance(first, Reference) and first.key == "first"


def test_bibtexparser_warnings_name_the_lines_of_the_file(caplog):
    with caplog.at_level("WARNING", logger="bibtexparser"):
        bibtexparser.parse_string(TEXT)
        whole = [r.getMessage() for r in caplog.records]
        caplog.clear()
        parsed(TEXT, 1)
        chunked = [r.getMessage() for r in caplog.records]
    assert whole and chunked == whole
