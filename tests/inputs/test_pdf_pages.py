"""PDF pages: each page after the first starts with a form feed, so that parse.cleanup takes a line
at the top (or bottom) of every page as a running header even on two pages."""
from __future__ import annotations

import pytest

from citecheck.inputs.pdf import pdf_text
from citecheck.model import PDF_MARGIN, PDF_PLACED, SourceDoc
from citecheck.parse.citations import find_citations
from citecheck.parse.document import parse_document
from minimal_pdf import helvetica_pages, pdf_from_objects  # tests/minimal_pdf.py

pytest.importorskip("pypdf")

HEADER = "Saltmarsh Restoration - Working Paper 7"
PAGES = [
    ["Saltmarshes store carbon and break waves (Mulder 2017), and the farmers",
     "who lease the land want to keep their cattle on it (Bakker"],
    ["2021). Projects should be sited where the mud already is.", "", "References",
     "Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press.",
     "Mulder, T. 2017. Sediment and the Dutch Wadden coast. Delft: Deltares Press."],
]


def pdf(pages: list[list[str]], footer: str = "") -> bytes:
    """Helvetica pages, each with HEADER at the top, its lines, ``footer`` and its number at the bottom."""
    streams = []
    for number, lines in enumerate(pages, start=1):
        ops = [f"BT /F1 9 Tf 72 760 Td ({HEADER}) Tj ET"]
        ops += [f"BT /F1 11 Tf 72 {720 - 15 * i} Td ({t.replace('(', '[').replace(')', ']')}) Tj ET"
                .replace("[", "\\(").replace("]", "\\)") for i, t in enumerate(lines) if t]
        if footer:
            ops.append(f"BT /F1 9 Tf 72 60 Td ({footer} {number}) Tj ET")
        ops.append(f"BT /F1 9 Tf 300 40 Td ({number}) Tj ET")
        streams.append("\n".join(ops))
    return helvetica_pages(streams)


def test_each_page_after_the_first_starts_with_a_form_feed():
    text = pdf_text(pdf(PAGES), "p.pdf")
    # the header, drawn above the text in a smaller size, is marked as in the page's margin (every page placed)
    assert text.startswith(PDF_PLACED + PDF_MARGIN + HEADER) and text.count("\f") == 1 and f"\n\f{PDF_MARGIN}{HEADER}\n2021)." in text


def test_a_header_on_two_pages_is_removed_and_the_citation_it_split_is_found():
    parsed = parse_document(SourceDoc("p.pdf", pdf_text(pdf(PAGES), "p.pdf"), "pdf"))
    assert "(Bakker 2021)." in parsed.body.text and HEADER not in parsed.body.text
    assert [c.text for c in find_citations(parsed.body)] == ["Mulder 2017", "Bakker 2021"]
    assert [r.authors[0].family for r in parsed.references] == ["Bakker", "Mulder"]
    assert not any(HEADER in r.raw for r in parsed.references)


def test_a_footer_numbered_on_two_pages_is_removed():
    text = pdf_text(pdf(PAGES, footer="Journal of Marsh Notes, page"), "p.pdf")
    parsed = parse_document(SourceDoc("p.pdf", text, "pdf"))
    assert "Marsh Notes" not in parsed.body.text and not any("Marsh Notes" in r.raw for r in parsed.references)


def test_an_accent_drawn_before_its_letter_is_one_letter():
    # pdfTeX's default fonts draw "\\'e" as an accent glyph, then the letter: pypdf gives "Jos´e", "M¨uller"
    line = "As M\xa8uller and Jos\xb4e Garc\xb4ia note \\(Dvo\xb8cak 2019\\), as\xb4x stays."
    stream = f"BT /F1 11 Tf 72 720 Td ({line}) Tj ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               "/Contents 5 0 R >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream"]
    text = pdf_text(pdf_from_objects(objects), "p.pdf")
    assert text == PDF_PLACED + "As Müller and José García note (Dvoçak 2019), as\xb4x stays.\n"


def test_a_footnote_at_the_foot_of_the_reference_list_is_a_note_not_an_entry():
    # pypdf gives a footnote's raised number glued to its text ("1See also ..."), after the list on its page
    page = ["Saltmarshes store carbon and break waves (Mulder 2017).1 Farmers agree.", "", "References",
            "Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press.",
            "Mulder, T. 2017. Sediment and the Dutch Wadden coast. Delft: Deltares Press.",
            "1See also Bakker (2021) on cattle."]
    text = pdf_text(pdf([page]), "p.pdf")
    assert "\n[^1]: See also Bakker (2021) on cattle." in text and "2017).1 Farmers" in text
    parsed = parse_document(SourceDoc("p.pdf", text, "pdf"))
    assert [r.authors[0].family for r in parsed.references] == ["Bakker", "Mulder"]
    assert [c.text for c in find_citations(parsed.body)] == ["Mulder 2017", "Bakker (2021)"]
    assert pdf_text(pdf([["3Dprinting is no note: no marker 3 before it."]]), "p.pdf").startswith(PDF_PLACED + HEADER + "\n3Dprinting")


def test_a_t1_fonts_codes_below_the_space_are_the_dashes_quotes_and_ligatures_they_stand_for():
    """pdfTeX's T1 fonts drawn as bitmaps (no cm-super installed) have glyph names pypdf cannot read, and it gives
    their codes: before, "pages 33\\x1541" kept the control character in the entry's pages and "e\\x1bort" was no word."""
    line = r"Lee, K. 2018. An e\033ort in the o\036ce, \020quoted\021 \026 a \023note\024. Proc., pages 33\02541."
    text = pdf_text(helvetica_pages([f"BT /F1 11 Tf 72 720 Td ({line}) Tj ET"]), "p.pdf")
    assert text == PDF_PLACED + "Lee, K. 2018. An effort in the office, “quoted” — a «note». Proc., pages 33–41.\n"
