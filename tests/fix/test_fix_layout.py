"""Edits made on the normalised text (no byte-order mark, every line ending ``\\n``) are put back into
the file's own bytes: its mark, its encoding and each of its line endings are kept."""
from __future__ import annotations

import codecs

import pytest

from citecheck.fix.layout import fixed_bytes, layout_of
from citecheck.fix.text import Edit
from citecheck.inputs.read import decode_text


def edit_word(data: bytes, before: str, after: str) -> bytes:
    layout = layout_of(data)
    text = layout.text
    assert text == decode_text(data, "f.md")  # the offsets the spans of a check point at
    start = text.index(before)
    return fixed_bytes(layout, [Edit(start, start + len(before), after)])


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_only_the_edited_bytes_change(newline, bom):
    lines = ["# Essay", "", "As argued (Zuagg, 2019), café.", "", "Zaugg, J. (2019). China’s bride. CNN.", ""]
    data = bom + newline.join(lines).encode("utf-8")
    assert edit_word(data, "Zuagg", "Zaugg") == data.replace(b"Zuagg", b"Zaugg")


def test_mixed_line_endings_are_each_kept():
    data = b"one\r\ntwo\nthree\rZuagg\r\nfive\n"
    assert edit_word(data, "Zuagg", "Zaugg") == b"one\r\ntwo\nthree\rZaugg\r\nfive\n"


def test_an_edit_after_many_crlf_lines_lands_on_its_word():
    data = b"".join(b"line %d\r\n" % i for i in range(200)) + b"(Zuagg, 2019)\r\n"
    assert edit_word(data, "Zuagg", "Zaugg") == data.replace(b"Zuagg", b"Zaugg")


def test_inserted_text_uses_the_file_line_ending():
    data = b"UR  - http://a.example/x\r\nER  - \r\n"
    layout = layout_of(data)
    at = layout.text.index("\nER")
    assert fixed_bytes(layout, [Edit(at, at, "\nUR  - http://b.example/y")]) == (
        b"UR  - http://a.example/x\r\nUR  - http://b.example/y\r\nER  - \r\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_its_mark_stays_utf16(encoding):
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    data = bom + "a (Zuagg, 2019)\r\nb\r\n".encode(encoding)
    assert edit_word(data, "Zuagg", "Zaugg") == bom + "a (Zaugg, 2019)\r\nb\r\n".encode(encoding)
