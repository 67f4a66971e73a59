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
