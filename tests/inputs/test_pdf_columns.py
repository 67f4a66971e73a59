"""Two-column PDF pages: pypdf's default order is the content stream's; a page drawn row by row
is read in layout mode and its columns unjoined by ``parse.columns``."""
from __future__ import annotations

import pytest

from citecheck.inputs.pdf import pdf_text
from citecheck.model import SourceDoc
from citecheck.parse.document import parse_document
from minimal_pdf import pdf_from_objects  # tests/minimal_pdf.py

pytest.importorskip("pypdf")

LEFT = ["References", "", "Smith, J. (2019). A study of river stages", "   in upland Britain. Water, 3, 1-19.",
        "Brown, A. (2017). Floods and storms in", "   small catchments. Nature, 5, 2-13.",
        "Green, C. (2015). Rain over the hills.", "   Sky and Land, 7, 80-95."]
RIGHT = ["", "", "Jones, K. (2018). Another look at river", "   stages after rain. Rivers, 4, 50-66.",
         "White, B. (2016). Gauges and meters: a", "   field guide. London: Wiley.",
         "Grey, E. (2013). Long records of river", "   stages in Wales. Mud, 1, 1-22."]


def two_column_pdf(order: str) -> bytes:
    """One page, Helvetica 10pt, left column at x=50 and right at x=310; drawn "rows" (left line,
    right line, next row ...) or "columns" (the left column, then the right)."""
    runs = [(50, 750 - 12 * i, t) for i, t in enumerate(LEFT) if t]
    runs += [(310, 750 - 12 * i, t) for i, t in enumerate(RIGHT) if t]
    if order == "rows":
        runs.sort(key=lambda r: (-r[1], r[0]))
    ops = []
    for x, y, t in runs:
        t = t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 10 Tf {x} {y} Td ({t}) Tj ET")
    stream = "\n".join(ops)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               "/Contents 5 0 R >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream"]
    return pdf_from_objects(objects)


def families(text: str) -> list[str]:
    parsed = parse_document(SourceDoc("c.pdf", text, "pdf"))
    return [r.authors[0].family for r in parsed.references]


def test_a_page_drawn_column_by_column_keeps_pypdfs_default_order():
    text = pdf_text(two_column_pdf("columns"), "c.pdf")
    assert "\f" not in text and "Water, 3, 1-19.\n" in text  # no layout gaps: one column's line per line
    assert families(text) == ["Smith", "Brown", "Green", "Jones", "White", "Grey"]


def test_a_page_drawn_row_by_row_is_read_in_layout_mode_and_unjoined():
    text = pdf_text(two_column_pdf("rows"), "r.pdf")
    assert "river stages" in text and "     Jones, K. (2018)" in text  # the columns apart by a wide gap
    assert families(text) == ["Smith", "Brown", "Green", "Jones", "White", "Grey"]
