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
