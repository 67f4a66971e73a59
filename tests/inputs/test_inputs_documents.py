"""Binary documents (PDF, DOCX) read into text, and the sniffing of every format."""
from __future__ import annotations

import pytest

from citecheck.errors import InputError
from citecheck.inputs import read_source, sniff_format
from minimal_pdf import pdf_from_objects  # tests/minimal_pdf.py


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF whose pages show ``pages`` as lines of Helvetica text (ASCII only)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        ops = ["BT /F1 11 Tf 72 760 Td 14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops)
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    return pdf_from_objects(objects)


HEADER = "North Korean Defectors - Written by K. Hynes"


def test_pdf_text_is_extracted_page_by_page(tmp_path):
    pages = [[HEADER, "As Zaugg (2019) argues, trafficking grew.", "1"],
             [HEADER, "Yoon (2018) agrees.", "2"],
             [HEADER, "References", "Zaugg, J. (2019). North Korean defectors. BBC.", "3"]]
    path = tmp_path / "essay.pdf"
    path.write_bytes(make_pdf(pages))
    doc = read_source(str(path))
    assert doc.format == "pdf"
    assert "As Zaugg (2019) argues" in doc.text and "Zaugg, J. (2019). North Korean defectors. BBC." in doc.text
    assert doc.text.count(HEADER) == 3  # left for parse.cleanup
    assert "\n1\n" not in doc.text and "\n3\n" not in doc.text  # bare page numbers dropped


def test_pdf_is_sniffed_by_content_without_its_suffix(tmp_path):
    path = tmp_path / "download"
    path.write_bytes(make_pdf([["Hello world (Lee, 2001)."]]))
    assert read_source(str(path)).format == "pdf"


@pytest.mark.parametrize("data, message", [(b"%PDF-1.4\ngarbage", "not a readable PDF"),
                                           (None, "no text layer")])
def test_bad_pdfs_are_input_errors(tmp_path, data, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data if data is not None else make_pdf([[]]))
    with pytest.raises(InputError, match=message) as info:
        read_source(str(path))
    assert str(path) in str(info.value)


def test_docx_paragraphs_and_headings(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("An essay", level=1)
    document.add_paragraph("As Zaugg (2019) argues, trafficking grew.")
    document.add_paragraph("")
    document.add_heading("References", level=2)
    document.add_paragraph("Zaugg, J. (2019). North Korean defectors. BBC.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "cell one"
    table.rows[0].cells[1].text = "cell two"
    path = tmp_path / "essay.docx"
    document.save(str(path))
    doc = read_source(str(path))
    assert doc.format == "docx"
    assert doc.text == ("# An essay\n\nAs Zaugg (2019) argues, trafficking grew.\n\n## References\n\n"
                        "Zaugg, J. (2019). North Korean defectors. BBC.\n\ncell one cell two\n")


def test_a_broken_docx_is_an_input_error(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="Word"):
        read_source(str(path))


def test_a_docx_whose_xml_is_cut_short_is_an_input_error(tmp_path):
    import io
    import zipfile

    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Some text.")
    whole = io.BytesIO()
    document.save(whole)
    cut = io.BytesIO()
    with zipfile.ZipFile(whole) as old, zipfile.ZipFile(cut, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            new.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    (tmp_path / "cut.docx").write_bytes(cut.getvalue())
    with pytest.raises(InputError, match="not a readable Word"):
        read_source(str(tmp_path / "cut.docx"))


@pytest.mark.parametrize("name, text, expected", [
    ("a.ris", "x", "ris"), ("a.json", "[]", "csl-json"), ("a.tex", "x", "latex"), ("a.aux", "x", "aux"),
    ("a.bcf", "x", "bcf"), ("a.htm", "x", "html"), ("a.md", "Plain (Lee, 2001).", "markdown"),
    ("a.md", "As [@lee01] says.", "pandoc"), ("a.md", "---\nbibliography: r.bib\n---\nText.", "pandoc"),
    ("a.md", "Mail [me@example.com] or `[@code]`.", "markdown"),
    ("-", "TY  - JOUR\nTI  - x\nER  - \n", "ris"), ("-", '[{"id": "a", "type": "book"}]', "csl-json"),
    ("-", "<!DOCTYPE html><html></html>", "html"), ("-", "\\documentclass{article}", "latex"),
    ("-", "\\relax\n\\citation{a}\n", "aux"), ("-", "@book{a, title={T}}", "bibtex"), ("-", "Just text.", "text"),
    ("-", '<?xml version="1.0"?>\n<bcf:controlfile>', "bcf"), ("-", "See [@a; @b].", "pandoc"),
])
def test_sniffing(name, text, expected):
    assert sniff_format(name, text) == expected
