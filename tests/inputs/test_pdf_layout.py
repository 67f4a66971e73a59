"""Where a PDF draws its lines (inputs.pdf_layout): a header or footer seen once, in a page's margin, and a
page's footnotes, in smaller type under a raised number, are no part of the reference list's entries."""
from __future__ import annotations

import pytest

from citecheck.inputs.pdf import pdf_text
from citecheck.model import Kind, SourceDoc
from citecheck.parse.citations import find_citations
from citecheck.parse.document import parse_document
from minimal_pdf import helvetica_pages  # tests/minimal_pdf.py

pytest.importorskip("pypdf")


def _lines(lines: list[str], top: int = 720, size: int = 11, step: int = 14) -> list[str]:
    return [f"BT /F1 {size} Tf 72 {top - step * i} Td ({_escaped(t)}) Tj ET" for i, t in enumerate(lines) if t]


def _escaped(text: str) -> str:
    return text.replace("(", "\\(").replace(")", "\\)")


def _pdf(pages: list[list[str]]) -> bytes:
    """Helvetica pages, each drawn by its operators."""
    return helvetica_pages(["\n".join(ops) for ops in pages])


FIRST = _lines(["Saltmarsh restoration", "", "Saltmarshes store carbon and break waves (Mulder 2017).1 Farmers",
                "lease the land (Bakker 2021).", "", "References",
                "Mulder, T. 2017. Sediment and the Dutch Wadden coast. Delft: Deltares Press.",
                "Bakker, J. 2021. Cattle on the"]) + ["BT /F1 11 Tf 300 40 Td (1) Tj ET"]
# the footnote: its number raised and smaller than its 8-point text, at the foot of the page
NOTE = "BT /F1 6 Tf 72 103 Td (1) Tj /F1 8 Tf 4 -3 Td (See also Zeldin \\(2019\\) on grazing.) Tj ET"
SECOND = _lines(["marsh. Leeuwarden: Fryske Akademy Press.", "Zeldin, R. 2019. Grazing and salt. https://example.org/grazing"])
HEADER = "BT /F1 11 Tf 72 760 Td (Journal of Marsh Notes 12, 2024) Tj ET"  # on the second page only
FOOTER = "BT /F1 11 Tf 72 40 Td (2 Preprint - not peer reviewed) Tj ET"  # on the last page only


def _parsed(pages: list[list[str]]):
    return parse_document(SourceDoc("p.pdf", pdf_text(_pdf(pages), "p.pdf"), "pdf"))


def test_a_header_and_a_footer_seen_once_in_the_margins_are_left_out_of_the_entries_and_said():
    parsed = _parsed([FIRST, [HEADER, *SECOND, FOOTER]])
    assert [r.raw for r in parsed.references] == [
        "Mulder, T. 2017. Sediment and the Dutch Wadden coast. Delft: Deltares Press.",
        "Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press.",
        "Zeldin, R. 2019. Grazing and salt. https://example.org/grazing"]
    said = [f for f in parsed.findings if f.kind == Kind.UNPARSED_ENTRY]
    assert len(said) == 1 and "'Journal of Marsh Notes 12, 2024' (1x)" in said[0].message
    assert "'2 Preprint - not peer reviewed' (1x)" in said[0].message


def test_a_footnote_in_smaller_type_on_a_page_of_the_list_is_a_note_read_with_the_body():
    parsed = _parsed([[*FIRST, NOTE], SECOND])
    assert [r.raw for r in parsed.references][1:] == [
        "Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press.",
        "Zeldin, R. 2019. Grazing and salt. https://example.org/grazing"]
    assert [c.text for c in find_citations(parsed.body)] == ["Mulder 2017", "Bakker 2021", "Zeldin (2019)"]


def test_a_heading_at_the_top_of_a_page_and_a_list_in_smaller_type_stay_text():
    # "References" drawn alone at the top of the second page, a gap below it, above every other line: no digit,
    # not smaller than the text, so no header; entries in 8-point type under 11-point text are no footnotes
    first = _lines(["Saltmarshes store carbon (Mulder 2017) and feed cattle (Bakker 2021)."], top=600)
    second = ["BT /F1 11 Tf 72 760 Td (References) Tj ET"] + _lines(
        ["Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press.",
         "Mulder, T. 2017. Sediment and the Dutch Wadden coast. Delft: Deltares Press."], top=700, size=8, step=10)
    parsed = _parsed([first, second])
    assert [r.authors[0].family for r in parsed.references] == ["Bakker", "Mulder"]
    assert not [f for f in parsed.findings if f.kind == Kind.UNPARSED_ENTRY]


def test_lines_at_the_edge_of_both_pages_of_a_placed_pdf_are_text_when_drawn_in_the_text():
    # a thesis's chapters each on a page, each opening "Chapter N" and ending with its bibliography, the same
    # work last in both: the edge lines were taken for a running header and footer and removed
    zhao = "Zhao, L. 2014. Strong contributions of local climate. Nature 511: 216-219."
    first = ["BT /F1 18 Tf 72 740 Td (Chapter 1) Tj ET"] + _lines(
        ["Cities are warmer (Zhao 2014), says Oke (2017).", "", "References",
         "Oke, T. 2017. Urban climates. Cambridge: Cambridge University Press.", zhao], top=700)
    second = ["BT /F1 18 Tf 72 740 Td (Chapter 2) Tj ET"] + _lines(
        ["Heat kills (Gasparrini 2015), again (Zhao 2014).", "", "References",
         "Gasparrini, A. 2015. Mortality risk and temperature. The Lancet 386: 369-375.", zhao], top=700)
    parsed = _parsed([first, second])
    assert [r.authors[0].family for r in parsed.references] == ["Oke", "Zhao", "Gasparrini"]
    assert [c.text for c in find_citations(parsed.body)] == ["Zhao 2014", "Oke (2017)", "Gasparrini 2015", "Zhao 2014"]
    assert not [f for f in parsed.findings if f.kind == Kind.UNPARSED_ENTRY]


def test_a_header_in_the_texts_own_size_on_both_pages_of_two_is_still_a_header():
    header = "BT /F1 11 Tf 72 760 Td (Saltmarsh restoration) Tj ET"  # no number, not smaller: on every page
    parsed = _parsed([[header, *FIRST], [header, *SECOND]])
    assert [r.raw for r in parsed.references][1] == "Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press."


def test_the_date_a_browser_prints_above_a_page_printed_alone_is_a_header_not_the_last_entrys():
    # Chrome's "Print to PDF" of a one-page article: the date and time above the text, drawn after it, which pypdf
    # gives after the last entry ("... 1-9. 11/23/26, 7:35 PM essay" read as page 35 and a note "PM essay")
    page = _lines(["Saltmarshes store carbon (Mulder 2017) and feed cattle (Bakker 2021).", "", "References",
                   "Bakker, J. 2021. Cattle on the marsh. Leeuwarden: Fryske Akademy Press.",
                   "Mulder, T. 2017. Sediment. Marsh Studies, 140, 1-9."], top=700)
    stamp = "BT /F1 8 Tf 20 775 Td (11/23/26, 7:35 PM) Tj 280 0 Td (essay) Tj ET"
    parsed = _parsed([[*page, stamp]])
    assert parsed.references[-1].raw == "Mulder, T. 2017. Sediment. Marsh Studies, 140, 1-9."
    said = [f for f in parsed.findings if f.kind == Kind.UNPARSED_ENTRY]
    assert len(said) == 1 and "11/23/26, 7:35 PM" in said[0].message
    # a small line above a page printed alone that is no such date stays text, as before
    parsed = _parsed([[*page, "BT /F1 8 Tf 20 775 Td (Marsh Studies 12) Tj ET"]])
    assert "Marsh Studies 12" in parsed.body.text or "Marsh Studies 12" in parsed.references[-1].raw
