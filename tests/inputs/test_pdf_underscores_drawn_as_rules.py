"""A URL's underscores that pdflatex's ``\\url`` draws as rules (a stroked line between two text runs,
no glyph): pypdf's text, in either extraction mode, has a space there, which no reading can turn back
into "_"; the reference then says its URL looks cut, instead of keeping the shorter URL silently."""
from __future__ import annotations

import io

import pytest

from citecheck.inputs.pdf import pdf_text
from citecheck.model import Kind, SourceDoc
from citecheck.parse.document import parse_document
from minimal_pdf import pdf_from_objects  # tests/minimal_pdf.py

pypdf = pytest.importorskip("pypdf")

STREAM = "\n".join([
    "BT /F1 11 Tf 72 720 Td (Text \\(Lee, 2018\\).) Tj ET",
    "BT /F1 11 Tf 72 690 Td (References) Tj ET",
    "BT /F1 11 Tf 72 670 Td (Lee, B. \\(2018\\). A long title. Example Site. http://example.org/a/slug-name) Tj ET",
    "q 1 0 0 1 457 670.2 cm [] 0 d 0 J 0.4 w 0 0 m 3 0 l S Q",  # the underscore: a rule, as url.sty draws it
    "BT /F1 11 Tf 460 670 Td (with) Tj ET",
    "q 1 0 0 1 483 670.2 cm [] 0 d 0 J 0.4 w 0 0 m 3 0 l S Q",
    "BT /F1 11 Tf 486 670 Td (underscores.html) Tj ET",
])


def pdf() -> bytes:
    return pdf_from_objects([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(STREAM)} >>\nstream\n{STREAM}\nendstream",
    ])


def test_no_extraction_mode_gives_the_underscores_back():
    page = pypdf.PdfReader(io.BytesIO(pdf())).pages[0]
    for mode in ("plain", "layout"):
        assert "_" not in page.extract_text(extraction_mode=mode)


def test_the_cut_url_is_reported():
    parsed = parse_document(SourceDoc("p.pdf", pdf_text(pdf(), "p.pdf"), "pdf"))
    (ref,) = parsed.references
    assert ref.urls[0].url == "http://example.org/a/slug-name"
    (cut,) = [f for f in ref.findings if "looks cut" in f.message]
    assert cut.kind is Kind.MALFORMED_REFERENCE and "slug-name_with_underscores.html" in cut.message
