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
