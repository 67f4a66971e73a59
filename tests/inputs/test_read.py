import pytest

from citecheck.errors import InputError
from citecheck.inputs import read_source


def test_markdown_and_bibtex_are_sniffed(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("Hello\r\nworld\n", encoding="utf-8")
    doc = read_source(str(md))
    assert doc.format == "markdown" and doc.text == "Hello\nworld\n"
    bib = tmp_path / "refs.txt"
    bib.write_text("@article{k, title={T}}\n", encoding="utf-8")
    assert read_source(str(bib)).format == "bibtex"


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"ok\n\xff\xfe bad", "UTF-8")],
)
def test_unusable_files_raise_input_error(tmp_path, content, message):
    path = tmp_path / "x.md"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.md"))


def test_undecodable_byte_reports_its_line(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"line one\nline two \xff\n")
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert info.value.line == 2


def test_markdown_with_inline_csl_references_is_pandoc(tmp_path):
    path = tmp_path / "paper.md"
    path.write_text("---\nreferences:\n- id: doe2020\n  type: book\n  title: T\n---\n\nAs @doe2020 shows.\n",
                    encoding="utf-8")
    assert read_source(str(path)).format == "pandoc"


def test_utf16_with_a_byte_order_mark_is_read_and_without_one_is_named(tmp_path):
    text = "Gauges fail (Müller, 2019).\r\n\r\nReferences\r\n\r\nMüller, J. (2019). Gauges. Press.\r\n"
    for encoding in ("utf-16", "utf-16-be"):  # "utf-16" writes a byte-order mark (little-endian here)
        path = tmp_path / f"{encoding}.md"
        path.write_bytes(("\ufeff" + text if encoding == "utf-16-be" else text).encode(encoding))
        assert read_source(str(path)).text == text.replace("\r\n", "\n")
    bare = tmp_path / "bare.md"
    bare.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 text without a byte-order mark"):
        read_source(str(bare))


def test_utf32_with_a_byte_order_mark_is_read_and_without_one_is_named(tmp_path):
    """UTF-32-LE's mark opens with UTF-16-LE's: such a file was read as UTF-16, NULs and all, and said only
    "no bibliography found"; without a mark it was "binary data"."""
    text = "Gauges fail (Müller, 2019).\n\nReferences\n\nMüller, J. (2019). Gauges. Press.\n"
    for encoding in ("utf-32", "utf-32-be"):
        path = tmp_path / f"{encoding}.md"
        path.write_bytes(("\ufeff" + text if encoding == "utf-32-be" else text).encode(encoding))
        assert read_source(str(path)).text == text
    for encoding in ("utf-32-le", "utf-32-be"):
        bare = tmp_path / f"bare-{encoding}.md"
        bare.write_bytes(text.encode(encoding))
        with pytest.raises(InputError, match="looks like UTF-32 text without a byte-order mark; save it as UTF-8"):
            read_source(str(bare))


@pytest.mark.parametrize("encoding, named", [
    ("shift_jis", "CP932, Japanese text: save it as UTF-8, e.g. with iconv -f CP932 -t utf-8"),
    ("gb18030", "GB18030, Chinese text: save it as UTF-8, e.g. with iconv -f GB18030 -t utf-8"),
])
def test_east_asian_text_not_in_utf8_is_named_for_its_encoding_not_latin1(tmp_path, encoding, named):
    """A Shift-JIS or GB18030 file was told it was perhaps Latin-1, and iconv -f cp1252 makes mojibake of it."""
    path = tmp_path / "j.md"
    path.write_bytes("本文は山田の研究を引用する (山田, 2019)。\n\n参考文献\n\n山田太郎 (2019). 日本の研究. 東京出版.\n"
                     .encode(encoding))
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert info.value.line == 1 and info.value.message == f"is not valid UTF-8 text (perhaps {named})"


@pytest.mark.parametrize("at", [100, 20_000])  # in the first 8 KB, where binary files are told apart, and after
def test_a_stray_nul_byte_in_text_is_refused_with_its_line(tmp_path, at):
    """A text with one NUL was "binary data" (no line) when the NUL came early, and read, the NUL written into
    the .bib and the report, when it came later."""
    lines = [f"Line {i} of a long essay (Smith, 2019).\n" for i in range(at // 30)]
    text = "".join(lines) + "Why\x00we sleep.\n\nReferences\n\nSmith, J. (2019). Title. Press.\n"
    for name in ("x.md", "x.bib"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as info:
            read_source(str(path))
        assert info.value.line == len(lines) + 1
        assert info.value.message == "holds a NUL byte, which no text holds: remove it (e.g. tr -d '\\000' < FILE > NEW)"


def test_latin1_text_is_named_as_a_likely_cause(tmp_path):
    path = tmp_path / "l.md"
    path.write_bytes("Gauges (Müller, 2019).\n".encode("latin-1"))
    with pytest.raises(InputError, match="Latin-1 or Windows-1252") as info:
        read_source(str(path))
    assert info.value.line == 1


def test_a_symbolic_link_that_loops_or_points_nowhere_is_named_so(tmp_path):
    loop_a, loop_b, broken = tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    broken.symlink_to(tmp_path / "gone.md")
    with pytest.raises(InputError, match="is a symbolic link that loops"):
        read_source(str(loop_a))
    with pytest.raises(InputError, match=r"is a broken symbolic link \(to .*gone\.md, which does not exist\)"):
        read_source(str(broken))


def test_standard_input_over_the_size_limit_is_refused_not_cut_short(monkeypatch):
    import io
    import sys

    from citecheck.inputs import read as read_module

    monkeypatch.setattr(read_module, "MAX_BYTES", 100)
    text = "Text (Smith, 2019).\n\nReferences\n\n" + "Smith, J. (2019). A book. Press.\n" * 10
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    with pytest.raises(InputError, match="is larger than"):
        read_source("-")


def test_files_joined_each_with_its_byte_order_mark_still_have_their_headings(tmp_path):
    """``cat intro.md refs.md`` of files saved with a BOM each: the second mark opens the heading's line."""
    path = tmp_path / "joined.md"
    path.write_bytes(b"\xef\xbb\xbfText cites (Smith, 2019).\n\n" + b"\xef\xbb\xbf## References\n\nSmith, J. (2019). A book.\n")
    doc = read_source(str(path))
    assert "\n ## References\n" in doc.text and "\ufeff" not in doc.text
    assert len(doc.text) == len(path.read_bytes().decode("utf-8-sig"))  # offsets kept: one character for one
